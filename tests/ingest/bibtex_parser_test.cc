// The syntax of .bib files: entries, macros, comments, and recovery from a bad entry.
#include "ingest/bibtex_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Parsed {
  std::vector<BibEntry> entries;
  std::vector<std::pair<uint64_t, std::string>> errors;  // (line, message)
};

Parsed ParseAll(std::string_view text) {
  Parsed out;
  BibtexParser parser(text);
  for (int guard = 0; guard < 1000; ++guard) {
    BibEntry entry;
    std::string error;
    uint64_t line = 0;
    switch (parser.Next(&entry, &error, &line)) {
      case BibtexParser::Outcome::kEnd:
        return out;
      case BibtexParser::Outcome::kEntry:
        out.entries.push_back(entry);
        break;
      case BibtexParser::Outcome::kBadEntry:
        out.errors.emplace_back(line, error);
        break;
    }
  }
  ADD_FAILURE() << "the parser does not end";
  return out;
}

std::vector<std::string> Keys(const Parsed& p) {
  std::vector<std::string> keys;
  for (const BibEntry& e : p.entries) keys.push_back(e.key);
  return keys;
}

TEST(BibtexParserTest, ReadsFieldsInEveryDelimiter) {
  Parsed p = ParseAll(
      "@Article{key1,\n"
      "  Title = {A {Nested {Deeply}} Title},\n"
      "  author = \"Doe, J. and {Big Lab}\",\n"
      "  year = 2020,\n"
      "  note = {spans\n     two   lines}\n"
      "}\n");
  ASSERT_EQ(p.entries.size(), 1u);
  const BibEntry& e = p.entries[0];
  EXPECT_EQ(e.type, "article");
  EXPECT_EQ(e.key, "key1");
  EXPECT_EQ(e.line, 1u);
  EXPECT_EQ(*e.Find("title"), "A {Nested {Deeply}} Title");
  EXPECT_EQ(*e.Find("author"), "Doe, J. and {Big Lab}");
  EXPECT_EQ(*e.Find("year"), "2020");
  EXPECT_EQ(*e.Find("note"), "spans two lines");
  EXPECT_EQ(e.fields[2].line, 4u);
}

TEST(BibtexParserTest, MacrosMonthsAndConcatenation) {
  Parsed p = ParseAll(
      "@string{nips = \"Advances in NeurIPS\"}\n"
      "@STRING(conf = {Proc. of } # nips)\n"
      "@inproceedings{k, booktitle = conf # \" 2017\", month = jan, journal = undefinedmacro}\n");
  ASSERT_EQ(p.entries.size(), 1u);
  EXPECT_EQ(*p.entries[0].Find("booktitle"), "Proc. of Advances in NeurIPS 2017");
  EXPECT_EQ(*p.entries[0].Find("month"), "January");
  // A macro never defined stands for its own name: nothing is lost.
  EXPECT_EQ(*p.entries[0].Find("journal"), "undefinedmacro");
  EXPECT_TRUE(p.errors.empty());
}

TEST(BibtexParserTest, CommentsPreamblesAndTextBetweenEntriesAreSkipped) {
  Parsed p = ParseAll(
      "% a comment with an address someone@example.org\n"
      "Text outside entries is a comment too.\n"
      "@comment{jabref-meta: databaseType:bibtex;}\n"
      "@preamble{\"\\newcommand{\\noopsort}[1]{}\"}\n"
      "@misc(parens, title = {In Parentheses})\n"
      "@misc{nofields}\n");
  EXPECT_THAT(Keys(p), ElementsAre("parens", "nofields"));
  EXPECT_TRUE(p.errors.empty()) << p.errors[0].second;
  EXPECT_EQ(p.entries[0].line, 5u);
}

TEST(BibtexParserTest, ABadEntryIsReportedAtItsLineAndTheNextOnesAreRead) {
  Parsed p = ParseAll(
      "@article{good1, title = {One}}\n"
      "\n"
      "@article{bad,\n"
      "  title = {Never closed,\n"
      "  year = {2021},\n"
      "}\n"
      "\n"
      "@article{good2, title = {Two}}\n"
      "@article{bad2, title {no equals sign}}\n"
      "@article{good3, title = {Three},}\n");
  EXPECT_THAT(Keys(p), ElementsAre("good1", "good2", "good3"));
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_EQ(p.errors[0].first, 3u);
  EXPECT_THAT(p.errors[0].second, HasSubstr("@article{bad"));
  EXPECT_THAT(p.errors[0].second, HasSubstr("'title' (line 4)"));
  EXPECT_EQ(p.errors[1].first, 9u);
  EXPECT_THAT(p.errors[1].second, HasSubstr("expected '=' after field 'title'"));
}

TEST(BibtexParserTest, AValueRunningToTheEndOfTheFileLosesOnlyItsEntry) {
  Parsed p = ParseAll(
      "@article{bad, title = {runs away\n"
      "@article{good, title = {Kept}}\n");
  EXPECT_THAT(Keys(p), ElementsAre("good"));
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].first, 1u);
  EXPECT_THAT(p.errors[0].second, HasSubstr("never closed"));
}

TEST(BibtexParserTest, DeepNestingAndGarbageEnd) {
  std::string deep = "@misc{deep, title = {" + std::string(100000, '{') +
                     std::string(100000, '}') + "}}\n@";
  Parsed p = ParseAll(deep);
  EXPECT_THAT(Keys(p), ElementsAre("deep"));
  EXPECT_EQ(p.errors.size(), 1u);  // the lone '@' at the end
  EXPECT_TRUE(ParseAll("").entries.empty());
  EXPECT_EQ(ParseAll("@").errors.size(), 1u);
  EXPECT_EQ(ParseAll("@misc{").errors.size(), 1u);
}

}  // namespace
}  // namespace paperdeck::ingest
