#include "search/searcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "test_index.h"

namespace paperdeck::search {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using ::testing::IsEmpty;

std::vector<TestPaper> Papers() {
  return {
      {1, "Sparse Attention Transformers",
       "We study sparse patterns of attention over long sequences.", {"Rewon Child", "Scott Gray"},
       "", {"cs.LG", "stat.ML"}, "2019-04-23", 2019, 1500, -1},
      {2, "Transformer-XL: Attentive Language Models beyond a Fixed-Length Context",
       "Transformers have a potential of learning longer-term dependency.",
       {"Zihang Dai", "Zhilin Yang"}, "ACL 2019", {"cs.LG", "cs.CL"}, "2019-01-09", 2019, 3000, -1},
      {3, "Linear Attention via Sliding Window Kernels",
       "Keys inside a sliding window with linear attention.", {"Ada Lovelace"}, "", {"cs.CL"},
       "2026-06-05", 2026, -1, 126},
      {4, "Efficient Vision Transformers",
       "Attention for computer vision with sliding-window attention.", {"Grace Hopper"}, "",
       {"cs.CV"}, "2024-03-01", 2024, 50, 10},
      {5, "Mixture of Experts at Scale", "A mixture of experts model routes tokens to experts.",
       {"Tri Dao"}, "", {"cs.LG"}, "2023-07-15", 2023, 200, -1},
      {6, "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
       "Foundation models built on state space layers.", {"Albert Gu", "Tri Dao"}, "COLM 2024",
       {"cs.LG", "cs.AI"}, "2023-12-01", 2023, 2000, 300},
      {7, "A Survey of Graph Neural Networks", "Graphs everywhere.", {"Dao Nguyen"}, "",
       {"cs.SI"}, "", 2021, -1, -1},
      {8, "Attention in Vision", "Attention maps explain vision models.", {"Grace Hopper"}, "",
       {"cs.CV"}, "2025-01-10", 2025, 5, 0},
      {9, "Quantum Fields", "Nothing about machine learning here.", {"Paul Dirac"}, "",
       {"hep-th"}, "", 0, -1, -1},
  };
}

class SearcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Add(Papers());
    searcher_ = std::make_unique<Searcher>(index_.Reader());
  }

  SearchResponse Run(const std::string& query, SortOrder sort = SortOrder::kRelevance,
                     uint32_t offset = 0, uint32_t limit = 1000,
                     QueryMode mode = QueryMode::kOperators) {
    SearchRequest r;
    r.query = query;
    r.sort = sort;
    r.offset = offset;
    r.limit = limit;
    r.mode = mode;
    Result<SearchResponse> response = searcher_->Search(r);
    EXPECT_TRUE(response.ok()) << query << ": " << response.status().message();
    if (!response.ok()) return {};
    // The total is exact: whatever the page, it counts every match.
    return std::move(response).value();
  }

  // The keys of every hit, in order; expects a well-formed query.
  std::vector<uint64_t> Keys(const std::string& query, SortOrder sort = SortOrder::kRelevance) {
    SearchResponse r = Run(query, sort);
    EXPECT_FALSE(r.notice) << query << ": " << r.notice->message;
    EXPECT_EQ(r.total, r.hits.size()) << query;
    std::vector<uint64_t> keys;
    for (const SearchHit& h : r.hits) keys.push_back(h.paper_key);
    return keys;
  }

  std::set<uint64_t> KeySet(const std::string& query) {
    std::vector<uint64_t> k = Keys(query);
    return {k.begin(), k.end()};
  }

  TestIndex index_;
  std::unique_ptr<Searcher> searcher_;
};

using Set = std::set<uint64_t>;

TEST_F(SearcherTest, BareWordsMustAllMatch) {
  EXPECT_EQ(KeySet("sparse attention"), Set({1}));
  EXPECT_EQ(KeySet("vision transformers"), Set({4}));
  EXPECT_EQ(KeySet("vision quantum"), Set({}));
}

TEST_F(SearcherTest, WordsAreStemmed) {
  // "Attentive" in the Transformer-XL title meets `attention` through the stemmer.
  EXPECT_EQ(KeySet("attention"), Set({1, 2, 3, 4, 8}));
  EXPECT_EQ(KeySet("attentive"), Set({1, 2, 3, 4, 8}));
  EXPECT_EQ(KeySet("transformer"), Set({1, 2, 4}));
}

