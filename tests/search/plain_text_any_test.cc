// QueryMode::kPlainTextAny: questions in natural language, where any word may match and more
// (and rarer) matching words rank higher; and free text, whatever a person types, runs in every
// mode without an error.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

class PlainTextAnyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<TestPaper> papers(5);
    papers[0] = {.key = 1, .title = "Heat conduction in composite slabs",
                 .abstract = "Exact solutions for layered slabs."};
    papers[1] = {.key = 2, .title = "Heat transfer in boundary layers",
                 .abstract = "Measurements at supersonic speed."};
    papers[2] = {.key = 3, .title = "Composite materials", .abstract = "Fibre laminates."};
    papers[3] = {.key = 4, .title = "Protein folding", .abstract = "Intermediate states."};
    papers[4] = {.key = 5, .title = "Sliding-window attention", .abstract = "Local windows."};
    index_.Add(papers);
    searcher_ = std::make_unique<Searcher>(index_.Reader());
  }

  std::vector<uint64_t> Keys(const std::string& query, QueryMode mode) {
    SearchRequest request;
    request.query = query;
    request.mode = mode;
    request.limit = 100;
    Result<SearchResponse> r = searcher_->Search(request);
    EXPECT_TRUE(r.ok()) << r.status().message();
    std::vector<uint64_t> keys;
    if (r.ok()) {
      EXPECT_FALSE(r->notice);
      EXPECT_EQ(r->total, r->hits.size());
      for (const SearchHit& h : r->hits) keys.push_back(h.paper_key);
    }
    return keys;
  }

  TestIndex index_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(PlainTextAnyTest, AnyWordMayMatchAndMoreWordsRankHigher) {
  const std::string question = "which problems of heat conduction in composite slabs were solved?";
  // Requiring every word finds nothing: "problems" and "solved" are in no paper.
  EXPECT_TRUE(Keys(question, QueryMode::kPlainText).empty());
  std::vector<uint64_t> any = Keys(question, QueryMode::kPlainTextAny);
  ASSERT_EQ(any.size(), 3u);  // papers with heat, conduction, composite or slabs
  EXPECT_EQ(any[0], 1u);      // all four words
}

TEST_F(PlainTextAnyTest, StopWordsAloneMatchNothing) {
  // Stop words are not indexed: a question of them alone matches nothing.
  EXPECT_TRUE(Keys("is it the one and not this", QueryMode::kPlainTextAny).empty());
  EXPECT_TRUE(Keys("   ", QueryMode::kPlainTextAny).empty());
}

TEST_F(PlainTextAnyTest, NoCharacterIsAnOperator) {
  // As operators, -heat would exclude and title: restrict; here they are words.
  EXPECT_EQ(Keys("-heat", QueryMode::kPlainTextAny).size(), 2u);
  EXPECT_EQ(Keys("-heat", QueryMode::kPlainTextAny), Keys("heat", QueryMode::kPlainTextAny));
  EXPECT_EQ(Keys("title: protein OR (laminates", QueryMode::kPlainTextAny).size(), 2u);
  EXPECT_EQ(Keys("\"sliding window\"", QueryMode::kPlainTextAny), (std::vector<uint64_t>{5}));
}

// Questions as people type them (from test-collection queries and by hand), and random bytes:
// every mode answers each without an error.
TEST(FreeText, EveryModeAnswersAnyText) {
  RandomPapers random(7);
  TestIndex index;
  index.Add(random.Papers(80));
  Searcher searcher(index.Reader());
  std::vector<std::string> texts = {
      "what similarity laws must be obeyed when constructing aeroelastic models of heated high "
      "speed aircraft .",
      "0-dimensional biomaterials lack inductive properties.",
      "1 in 5 million in UK have abnormal PrP positivity.",
      "ALDH1 expression is associated with poorer prognosis for breast cancer primary tumors.",
      "the crystalline lens in vertebrates, including humans.",
      "How does the \"Transformer-XL\" compare to (BERT)? -- see arXiv:1901.02860",
      "year:2020..abc title: NOT OR AND ( ) \" - *",
      "what's the O(n^2) cost of attention? title:(sparse",
      "Schrödinger 注意力 🙂 $\\alpha$-helix",
      "",
      "   ",
      "\"\"",
      "-",
      "NOT",
      "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a",
  };
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> byte(1, 255), length(1, 40);
  for (int i = 0; i < 50; ++i) {
    std::string t;
    for (int n = length(rng); n > 0; --n) t.push_back(static_cast<char>(byte(rng)));
    texts.push_back(t);
  }
  for (const std::string& text : texts) {
    for (QueryMode mode : {QueryMode::kOperators, QueryMode::kPlainText, QueryMode::kPlainTextAny}) {
      SearchRequest request;
      request.query = text;
      request.mode = mode;
      request.limit = 20;
      Result<SearchResponse> r = searcher.Search(request);
      ASSERT_TRUE(r.ok()) << text << ": " << r.status().message();
      EXPECT_LE(r->hits.size(), r->total);
      if (mode != QueryMode::kOperators) EXPECT_FALSE(r->notice) << text;
    }
  }
}

// Every question of the development collections, when they are beside the project
// (../shared/eval/dev/*/queries.jsonl), in every mode. The suite does not need them: without
// them this test is skipped, and FreeText.EveryModeAnswersAnyText holds samples of them.
TEST(FreeText, EveryDevelopmentQuestionInEveryMode) {
  const std::filesystem::path dev =
      std::filesystem::path(PAPERDECK_TEST_DATA) / ".." / ".." / ".." / "shared" / "eval" / "dev";
  std::vector<std::string> lines;
  std::error_code ec;
  if (std::filesystem::is_directory(dev, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(dev, ec)) {
      std::ifstream in(entry.path() / "queries.jsonl");
      for (std::string line; std::getline(in, line);) lines.push_back(line);
    }
  }
  if (lines.empty()) GTEST_SKIP() << "no development collections at " << dev;
  RandomPapers random(5);
  TestIndex index;
  index.Add(random.Papers(200));
  Searcher searcher(index.Reader());
  for (const std::string& line : lines) {  // the JSON line itself: quotes, braces, colons
    for (QueryMode mode : {QueryMode::kOperators, QueryMode::kPlainText, QueryMode::kPlainTextAny}) {
      SearchRequest request;
      request.query = line;
      request.mode = mode;
      Result<SearchResponse> r = searcher.Search(request);
      ASSERT_TRUE(r.ok()) << line << ": " << r.status().message();
    }
  }
}

}  // namespace
}  // namespace paperdeck::search
