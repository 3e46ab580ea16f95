// What the index's segment structure must not change: deleted and replaced papers never come
// back, and many segments answer exactly as one.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "search/searcher.h"
#include "random_papers.h"

namespace paperdeck::search {
namespace {

SearchResponse RunQuery(const Searcher& searcher, const std::string& query,
                   SortOrder sort = SortOrder::kRelevance, uint32_t limit = 1000) {
  SearchRequest request;
  request.query = query;
  request.sort = sort;
  request.limit = limit;
  Result<SearchResponse> r = searcher.Search(request);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? r.value() : SearchResponse{};
}

std::set<uint64_t> KeySet(const SearchResponse& r) {
  std::set<uint64_t> keys;
  for (const SearchHit& h : r.hits) keys.insert(h.paper_key);
  return keys;
}

TEST(Segments, ManySegmentsAnswerAsOne) {
  RandomPapers random(7);
  std::vector<TestPaper> papers = random.Papers(400);
  TestIndex many, one;
  many.Add(papers, /*per_commit=*/37);
  one.Add(papers);
  ASSERT_TRUE(one.writer().Optimize().ok());
  auto many_reader = many.Reader();
  ASSERT_GT(many_reader->segments().size(), 5u);
  ASSERT_EQ(one.Reader()->segments().size(), 1u);
  Searcher a(many_reader), b(one.Reader());
  for (int i = 0; i < 150; ++i) {
    std::string q = random.Query();
    SortOrder sort = i % 4 == 0 ? SortOrder::kUpvotes : SortOrder::kRelevance;
    SearchResponse ra = RunQuery(a, q, sort, 20), rb = RunQuery(b, q, sort, 20);
    ASSERT_EQ(ra.total, rb.total) << q;
    ASSERT_EQ(ra.hits.size(), rb.hits.size()) << q;
    for (size_t h = 0; h < ra.hits.size(); ++h) {
      EXPECT_EQ(ra.hits[h].paper_key, rb.hits[h].paper_key) << q;
      EXPECT_FLOAT_EQ(ra.hits[h].score, rb.hits[h].score) << q;
    }
  }
}

TEST(Segments, DeletedPapersAreNeverReturned) {
  RandomPapers random(11);
  std::vector<TestPaper> papers = random.Papers(300);
  TestIndex index;
  index.Add(papers, /*per_commit=*/100);
  std::set<uint64_t> removed;
  for (uint64_t key = 1; key <= 300; key += 3) {
    ASSERT_TRUE(index.writer().Remove(key).ok());
    removed.insert(key);
  }
  index.Commit();

  // The same papers without the removed ones: the same matches (scores differ, as statistics
  // count deleted documents until a merge).
  TestIndex live;
  std::vector<TestPaper> kept;
  for (const TestPaper& p : papers) {
    if (!removed.contains(p.key)) kept.push_back(p);
  }
  live.Add(kept);

  Searcher searcher(index.Reader()), expected(live.Reader());
  SearchResponse all = RunQuery(searcher, "*");
  EXPECT_EQ(all.total, 200u);
  for (int i = 0; i < 100; ++i) {
    std::string q = i == 0 ? "-" + RandomVocabulary()[0] : random.Query();
    SearchResponse r = RunQuery(searcher, q), e = RunQuery(expected, q);
    EXPECT_EQ(r.total, e.total) << q;
    EXPECT_EQ(KeySet(r), KeySet(e)) << q;
    for (const SearchHit& h : r.hits) EXPECT_FALSE(removed.contains(h.paper_key)) << q;
  }
}

TEST(Segments, AReplacedPaperIsFoundByItsNewTextOnly) {
  TestIndex index;
  TestPaper p{1, "Quantum Lattice Models", "An abstract.", {"Ada Lovelace"}, "", {"hep-th"},
              "2020-01-01", 2020};
  index.Add({p});
  p.title = "Protein Folding";
  p.categories = {"q-bio.BM"};
  index.Add({p});
  Searcher searcher(index.Reader());
  EXPECT_EQ(RunQuery(searcher, "quantum").total, 0u);
  EXPECT_EQ(RunQuery(searcher, "cat:hep-th").total, 0u);
  EXPECT_EQ(RunQuery(searcher, "protein").total, 1u);
  EXPECT_EQ(RunQuery(searcher, "cat:q-bio").total, 1u);
  EXPECT_EQ(RunQuery(searcher, "*").total, 1u);
}

TEST(Segments, AnEmptyIndexFindsNothing) {
  TestIndex index;
  Searcher searcher(index.Reader());
  for (const char* q : {"attention", "*", "-vision", "year:2020", "cat:cs", ""}) {
    SearchResponse r = RunQuery(searcher, q);
    EXPECT_EQ(r.total, 0u) << q;
    EXPECT_TRUE(r.hits.empty());
  }
}

TEST(Segments, ManyThreadsSearchOneSnapshot) {
  RandomPapers random(5);
  TestIndex index;
  index.Add(random.Papers(300), /*per_commit=*/120);
  Searcher searcher(index.Reader());
  std::vector<std::string> queries;
  for (int i = 0; i < 40; ++i) queries.push_back(random.Query());
  std::vector<SearchResponse> expected;
  for (const std::string& q : queries) expected.push_back(RunQuery(searcher, q, SortOrder::kRelevance, 10));

  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round) {
        for (size_t i = 0; i < queries.size(); ++i) {
          SearchRequest request;
          request.query = queries[i];
          request.limit = 10;
          Result<SearchResponse> r = searcher.Search(request);
          if (!r.ok() || r->total != expected[i].total || r->hits.size() != expected[i].hits.size()) {
            ++mismatches[t];
            continue;
          }
          for (size_t h = 0; h < r->hits.size(); ++h) {
            if (r->hits[h].paper_key != expected[i].hits[h].paper_key) ++mismatches[t];
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace paperdeck::search
