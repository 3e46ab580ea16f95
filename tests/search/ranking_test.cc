// Ranking beyond BM25F: proximity (search/proximity.h) and the handling of questions in
// QueryMode::kPlainTextAny (question words, repeated words).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "search/question_words.h"
#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

std::vector<uint64_t> Keys(const Searcher& searcher, const std::string& query, QueryMode mode,
                           uint32_t offset = 0, uint32_t limit = 10) {
  SearchRequest request;
  request.query = query;
  request.mode = mode;
  request.offset = offset;
  request.limit = limit;
  Result<SearchResponse> r = searcher.Search(request);
  EXPECT_TRUE(r.ok()) << r.status().message();
  std::vector<uint64_t> keys;
  if (r.ok()) {
    for (const SearchHit& h : r->hits) keys.push_back(h.paper_key);
  }
  return keys;
}

// Two abstracts with the same words and the same length; only the distance between the query's
// words differs.
std::vector<TestPaper> NearAndFar() {
  std::vector<TestPaper> papers(2);
  papers[0] = {.key = 1, .title = "A study",
               .abstract = "heat flows through layered walls; we measure conduction in slabs"};
  papers[1] = {.key = 2, .title = "A study",
               .abstract = "we measure heat conduction in slabs; flows through layered walls"};
  return papers;
}

TEST(Proximity, WordsNearEachOtherRankHigher) {
  TestIndex index;
  index.Add(NearAndFar());
  Searcher with(index.Reader());
  Searcher without(index.Reader(), SearcherOptions{.proximity = 0});
  for (QueryMode mode : {QueryMode::kOperators, QueryMode::kPlainTextAny}) {
    EXPECT_EQ(Keys(with, "heat conduction", mode), (std::vector<uint64_t>{2, 1}));
    // Without proximity the two score the same: the tie goes to the smaller key.
    EXPECT_EQ(Keys(without, "heat conduction", mode), (std::vector<uint64_t>{1, 2}));
  }
}

TEST(Proximity, OneWordGetsNoBonus) {
  TestIndex index;
  index.Add(NearAndFar());
  Searcher with(index.Reader());
  Searcher without(index.Reader(), SearcherOptions{.proximity = 0});
  SearchRequest request;
  request.query = "conduction";
  Result<SearchResponse> a = with.Search(request);
  Result<SearchResponse> b = without.Search(request);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->hits.size(), 2u);
  EXPECT_EQ(a->hits[0].score, b->hits[0].score);
}

TEST(Proximity, PagesConcatenateToTheFullRanking) {
  // Pages of a reranked ranking neither overlap nor skip, within the pool and past it.
  RandomPapers random(99);
  TestIndex index;
  index.Add(random.Papers(400));
  Searcher searcher(index.Reader(), SearcherOptions{.proximity_pool = 30});
  for (int q = 0; q < 20; ++q) {
    const std::string query = random.Query();
    for (QueryMode mode : {QueryMode::kOperators, QueryMode::kPlainTextAny}) {
      std::vector<uint64_t> all = Keys(searcher, query, mode, 0, 90);
      std::vector<uint64_t> pages;
      for (uint32_t offset = 0; offset < 90; offset += 9) {
        std::vector<uint64_t> page = Keys(searcher, query, mode, offset, 9);
        pages.insert(pages.end(), page.begin(), page.end());
      }
      EXPECT_EQ(pages, all) << query;
    }
  }
}

TEST(Proximity, PruningDoesNotChangeTheRerankedAnswer) {
  RandomPapers random(2026);
  TestIndex index;
  index.Add(random.Papers(600), /*per_commit=*/250);
  auto reader = index.Reader();
  Searcher pruned(reader);
  Searcher exhaustive(reader, SearcherOptions{.prune = false});
  for (int i = 0; i < 100; ++i) {
    SearchRequest request;
    request.query = random.Query() + " " + random.Query();
    request.mode = i % 2 ? QueryMode::kPlainTextAny : QueryMode::kOperators;
    request.offset = i % 3 == 0 ? 10 : 0;
    Result<SearchResponse> a = pruned.Search(request);
    Result<SearchResponse> b = exhaustive.Search(request);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->total, b->total);
    ASSERT_EQ(a->hits.size(), b->hits.size()) << request.query;
    for (size_t h = 0; h < a->hits.size(); ++h) {
      EXPECT_EQ(a->hits[h].paper_key, b->hits[h].paper_key) << request.query;
      EXPECT_EQ(a->hits[h].score, b->hits[h].score) << request.query;
    }
  }
}

TEST(QuestionWords, FrameAQuestionInAnyCase) {
  for (const char* w : {"what", "What", "WHICH", "how", "does", "been", "known", "far"}) {
    EXPECT_TRUE(IsQuestionWord(w)) << w;
  }
  for (const char* w : {"heat", "attention", "", "whatsoever", "model"}) {
    EXPECT_FALSE(IsQuestionWord(w)) << w;
  }
}

TEST(QuestionWords, DroppedFromQuestionsButSearchableAsOperators) {
  TestIndex index;
  std::vector<TestPaper> papers(2);
  papers[0] = {.key = 1, .title = "How to train your model", .abstract = "Recipes."};
  papers[1] = {.key = 2, .title = "Model training", .abstract = "What matters."};
  index.Add(papers);
  Searcher searcher(index.Reader());
  // In the query language "how" is a word like any other.
  EXPECT_EQ(Keys(searcher, "how", QueryMode::kOperators), (std::vector<uint64_t>{1}));
  // A question of question words alone asks for nothing.
  EXPECT_TRUE(Keys(searcher, "what, how and which?", QueryMode::kPlainTextAny).empty());
  EXPECT_EQ(Keys(searcher, "how does a recipe work?", QueryMode::kPlainTextAny),
            (std::vector<uint64_t>{1}));
}

TEST(RepeatedWords, CountLessThanOnceEach) {
  // "slab" repeated four times leans the ranking towards it, without counting four times over.
  TestIndex index;
  std::vector<TestPaper> papers(2);
  papers[0] = {.key = 1, .title = "Slab", .abstract = "x"};
  papers[1] = {.key = 2, .title = "Conduction", .abstract = "x"};
  for (int i = 0; i < 6; ++i) {
    papers.push_back({.key = static_cast<uint64_t>(10 + i), .title = "Slab papers", .abstract = "y"});
  }
  index.Add(papers);
  Searcher searcher(index.Reader(), SearcherOptions{.proximity = 0});
  auto score = [&](const std::string& q, uint64_t key) {
    SearchRequest request;
    request.query = q;
    request.mode = QueryMode::kPlainTextAny;
    request.limit = 100;
    Result<SearchResponse> r = searcher.Search(request);
    EXPECT_TRUE(r.ok());
    for (const SearchHit& h : r->hits) {
      if (h.paper_key == key) return h.score;
    }
    return 0.0f;
  };
  const float once = score("slab", 1);
  const float four = score("slab slab slab slab", 1);
  EXPECT_NEAR(four, 2 * once, 1e-4);  // sqrt(4) = 2
}

}  // namespace
}  // namespace paperdeck::search
