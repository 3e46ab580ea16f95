#include "search/highlighter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace paperdeck::search {
namespace {

// The pieces of text marked for the query words `words` (each analysed as the searcher would).
std::vector<std::string> Marked(std::string_view text, const std::vector<std::string>& words) {
  text::Analyzer analyzer;
  std::vector<std::string> terms;
  for (const std::string& w : words) {
    for (const text::QueryWord& q : analyzer.AnalyzeQuery(w)) {
      if (!q.whole.empty()) terms.push_back(q.whole);
      for (const std::string& part : q.parts) terms.push_back(part);
    }
  }
  std::vector<std::string> out;
  for (const HighlightSpan& s : Highlight(text, terms, analyzer)) {
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

TEST(Highlighter, MarksWordsWhoseTermIsWanted) {
  EXPECT_THAT(Marked("Transformer-XL: Attentive Language Models", {"attention"}),
              ::testing::ElementsAre("Attentive"));
  EXPECT_THAT(Marked("Sparse attention, dense ATTENTION.", {"attention", "sparse"}),
              ::testing::ElementsAre("Sparse", "attention", "ATTENTION"));
}

TEST(Highlighter, CompoundsAreMarkedWholeOrByPart) {
  // The query's compound: its whole term covers the word, and overlapping spans merge.
  EXPECT_THAT(Marked("a sliding-window attention", {"sliding-window"}),
              ::testing::ElementsAre("sliding-window"));
  // Separate words mark the parts they meet.
  EXPECT_THAT(Marked("a sliding-window attention", {"sliding", "window"}),
              ::testing::ElementsAre("sliding", "window"));
  EXPECT_THAT(Marked("FlashAttention-3 is fast", {"attention"}), ::testing::ElementsAre("Attention"));
}

TEST(Highlighter, NothingWantedNothingMarked) {
  EXPECT_TRUE(Marked("Attention everywhere", {}).empty());
  EXPECT_TRUE(Marked("", {"attention"}).empty());
  EXPECT_TRUE(Marked("Graph networks", {"attention"}).empty());
  text::Analyzer analyzer;
  EXPECT_TRUE(Highlight("the of and", {"the", "of"}, analyzer).empty());  // stop words: no terms
}

TEST(Highlighter, SpansAreValidOnAnyBytes) {
  std::string text = "Schr\xc3\xb6""dinger \xff attention \xe2\x80";
  text::Analyzer analyzer;
  for (const HighlightSpan& s : Highlight(text, {analyzer.Term("attention"), analyzer.Term("Schrödinger")}, analyzer)) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
  }
  EXPECT_THAT(Marked(text, {"attention"}), ::testing::ElementsAre("attention"));
  EXPECT_THAT(Marked(text, {"schrodinger"}), ::testing::ElementsAre("Schr\xc3\xb6""dinger"));
}

}  // namespace
}  // namespace paperdeck::search
