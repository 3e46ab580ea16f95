// Pruning must never change a response: the pages a pruned search returns equal those of
// exhaustive scoring, for random papers and queries.
#include <gtest/gtest.h>

#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

void ExpectSameResponse(const SearchResponse& a, const SearchResponse& b, const std::string& what) {
  ASSERT_EQ(a.total, b.total) << what;
  ASSERT_EQ(a.hits.size(), b.hits.size()) << what;
  for (size_t i = 0; i < a.hits.size(); ++i) {
    EXPECT_EQ(a.hits[i].paper_key, b.hits[i].paper_key) << what << " hit " << i;
    EXPECT_EQ(a.hits[i].score, b.hits[i].score) << what << " hit " << i;
  }
}

TEST(Pruning, TopTenEqualsExhaustiveScoring) {
  RandomPapers random(20260605);
  TestIndex index;
  index.Add(random.Papers(700), /*per_commit=*/300);  // three segments, postings of many blocks
  auto reader = index.Reader();
  Searcher pruned(reader);
  Searcher exhaustive(reader, SearcherOptions{.bm25f = {}, .prune = false});

  int with_hits = 0;
  for (int i = 0; i < 300; ++i) {
    SearchRequest request;
    request.query = random.Query();
    request.limit = 10;
    request.offset = i % 3 == 0 ? 10 : 0;
    request.sort = i % 5 == 0 ? SortOrder::kNewest : i % 7 == 0 ? SortOrder::kCitations
                                                                : SortOrder::kRelevance;
    Result<SearchResponse> a = pruned.Search(request);
    Result<SearchResponse> b = exhaustive.Search(request);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_FALSE(a->notice) << request.query;
    ExpectSameResponse(*a, *b, request.query);
    if (a->total > 20) ++with_hits;
  }
  EXPECT_GT(with_hits, 100);  // the queries were not all trivially empty
}

}  // namespace
}  // namespace paperdeck::search