TEST_F(SearcherTest, StopWordsAreDropped) {
  EXPECT_EQ(KeySet("the attention of"), KeySet("attention"));
  EXPECT_EQ(KeySet("attention or vision"), Set({4, 8}));  // lowercase `or` is a word, a stop word
}

TEST_F(SearcherTest, CompoundWordsMatchTheirPartsAsAPhrase) {
  // Paper 3 writes "Sliding Window", paper 4 "sliding-window".
  EXPECT_EQ(KeySet("sliding-window"), Set({3, 4}));
  EXPECT_EQ(KeySet("\"sliding window\""), Set({3, 4}));
  EXPECT_EQ(KeySet("\"sliding-window attention\""), Set({4}));
  EXPECT_EQ(KeySet("linear-time"), Set({6}));
  EXPECT_EQ(KeySet("transformer-xl"), Set({2}));
}

TEST_F(SearcherTest, PhrasesNeedAdjacentPositions) {
  EXPECT_EQ(KeySet("\"linear attention\""), Set({3}));
  EXPECT_EQ(KeySet("\"attention linear\""), Set({}));
  EXPECT_EQ(KeySet("\"state space\""), Set({6}));
  EXPECT_EQ(KeySet("\"state spaces\""), Set({6}));
}

TEST_F(SearcherTest, StopWordsInsideAPhraseAreGaps) {
  EXPECT_EQ(KeySet("\"mixture of experts\""), Set({5}));
  EXPECT_EQ(KeySet("\"mixture the experts\""), Set({5}));  // any stop word holds the place
  EXPECT_EQ(KeySet("\"mixture experts\""), Set({}));
}

TEST_F(SearcherTest, PhrasesStayInsideOneFieldValue) {
  EXPECT_EQ(KeySet("author:\"tri dao\""), Set({5, 6}));
  // "Albert Gu" and "Tri Dao" are two values of one field: no phrase spans them.
  EXPECT_EQ(KeySet("author:\"gu tri\""), Set({}));
  // Nor the end of a title and the start of the abstract.
  EXPECT_EQ(KeySet("\"transformers we\""), Set({}));
}

TEST_F(SearcherTest, FieldsRestrictWhereAWordMatches) {
  EXPECT_EQ(KeySet("title:attention"), Set({1, 2, 3, 8}));
  EXPECT_EQ(KeySet("ti:attention"), Set({1, 2, 3, 8}));
  EXPECT_EQ(KeySet("abstract:attention"), Set({1, 3, 4, 8}));
  EXPECT_EQ(KeySet("abs:vision"), Set({4, 8}));
  EXPECT_EQ(KeySet("author:dao"), Set({5, 6, 7}));
  EXPECT_EQ(KeySet("au:hopper"), Set({4, 8}));
  EXPECT_EQ(KeySet("venue:colm"), Set({6}));
  EXPECT_EQ(KeySet("colm"), Set({}));  // bare words do not look at the venue
  EXPECT_EQ(KeySet("title:(sparse attention)"), Set({1}));
  EXPECT_EQ(KeySet("title:(attention vision)"), Set({8}));
  EXPECT_EQ(KeySet("title:\"linear attention\""), Set({3}));
  EXPECT_EQ(KeySet("abstract:\"linear attention\""), Set({3}));
  EXPECT_EQ(KeySet("author:attention"), Set({}));
}

TEST_F(SearcherTest, UnknownFieldNamesAreJustWords) {
  // Searched as words, with a notice saying so (forgiving_search_test.cc has more).
  SearchResponse r = Run("foo:bar attention");
  ASSERT_TRUE(r.notice);
  EXPECT_EQ(r.notice->message, "unknown field foo: searched as words");
  EXPECT_EQ(r.notice->kind, QueryNotice::Kind::kReadAs);
  r = Run("http://example.org/x");
  EXPECT_FALSE(r.notice);
}

