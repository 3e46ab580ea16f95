// The reference results page (tests/data/seed-page.jsonl, the 35 cards shown for `attention`):
// indexed on its own, every card must come back for `attention`, the Transformer-XL card
// through stemming alone ("Attentive").
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "search/highlighter.h"
#include "search/searcher.h"
#include "test_index.h"

namespace paperdeck::search {
namespace {

std::vector<TestPaper> SeedPapers() {
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/seed-page.jsonl");
  EXPECT_TRUE(in.good());
  std::vector<TestPaper> papers;
  std::string line;
  while (std::getline(in, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    TestPaper p;
    p.key = papers.size() + 1;
    p.title = j.value("title", "");
    p.abstract = j.value("abstract", "");
    p.authors.push_back(j.value("authors_shown", ""));
    if (j.contains("date")) p.date = j["date"].get<std::string>();
    p.year = j.value("year", p.date.empty() ? 0 : std::stoi(p.date.substr(0, 4)));
    if (j.contains("categories")) {
      for (const auto& c : j["categories"]) p.categories.push_back(c.get<std::string>());
    }
    p.citations = j.value("citations", int64_t{-1});
    p.upvotes = j.value("upvotes", int64_t{-1});
    papers.push_back(p);
  }
  return papers;
}

TEST(SeedPage, EveryCardMatchesAttention) {
  std::vector<TestPaper> papers = SeedPapers();
  ASSERT_EQ(papers.size(), 35u);
  TestIndex index;
  index.Add(papers);
  Searcher searcher(index.Reader());
  SearchRequest request;
  request.query = "attention";
  request.limit = 35;
  Result<SearchResponse> r = searcher.Search(request);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 35u);

  uint64_t transformer_xl = 0;
  for (const TestPaper& p : papers) {
    if (p.title.starts_with("Transformer-XL")) transformer_xl = p.key;
  }
  ASSERT_NE(transformer_xl, 0u);
  bool found = false;
  for (const SearchHit& h : r->hits) found = found || h.paper_key == transformer_xl;
  EXPECT_TRUE(found);
  // Only "Attentive" in its title meets the query: the card never writes "attention".
  const TestPaper& xl = papers[transformer_xl - 1];
  ASSERT_EQ((xl.title + xl.abstract).find("ttention"), std::string::npos);

  // And the title shows why it matched.
  text::Analyzer analyzer;
  const std::string& title = papers[transformer_xl - 1].title;
  std::vector<HighlightSpan> spans = Highlight(title, r->highlight_terms, analyzer);
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(title.substr(spans[0].begin, spans[0].end - spans[0].begin), "Attentive");

  // The best hit has the word in its title.
  EXPECT_NE(papers[r->hits[0].paper_key - 1].title.find("ttention"), std::string::npos);
}

TEST(SeedPage, NewestFirstPutsUndatedCardsLast) {
  std::vector<TestPaper> papers = SeedPapers();
  TestIndex index;
  index.Add(papers);
  Searcher searcher(index.Reader());
  SearchRequest request;
  request.query = "attention";
  request.sort = SortOrder::kNewest;
  request.limit = 35;
  Result<SearchResponse> r = searcher.Search(request);
  ASSERT_TRUE(r.ok());
  bool undated_seen = false;
  std::string previous = "9999-99-99";
  for (const SearchHit& h : r->hits) {
    const std::string& date = papers[h.paper_key - 1].date;
    if (date.empty()) {
      undated_seen = true;
      continue;
    }
    EXPECT_FALSE(undated_seen) << "a dated card after an undated one";
    EXPECT_LE(date, previous);
    previous = date;
  }
  EXPECT_TRUE(undated_seen);
}

}  // namespace
}  // namespace paperdeck::search
