#include "model/person_name.h"

#include <gtest/gtest.h>

namespace paperdeck {
namespace {

TEST(PersonNameTest, TheLastWordIsTheFamilyName) {
  PersonName n = SplitPersonName("Ashish  Vaswani");
  EXPECT_EQ(n.given, "Ashish");
  EXPECT_EQ(n.family, "Vaswani");
  EXPECT_EQ(SplitPersonName("Ana Maria de la Cruz").family, "de la Cruz");
  EXPECT_EQ(SplitPersonName("Ana Maria de la Cruz").given, "Ana Maria");
  EXPECT_EQ(SplitPersonName("C. Balázs").family, "Balázs");
}

TEST(PersonNameTest, SuffixesCommasAndSingleWords) {
  PersonName king = SplitPersonName("Martin Luther King Jr.");
  EXPECT_EQ(king.family, "King");
  EXPECT_EQ(king.given, "Martin Luther");
  EXPECT_EQ(king.suffix, "Jr.");
  PersonName comma = SplitPersonName("van Beethoven, Ludwig");
  EXPECT_EQ(comma.family, "van Beethoven");
  EXPECT_EQ(comma.given, "Ludwig");
  PersonName org = SplitPersonName("DeepMind");
  EXPECT_EQ(org.family, "DeepMind");
  EXPECT_EQ(org.given, "");
  // A lowercase first word is still a given name.
  EXPECT_EQ(SplitPersonName("danah boyd").family, "boyd");
}

}  // namespace
}  // namespace paperdeck