TEST_F(SearcherTest, Categories) {
  EXPECT_EQ(KeySet("cat:cs.CV"), Set({4, 8}));
  EXPECT_EQ(KeySet("cat:CS.cv"), Set({4, 8}));
  EXPECT_EQ(KeySet("cat:cs"), Set({1, 2, 3, 4, 5, 6, 7, 8}));
  EXPECT_EQ(KeySet("cat:hep-th"), Set({9}));
  EXPECT_EQ(KeySet("cat:cs.CL attention"), Set({2, 3}));
  EXPECT_EQ(KeySet("cat:math.AG"), Set({}));
  // Secondary categories count too.
  EXPECT_EQ(KeySet("cat:stat.ML"), Set({1}));
  EXPECT_EQ(KeySet("cat:stat"), Set({1}));
}

TEST_F(SearcherTest, YearFilters) {
  EXPECT_EQ(KeySet("year:2019"), Set({1, 2}));
  EXPECT_EQ(KeySet("year:>=2024"), Set({3, 4, 8}));
  EXPECT_EQ(KeySet("year:>2024"), Set({3, 8}));
  EXPECT_EQ(KeySet("year:2020..2023"), Set({5, 6, 7}));
  EXPECT_EQ(KeySet("year:<2020"), Set({1, 2}));  // an unknown year (paper 9) is never in range
  EXPECT_EQ(KeySet("year:<=2021 attention"), Set({1, 2}));
}

TEST_F(SearcherTest, DateFilters) {
  EXPECT_EQ(KeySet("date:2026-06"), Set({3}));
  EXPECT_EQ(KeySet("date:2026-06-01..2026-06-30"), Set({3}));
  EXPECT_EQ(KeySet("date:2019-01-09"), Set({2}));
  EXPECT_EQ(KeySet("date:<=2019-12-31"), Set({1, 2}));  // unknown dates never match
  EXPECT_EQ(KeySet("date:2023-07-15..2023-12-01"), Set({5, 6}));
  EXPECT_EQ(KeySet("date:>=2024"), Set({3, 4, 8}));
  EXPECT_EQ(KeySet("date:2023"), Set({5, 6}));
}

TEST_F(SearcherTest, FiltersDoNotScore) {
  SearchResponse plain = Run("attention");
  SearchResponse filtered = Run("attention cat:cs year:>=2000 date:>=1990-01-01");
  ASSERT_EQ(plain.hits.size(), filtered.hits.size());
  for (size_t i = 0; i < plain.hits.size(); ++i) {
    EXPECT_EQ(plain.hits[i].paper_key, filtered.hits[i].paper_key);
    EXPECT_FLOAT_EQ(plain.hits[i].score, filtered.hits[i].score);
  }
  for (const SearchHit& h : Run("cat:cs").hits) EXPECT_EQ(h.score, 0);
}

TEST_F(SearcherTest, Negation) {
  EXPECT_EQ(KeySet("attention -vision"), Set({1, 2, 3}));
  EXPECT_EQ(KeySet("attention NOT vision"), Set({1, 2, 3}));
  EXPECT_EQ(KeySet("attention -vision -sparse"), Set({2, 3}));
  EXPECT_EQ(KeySet("attention -\"linear attention\""), Set({1, 2, 4, 8}));
  EXPECT_EQ(KeySet("attention -cat:cs.CL"), Set({1, 4, 8}));
  EXPECT_EQ(KeySet("attention -title:attention"), Set({4}));
  EXPECT_EQ(KeySet("attention -(sparse OR vision)"), Set({2, 3}));
}

TEST_F(SearcherTest, PureNegativeMatchesEverythingElse) {
  EXPECT_EQ(KeySet("-vision"), Set({1, 2, 3, 5, 6, 7, 9}));
  EXPECT_EQ(KeySet("NOT cat:cs"), Set({9}));
  EXPECT_EQ(KeySet("-year:<2024 -year:>=2024"), Set({9}));
  EXPECT_EQ(KeySet("*"), Set({1, 2, 3, 4, 5, 6, 7, 8, 9}));
}

TEST_F(SearcherTest, OrBindsTighterThanImplicitAnd) {
  // attention AND (sparse OR linear); read the other way, paper 6 ("Linear-Time") would match.
  EXPECT_EQ(KeySet("attention sparse OR linear"), Set({1, 3}));
  EXPECT_EQ(KeySet("attention AND sparse OR linear"), Set({1, 3}));
  EXPECT_EQ(KeySet("(attention sparse) OR linear"), Set({1, 3, 6}));
  EXPECT_EQ(KeySet("mamba OR quantum OR graph"), Set({6, 7, 9}));
  EXPECT_EQ(KeySet("title:mamba OR cat:hep-th"), Set({6, 9}));
  EXPECT_EQ(KeySet("quantum OR -cat:cs"), Set({9}));
}

