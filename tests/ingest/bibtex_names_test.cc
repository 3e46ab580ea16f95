// Author lists by BibTeX's rules.
#include "ingest/bibtex_names.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;

TEST(BibtexNamesTest, TheThreeFormsOfAName) {
  BibtexName a = SplitBibtexName("Ludwig van Beethoven");
  EXPECT_EQ(a.given, "Ludwig");
  EXPECT_EQ(a.von, "van");
  EXPECT_EQ(a.family, "Beethoven");

  BibtexName b = SplitBibtexName("van der Berg, Anna");
  EXPECT_EQ(b.von, "van der");
  EXPECT_EQ(b.family, "Berg");
  EXPECT_EQ(b.given, "Anna");

  BibtexName c = SplitBibtexName("King, Jr, Martin Luther");
  EXPECT_EQ(c.family, "King");
  EXPECT_EQ(c.jr, "Jr");
  EXPECT_EQ(c.given, "Martin Luther");

  BibtexName d = SplitBibtexName("Jean de La Fontaine");
  EXPECT_EQ(d.given, "Jean");
  EXPECT_EQ(d.von, "de");
  EXPECT_EQ(d.family, "La Fontaine");
}

TEST(BibtexNamesTest, ListsAreShownGivenFirstWithLatexDecoded) {
  AuthorList list = ParseBibtexNames(
      "Vaswani, Ashish and Kaiser, {\\L}ukasz and Schr{\\\"o}dinger, Erwin and "
      "Ludwig van Beethoven and van der Berg, Anna and King, Jr, Martin Luther");
  EXPECT_THAT(list.names, ElementsAre("Ashish Vaswani", "Łukasz Kaiser", "Erwin Schrödinger",
                                      "Ludwig van Beethoven", "Anna van der Berg",
                                      "Martin Luther King, Jr"));
  EXPECT_TRUE(list.complete);
}

TEST(BibtexNamesTest, CorporateNamesInBracesStayWhole) {
  AuthorList list = ParseBibtexNames("{Google DeepMind} and {Barnes and Noble} and Doe, Jane");
  EXPECT_THAT(list.names, ElementsAre("Google DeepMind", "Barnes and Noble", "Jane Doe"));
  // A braced family name is not a von part, whatever its case.
  EXPECT_EQ(SplitBibtexName("{de Gaulle}, Charles").family, "{de Gaulle}");
}

TEST(BibtexNamesTest, AndOthersMeansTheListIsIncomplete) {
  AuthorList list = ParseBibtexNames("Anil, Rohan and Borgeaud, Sebastian and others");
  EXPECT_THAT(list.names, ElementsAre("Rohan Anil", "Sebastian Borgeaud"));
  EXPECT_FALSE(list.complete);
}

TEST(BibtexNamesTest, AccentedVonWordsAndOddSpacing) {
  // "{\'E}mile" is capitalised: not a von word.
  EXPECT_EQ(SplitBibtexName("{\\'E}mile Zola").given, "{\\'E}mile");
  AuthorList list = ParseBibtexNames("  Doe,  John   AND\n Roe, Richard ");
  EXPECT_THAT(list.names, ElementsAre("John Doe", "Richard Roe"));
  EXPECT_TRUE(ParseBibtexNames("").names.empty());
}

}  // namespace
}  // namespace paperdeck::ingest
