// Pruning must never change a response: the pages a pruned search returns equal those of
// exhaustive scoring, for random papers and queries.
#include <gtest/gtest.h>

#include "expect_same_response.h"
#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

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
// deleted papers: same pages, same scores, same exact totals as scoring every match; and the
// same pages when the matches are not counted at all.
// Runs 600 queries of every kind counted apart over reader, pruned and exhaustively, and
// expects the same responses; returns how many had more matches than their page.
int ExpectPrunedEqualsExhaustive(const std::shared_ptr<const index::IndexReader>& reader,
                                 RandomPapers& random);

TEST(Pruning, CountedApartQueriesEqualExhaustiveScoringWithDeletions) {
  RandomPapers random(20261128);
  TestIndex index;
  std::vector<TestPaper> papers = random.Papers(1500);
  index.Add(papers, /*per_commit=*/500);
  for (size_t i = 0; i < papers.size(); i += 7) {
    ASSERT_TRUE(index.writer().Remove(papers[i].key).ok());
  }
  index.Commit();
  EXPECT_GT(ExpectPrunedEqualsExhaustive(index.Reader(), random), 250);  // most queries had more matches than their page
}

// The same over segments the tiered policy merged in the background while papers were added
// and removed: merged segments answer as exhaustive scoring does, with the same totals as the
// unmerged index.
TEST(Pruning, BackgroundMergedSegmentsEqualExhaustiveScoring) {
  RandomPapers random(20261203);
  std::vector<TestPaper> papers = random.Papers(1500);
  TestIndex merged, plain;
  index::IndexWriterOptions options;
  index::MergePolicyOptions policy;
  policy.segments_per_tier = 2;
  policy.max_merge_at_once = 4;
  policy.floor_segment_bytes = 1;
  options.merge_policy = policy;
  merged.writer(options);
  for (TestIndex* index : {&merged, &plain}) {
    index->Add(papers, /*per_commit=*/100);
    for (size_t i = 0; i < papers.size(); i += 7) {
      ASSERT_TRUE(index->writer().Remove(papers[i].key).ok());
    }
    index->Commit();
  }
  ASSERT_TRUE(merged.writer().WaitForMerges().ok());
  ASSERT_GT(merged.writer().merges_done(), 0u);
  auto reader = merged.Reader();
  EXPECT_LT(reader->segments().size(), plain.Reader()->segments().size());
  EXPECT_EQ(reader->live_doc_count(), plain.Reader()->live_doc_count());
  EXPECT_GT(ExpectPrunedEqualsExhaustive(reader, random), 250);
  // Totals do not depend on how the segments were merged.
  Searcher on_merged(reader), on_plain(plain.Reader());
  for (int i = 0; i < 100; ++i) {
    SearchRequest request;
    request.query = random.Word() + " OR " + random.Word();
    Result<SearchResponse> a = on_merged.Search(request);
    Result<SearchResponse> b = on_plain.Search(request);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(a->total, b->total) << request.query;
  }
}

int ExpectPrunedEqualsExhaustive(const std::shared_ptr<const index::IndexReader>& reader,
                                 RandomPapers& random) {
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
    EXPECT_TRUE(a.ok() && b.ok());
    if (!a.ok() || !b.ok()) continue;
    ExpectSameResponse(*a, *b, request.query);
    if (b->total > request.limit + request.offset) ++checked;
    // Not counted (a pool to rank again), the same page: only what could reach it was walked.
    SearchRequest uncounted = request;
    uncounted.count = false;
    Result<SearchResponse> c = pruned.Search(uncounted);
    EXPECT_TRUE(c.ok());
    if (!c.ok() || b->showing_suggestion) continue;
    EXPECT_EQ(c->total, 0u) << request.query;
    SearchResponse counted_page = *b;
    counted_page.total = 0;
    ExpectSameResponse(*c, counted_page, request.query + " (not counted)");
  }
  return checked;
}

// The same over segments whose lists of 8 documents or more have bitmaps (index/term_bitmaps.h),
// so that totals are counted from bitmap unions and intersections, words without one walked
// beside them: written segments with deletions, then one merged segment with deletions again.
TEST(Pruning, BitmapCountsEqualExhaustiveScoringWithDeletionsAndAfterAMerge) {
  RandomPapers random(20261203);
  TestIndex index;
  index.writer(index::IndexWriterOptions{.term_bitmap_min_docs = 8});
  std::vector<TestPaper> papers = random.Papers(1200);
  index.Add(papers, /*per_commit=*/400);
  for (size_t i = 0; i < papers.size(); i += 9) {
    ASSERT_TRUE(index.writer().Remove(papers[i].key).ok());
  }
  index.Commit();

  auto check = [&](const char* stage) {
    auto reader = index.Reader();
    Searcher pruned(reader);
    Searcher exhaustive(reader, SearcherOptions{.bm25f = {}, .prune = false});
    int checked = 0;
    for (int i = 0; i < 300; ++i) {
      SearchRequest request;
      switch (i % 6) {
        case 0:  // "neurips" is in venues alone, which a bare word does not search
          request.query = random.Word() + " OR " + random.Word() + (i % 12 == 0 ? " OR neurips" : "");
          break;
        case 1:
          request.query = random.Word() + " " + random.Word();
          break;
        case 2:
          request.query = random.Word() + " " + random.Word() + " " + random.Word() + " OR cat:cs";
          break;
        case 3:
          request.query = "(" + random.Word() + " OR title:" + random.Word() + ") " + random.Word();
          break;
        case 4:
          request.mode = QueryMode::kPlainTextAny;
          request.query = random.Words(2, 5);
          break;
        case 5:
          request.query = "=" + random.Word() + " OR " + random.Word() + "s cat:cs";
          break;
      }
      request.limit = 10;
      Result<SearchResponse> a = pruned.Search(request);
      Result<SearchResponse> b = exhaustive.Search(request);
      ASSERT_TRUE(a.ok() && b.ok());
      ExpectSameResponse(*a, *b, std::string(stage) + ": " + request.query);
      if (b->total > 10) ++checked;
    }
    EXPECT_GT(checked, 100) << stage;
  };
  check("written segments");
  ASSERT_TRUE(index.writer().Optimize().ok());
  index.Commit();
  for (size_t i = 4; i < papers.size(); i += 11) {
    ASSERT_TRUE(index.writer().Remove(papers[i].key).ok());
  }
  index.Commit();
  check("merged segment");
}

}  // namespace
}  // namespace paperdeck::search