TEST_F(SearcherTest, EmptyQueriesMatchNothing) {
  EXPECT_EQ(KeySet(""), Set({}));
  EXPECT_EQ(KeySet("the of"), Set({}));
  EXPECT_EQ(KeySet("\"\""), Set({}));
  EXPECT_EQ(KeySet("-the"), Set({}));
}

TEST_F(SearcherTest, TitleMatchRanksAboveAbstractMatch) {
  // Paper 3 has "Sliding Window" in its title and abstract, paper 4 only in its abstract.
  EXPECT_THAT(Keys("sliding-window"), ElementsAre(3, 4));
  SearchResponse r = Run("attention");
  for (size_t i = 1; i < r.hits.size(); ++i) EXPECT_GE(r.hits[i - 1].score, r.hits[i].score);
  EXPECT_GT(r.hits.back().score, 0);
}

TEST(SearcherRelevance, TitleOutweighsAbstract) {
  // Same words, same lengths: only the field the query word sits in differs.
  TestIndex index;
  index.Add({
      {1, "Learning Overview", "Kernel methods in practice.", {"A B"}, "", {}, "2020-01-01", 2020},
      {2, "Kernel Methods", "Learning overview in practice.", {"C D"}, "", {}, "2020-01-01", 2020},
      {3, "Other Things", "Nothing related in practice.", {"E F"}, "", {}, "2020-01-01", 2020},
  });
  Searcher searcher(index.Reader());
  SearchRequest request;
  request.query = "kernel";
  Result<SearchResponse> r = searcher.Search(request);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].paper_key, 2u);
  EXPECT_EQ(r->hits[1].paper_key, 1u);
  EXPECT_GT(r->hits[0].score, r->hits[1].score);
  // A rarer word weighs more: "kernel" (2 papers) against "practice" (3 papers).
  request.query = "kernel OR practice";
  r = searcher.Search(request);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 3u);
  EXPECT_EQ(r->hits[2].paper_key, 3u);
}

TEST_F(SearcherTest, SortsPutUnknownValuesLast) {
  // Dates: 3 (2026-06-05), 8, 4, 6, 5, 1, 2, then the unknown dates 7 and 9 by key.
  EXPECT_THAT(Keys("*", SortOrder::kNewest), ElementsAre(3, 8, 4, 6, 5, 1, 2, 7, 9));
  // Citations: 2 (3000), 6, 1, 5, 4, 8, then unknown 3, 7, 9 by date (3 is dated) then key.
  EXPECT_THAT(Keys("*", SortOrder::kCitations), ElementsAre(2, 6, 1, 5, 4, 8, 3, 7, 9));
  // Upvotes: 6 (300), 3, 4, 8 (0), then the unknown ones newest first.
  EXPECT_THAT(Keys("*", SortOrder::kUpvotes), ElementsAre(6, 3, 4, 8, 5, 1, 2, 7, 9));
  // Relevance with all scores equal: newest first, unknown dates last.
  EXPECT_THAT(Keys("*"), ElementsAre(3, 8, 4, 6, 5, 1, 2, 7, 9));
  // Within a sort, ties on the column go by relevance.
  EXPECT_THAT(Keys("attention", SortOrder::kNewest), ElementsAre(3, 8, 4, 1, 2));
}

TEST_F(SearcherTest, SortingByAColumnStillScores) {
  SearchResponse r = Run("attention", SortOrder::kCitations);
  ASSERT_FALSE(r.hits.empty());
  for (const SearchHit& h : r.hits) EXPECT_GT(h.score, 0);
}

TEST_F(SearcherTest, PagesConcatenateToTheFullList) {
  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kCitations,
                         SortOrder::kUpvotes}) {
    for (const char* query : {"*", "attention", "-vision", "cat:cs OR quantum"}) {
      SearchResponse full = Run(query, sort);
      std::vector<uint64_t> paged;
      for (uint32_t offset = 0; offset < full.total + 3; offset += 2) {
        SearchResponse page = Run(query, sort, offset, 2);
        EXPECT_EQ(page.total, full.total) << query;
        EXPECT_LE(page.hits.size(), 2u);
        for (const SearchHit& h : page.hits) paged.push_back(h.paper_key);
      }
      std::vector<uint64_t> all;
      for (const SearchHit& h : full.hits) all.push_back(h.paper_key);
      EXPECT_EQ(paged, all) << query;
    }
  }
}

