#include "library/citation_key.h"

#include <gtest/gtest.h>

namespace paperdeck::library {
namespace {

PaperRecord Paper(std::string title, std::vector<std::string> authors, int year,
                  std::string published = "") {
  PaperRecord r;
  r.title = std::move(title);
  r.authors = std::move(authors);
  r.year = year;
  r.published = std::move(published);
  return r;
}

TEST(CitationKeyTest, FamilyYearAndFirstSignificantWord) {
  EXPECT_EQ(CitationKeyBase(Paper("Attention Is All You Need", {"Ashish Vaswani", "Noam Shazeer"},
                                  2017)),
            "vaswani2017attention");
  // Articles and short stop words are skipped; the year comes from the date when none is given.
  EXPECT_EQ(CitationKeyBase(Paper("On the Opportunities and Risks of Foundation Models",
                                  {"Rishi Bommasani"}, 0, "2021-08-16")),
            "bommasani2021opportunities");
  EXPECT_EQ(CitationKeyBase(Paper("A Survey of Large Language Models", {"Wayne Xin Zhao"}, 2023)),
            "zhao2023survey");
}

TEST(CitationKeyTest, LettersAreTransliteratedToAscii) {
  EXPECT_EQ(CitationKeyBase(Paper("Größenordnungen der Aufmerksamkeit", {"Zoë Ångström"}, 2025)),
            "angstrom2025grossenordnungen");
  EXPECT_EQ(CitationKeyBase(Paper("Über $\\alpha$-Netze", {"Jürgen Müller-Lüdenscheidt"}, 2020)),
            "mullerludenscheidt2020uber");
  // A name in another script becomes its Latin reading.
  EXPECT_EQ(CitationKeyBase(Paper("Transformers", {"王 伟"}, 2024)).substr(0, 4), "wei2");
  EXPECT_EQ(CitationKeyBase(Paper("$\\mathcal{O}(n)$ Attention", {"A. Author"}, 2024)),
            "author2024attention");
}

TEST(CitationKeyTest, MissingPartsAreLeftOutOrNamedAnon) {
  EXPECT_EQ(CitationKeyBase(Paper("Untitled Work", {}, 0)), "anonuntitled");
  EXPECT_EQ(CitationKeyBase(Paper("The", {"Jane Doe"}, 1999)), "doe1999");
}

TEST(CitationKeyTest, CandidatesCountThroughTheAlphabet) {
  EXPECT_EQ(CitationKeyCandidate("k", 0), "k");
  EXPECT_EQ(CitationKeyCandidate("k", 1), "ka");
  EXPECT_EQ(CitationKeyCandidate("k", 2), "kb");
  EXPECT_EQ(CitationKeyCandidate("k", 26), "kz");
  EXPECT_EQ(CitationKeyCandidate("k", 27), "kaa");
}

TEST(CitationKeyTest, KeysBibtexCannotTakeAreNamed) {
  EXPECT_EQ(CitationKeyProblem("vaswani2017attention"), "");
  EXPECT_EQ(CitationKeyProblem("Smith:2020:Deep-Nets_v2"), "");
  EXPECT_NE(CitationKeyProblem(""), "");
  EXPECT_NE(CitationKeyProblem("two words"), "");
  EXPECT_NE(CitationKeyProblem("brace{"), "");
  EXPECT_NE(CitationKeyProblem("a,b"), "");
}

}  // namespace
}  // namespace paperdeck::library
