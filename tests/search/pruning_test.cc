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

// The queries whose matches are counted apart and whose walk skips (one word, disjunctions of
// words, categories, any-word questions), and conjunctions beside them, over segments with
// deleted papers: same pages, same scores, same exact totals as scoring every match.
TEST(Pruning, CountedApartQueriesEqualExhaustiveScoringWithDeletions) {
  RandomPapers random(20261128);
  TestIndex index;
  std::vector<TestPaper> papers = random.Papers(1500);
  index.Add(papers, /*per_commit=*/500);
  for (size_t i = 0; i < papers.size(); i += 7) {
    ASSERT_TRUE(index.writer().Remove(papers[i].key).ok());
  }
  index.Commit();
  auto reader = index.Reader();
  Searcher pruned(reader);
  Searcher exhaustive(reader, SearcherOptions{.bm25f = {}, .prune = false});

  int checked = 0;
  for (int i = 0; i < 600; ++i) {
    SearchRequest request;
    switch (i % 6) {
      case 0:
        request.query = random.Word();
        break;
      case 1:
        request.query = "title:" + random.Word() + " OR " + random.Word();
        break;
      case 2:
      case 3: {
        const int n = 2 + i % 5;
        for (int w = 0; w < n; ++w) request.query += (w ? " OR " : "") + random.Word();
        if (i % 10 == 3) request.query += " OR cat:cs";
        break;
      }
      case 4:
        request.mode = QueryMode::kPlainTextAny;
        request.query = random.Words(3, 8);
        break;
      case 5:
        switch (i % 4) {
          case 1:
            request.query = random.Word() + " " + random.Word();
            break;
          case 3:
            request.query = random.Word() + " " + random.Word() + " " + random.Word();
            break;
          default:
            request.query = "(" + random.Word() + " OR " + random.Word() + ") title:" +
                            random.Word() + " cat:cs";
        }
        break;
    }
    request.limit = i % 3 == 0 ? 50 : 10;
    request.offset = i % 4 == 0 ? 10 : 0;
    Result<SearchResponse> a = pruned.Search(request);
    Result<SearchResponse> b = exhaustive.Search(request);
    ASSERT_TRUE(a.ok() && b.ok());
    ExpectSameResponse(*a, *b, request.query);
    if (b->total > request.limit + request.offset) ++checked;
  }
  EXPECT_GT(checked, 250);  // most queries had more matches than their page
}

}  // namespace
}  // namespace paperdeck::search