TEST_F(SearcherTest, TotalsAreExactWhateverThePage) {
  SearchResponse r = Run("attention", SortOrder::kRelevance, 0, 1);
  EXPECT_EQ(r.total, 5u);
  EXPECT_EQ(r.hits.size(), 1u);
  r = Run("attention", SortOrder::kRelevance, 0, 0);
  EXPECT_EQ(r.total, 5u);
  EXPECT_THAT(r.hits, IsEmpty());
  r = Run("-vision", SortOrder::kNewest, 100, 10);
  EXPECT_EQ(r.total, 7u);
  EXPECT_THAT(r.hits, IsEmpty());
}

TEST_F(SearcherTest, RefusesPagesItCannotServe) {
  SearchRequest r;
  r.query = "attention";
  r.limit = kMaxSearchLimit + 1;
  EXPECT_EQ(searcher_->Search(r).status().code(), Status::Code::kInvalidArgument);
  r.limit = 10;
  r.offset = kMaxSearchOffset + 1;
  EXPECT_EQ(searcher_->Search(r).status().code(), Status::Code::kInvalidArgument);
  r.offset = kMaxSearchOffset;
  EXPECT_TRUE(searcher_->Search(r).ok());
}

TEST_F(SearcherTest, HighlightTermsAreThePositiveTerms) {
  SearchResponse r = Run("attention -vision \"sliding window\" cat:cs year:2020");
  EXPECT_THAT(r.highlight_terms, UnorderedElementsAre("attent", "slide", "window"));
  r = Run("FlashAttention-3");
  EXPECT_THAT(r.highlight_terms, ::testing::Contains("attent"));
  EXPECT_THAT(r.highlight_terms, ::testing::Contains("flash"));
}

TEST_F(SearcherTest, PlainTextModeHasNoOperators) {
  SearchResponse r = Run("-vision", SortOrder::kRelevance, 0, 100, QueryMode::kPlainText);
  EXPECT_FALSE(r.notice);
  EXPECT_EQ(r.total, 2u);  // the papers about vision
  r = Run("attention OR \"vision", SortOrder::kRelevance, 0, 100, QueryMode::kPlainText);
  EXPECT_FALSE(r.notice);
  EXPECT_EQ(r.total, 2u);
  r = Run("sliding-window (linear", SortOrder::kRelevance, 0, 100, QueryMode::kPlainText);
  ASSERT_EQ(r.hits.size(), 1u);
  EXPECT_EQ(r.hits[0].paper_key, 3u);
}

struct MalformedCase {
  const char* query;
  size_t position;
  uint64_t total;  // of the plain-text reading
};

TEST_F(SearcherTest, MalformedQueriesRunAsPlainTextWithANotice) {
  const MalformedCase cases[] = {
      {"(sparse attention", 17, 1},
      {"sparse attention)", 16, 1},
      {"\"linear attention", 17, 1},
      {"attention OR", 12, 5},
      {"OR attention", 0, 5},
      {"attention NOT", 13, 5},
      {"attention -", 11, 5},
      {"title:", 6, 0},
      {"title: mamba", 6, 0},
      {"year:abc", 5, 0},
      {"date:2026-13-40", 5, 0},
      {"attention year:2023..2020", 15, 0},
      {"vision ()", 8, 2},
  };
  for (const MalformedCase& c : cases) {
    SearchResponse r = Run(c.query);
    ASSERT_TRUE(r.notice.has_value()) << c.query;
    EXPECT_EQ(r.notice->position, c.position) << c.query << ": " << r.notice->message;
    EXPECT_FALSE(r.notice->message.empty());
    EXPECT_EQ(r.total, c.total) << c.query;
    EXPECT_EQ(r.hits.size(), r.total);
  }
  SearchResponse r = Run("(sparse attention");
  EXPECT_EQ(r.notice->message, "expected ')' to close '(' at 0");
}

}  // namespace
}  // namespace paperdeck::search
