// Facets and facet filters: the counts a results page shows beside the cards, over every match.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "expect_same_response.h"
#include "random_papers.h"
#include "search/searcher.h"
#include "test_index.h"

namespace paperdeck::search {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::vector<TestPaper> Papers() {
  return {
      {1, "Sparse Attention", "attention over long sequences", {"A"}, "", {"cs.LG", "stat.ML"},
       "2019-04-23", 2019, 1500, -1},
      {2, "Attentive Language Models", "longer-term dependency", {"B"}, "", {"cs.LG", "cs.CL"},
       "2019-01-09", 2019, 3000, -1},
      {3, "Linear Attention", "sliding window", {"C"}, "", {"cs.CL"}, "2026-06-05", 2026, -1, 126},
      {4, "Vision Attention", "attention for images", {"D"}, "", {"cs.CV"}, "2024-03-01", 2024,
       50, 10},
      {5, "Mixture of Experts", "routes tokens", {"E"}, "", {"cs.LG"}, "2023-07-15", 2023, 200,
       -1},
      {6, "Attention without a year", "no date known", {"F"}, "", {"hep-th"}, "", 0, -1, -1},
  };
}

class FacetsTest : public ::testing::Test {
 protected:
  SearchResponse Run(SearchRequest r) {
    Searcher searcher(index_.Reader());
    Result<SearchResponse> response = searcher.Search(r);
    EXPECT_TRUE(response.ok()) << response.status().message();
    return response.ok() ? std::move(response).value() : SearchResponse{};
  }
  static SearchRequest Request(std::string query, uint32_t limit = 10) {
    SearchRequest r;
    r.query = std::move(query);
    r.limit = limit;
    r.facets = true;
    return r;
  }
  std::vector<uint64_t> Keys(const SearchResponse& r) {
    std::vector<uint64_t> keys;
    for (const SearchHit& h : r.hits) keys.push_back(h.paper_key);
    return keys;
  }

  TestIndex index_;
};

TEST_F(FacetsTest, CountsEveryMatchNotOnlyThePage) {
  index_.Add(Papers());
  SearchResponse r = Run(Request("attention", /*limit=*/1));
  ASSERT_EQ(r.total, 5u);
  EXPECT_EQ(r.hits.size(), 1u);
  // Cross-listed categories count too; most matches first, ties by name.
  EXPECT_THAT(r.facets.categories,
              ElementsAre(FacetCount{"cs.CL", 2}, FacetCount{"cs.LG", 2}, FacetCount{"cs.CV", 1},
                          FacetCount{"hep-th", 1}, FacetCount{"stat.ML", 1}));
  // Newest first; the paper without a year is not counted.
  EXPECT_THAT(r.facets.years,
              ElementsAre(FacetCount{"2026", 1}, FacetCount{"2024", 1}, FacetCount{"2019", 2}));
}

TEST_F(FacetsTest, NotComputedUnlessAsked) {
  index_.Add(Papers());
  SearchRequest r = Request("attention");
  r.facets = false;
  SearchResponse response = Run(r);
  EXPECT_EQ(response.total, 5u);
  EXPECT_TRUE(response.facets.categories.empty());
  EXPECT_TRUE(response.facets.years.empty());
}

TEST_F(FacetsTest, CategoryFilterNarrowsMatchesAndCounts) {
  index_.Add(Papers());
  SearchRequest r = Request("attention");
  r.categories = {"cs.CL"};
  SearchResponse response = Run(r);
  EXPECT_EQ(response.total, 2u);
  EXPECT_THAT(Keys(response), UnorderedElementsAre(2u, 3u));
  // The years are those of the cs.CL papers; the categories stay those of every match (see
  // EachFacetIsCountedWithoutItsOwnFilter).
  EXPECT_THAT(response.facets.years, ElementsAre(FacetCount{"2026", 1}, FacetCount{"2019", 1}));
}

TEST_F(FacetsTest, FiltersOfOneKindAreEitherAndKindsCombine) {
  index_.Add(Papers());
  SearchRequest r = Request("attention");
  r.categories = {"cs.CL", "cs.CV"};
  EXPECT_THAT(Keys(Run(r)), UnorderedElementsAre(2u, 3u, 4u));
  r.years = {{2019, 2019}, {2024, 2024}};
  EXPECT_THAT(Keys(Run(r)), UnorderedElementsAre(2u, 4u));
  r.categories = {"cs"};  // an archive, as `cat:cs` reads it
  r.years = {{2019, 2019}};
  EXPECT_THAT(Keys(Run(r)), UnorderedElementsAre(1u, 2u));
}

TEST_F(FacetsTest, EachFacetIsCountedWithoutItsOwnFilter) {
  index_.Add(Papers());
  SearchRequest r = Request("attention");
  r.categories = {"cs.CL"};
  SearchResponse response = Run(r);
  EXPECT_EQ(response.total, 2u);
  // Categories as if none were chosen: choosing cs.LG as well adds its 2 (OR).
  EXPECT_THAT(response.facets.categories,
              ElementsAre(FacetCount{"cs.CL", 2}, FacetCount{"cs.LG", 2}, FacetCount{"cs.CV", 1},
                          FacetCount{"hep-th", 1}, FacetCount{"stat.ML", 1}));
  // Years within cs.CL only.
  EXPECT_THAT(response.facets.years, ElementsAre(FacetCount{"2026", 1}, FacetCount{"2019", 1}));

  r.years = {{2019, 2019}};
  response = Run(r);
  EXPECT_THAT(Keys(response), ElementsAre(2u));
  // Categories within 2019; years within cs.CL, still offering 2026 beside 2019.
  EXPECT_THAT(response.facets.categories,
              ElementsAre(FacetCount{"cs.LG", 2}, FacetCount{"cs.CL", 1}, FacetCount{"stat.ML", 1}));
  EXPECT_THAT(response.facets.years, ElementsAre(FacetCount{"2026", 1}, FacetCount{"2019", 1}));
}

TEST_F(FacetsTest, EveryCountIsTheTotalChoosingItGives) {
  index_.Add(Papers());
  for (const std::vector<YearRange>& years :
       {std::vector<YearRange>{}, std::vector<YearRange>{{2019, 2024}}}) {
    SearchRequest r = Request("attention");
    r.years = years;
    SearchResponse all = Run(r);
    ASSERT_FALSE(all.facets.categories.empty());
    for (const FacetCount& c : all.facets.categories) {
      SearchRequest chosen = r;
      chosen.categories = {c.value};
      EXPECT_EQ(Run(chosen).total, c.count) << c.value;
    }
    r.years = {};
    for (const FacetCount& y : Run(r).facets.years) {
      SearchRequest chosen = r;
      const int32_t year = std::stoi(y.value);
      chosen.years = {{year, year}};
      EXPECT_EQ(Run(chosen).total, y.count) << y.value;
    }
  }
}

TEST_F(FacetsTest, YearRangesIncludeBothEnds) {
  index_.Add(Papers());
  SearchRequest r = Request("attention");
  r.years = {{2020, 2026}};
  EXPECT_THAT(Keys(Run(r)), UnorderedElementsAre(3u, 4u));
  r.years = {{2019, 2019}, {2026, 2030}};
  EXPECT_THAT(Keys(Run(r)), UnorderedElementsAre(1u, 2u, 3u));
  r.facets = false;  // filtered by the query tree rather than in the walk: the same papers
  EXPECT_THAT(Keys(Run(r)), UnorderedElementsAre(1u, 2u, 3u));
}

TEST_F(FacetsTest, OnlyArxivCategoriesAreOffered) {
  std::vector<TestPaper> papers = Papers();
  papers[0].categories = {"cs.LG", "68T10", "I.2.6; I.2.7"};
  papers[5].categories = {"astro-ph"};
  index_.Add(papers);
  SearchResponse r = Run(Request("attention"));
  EXPECT_THAT(r.facets.categories,
              ElementsAre(FacetCount{"cs.CL", 2}, FacetCount{"cs.LG", 2}, FacetCount{"cs.CV", 1}));
  // They are still filters, as `cat:` reads them.
  SearchRequest msc = Request("attention");
  msc.categories = {"68T10"};
  EXPECT_THAT(Keys(Run(msc)), ElementsAre(1u));
}

TEST_F(FacetsTest, FiltersAloneListEveryPaperTheyHold) {
  index_.Add(Papers());
  SearchRequest r = Request("");
  r.categories = {"cs.LG"};
  SearchResponse response = Run(r);
  EXPECT_THAT(Keys(response), UnorderedElementsAre(1u, 2u, 5u));
  EXPECT_THAT(response.facets.categories,
              ElementsAre(FacetCount{"cs.LG", 3}, FacetCount{"cs.CL", 2}, FacetCount{"cs.CV", 1},
                          FacetCount{"hep-th", 1}, FacetCount{"stat.ML", 1}));
}

TEST_F(FacetsTest, FiltersDoNotChangeScores) {
  index_.Add(Papers());
  SearchResponse all = Run(Request("attention"));
  SearchRequest r = Request("attention");
  r.years = {{2019, 2019}};
  SearchResponse filtered = Run(r);
  ASSERT_EQ(filtered.hits.size(), 2u);
  for (const SearchHit& h : filtered.hits) {
    for (const SearchHit& a : all.hits) {
      if (a.paper_key == h.paper_key) {
        EXPECT_FLOAT_EQ(a.score, h.score);
      }
    }
  }
}

TEST_F(FacetsTest, FiltersApplyWhenTheQueryDoesNotParse) {
  index_.Add(Papers());
  SearchRequest r = Request("(attention");
  r.categories = {"cs.CV"};
  SearchResponse response = Run(r);
  EXPECT_TRUE(response.notice);
  EXPECT_THAT(Keys(response), ElementsAre(4u));
}

TEST_F(FacetsTest, AcrossSegmentsCountsOnlyLiveDocuments) {
  index_.Add(Papers(), /*per_commit=*/2);
  // Paper 4 leaves cs.CV for cs.RO; paper 3 is removed.
  TestPaper moved = Papers()[3];
  moved.categories = {"cs.RO"};
  ASSERT_TRUE(index_.writer().Upsert(moved.Document()).ok());
  ASSERT_TRUE(index_.writer().Remove(3).ok());
  index_.Commit();
  SearchResponse r = Run(Request("attention"));
  EXPECT_EQ(r.total, 4u);
  EXPECT_THAT(r.facets.categories,
              ElementsAre(FacetCount{"cs.LG", 2}, FacetCount{"cs.CL", 1}, FacetCount{"cs.RO", 1},
                          FacetCount{"hep-th", 1}, FacetCount{"stat.ML", 1}));
  EXPECT_THAT(r.facets.years, ElementsAre(FacetCount{"2024", 1}, FacetCount{"2019", 2}));
}

// Over random papers in three segments with deletions, then in one merged segment with more:
// each facet value's count is the total a search without facets gives when that value is chosen
// alone (with the other facet's filter), a value offered nowhere gives none, and the page and total
// are those of the same search without facets. Lists of 8 documents or more have bitmaps, so the
// matches are gathered from term bitmaps where the query allows, walked elsewhere.
TEST(FacetsCountedFromBitmaps, EqualTheTotalsOfSearchesWithoutFacets) {
  const std::vector<std::string> kCategories = {"cs.LG", "cs.CL", "cs.CV", "stat.ML", "q-bio.BM",
                                                "hep-th"};
  RandomPapers random(20261204);
  TestIndex index;
  index.writer(index::IndexWriterOptions{.term_bitmap_min_docs = 8});
  std::vector<TestPaper> papers = random.Papers(900);
  index.Add(papers, /*per_commit=*/300);
  for (size_t i = 0; i < papers.size(); i += 7) {
    ASSERT_TRUE(index.writer().Remove(papers[i].key).ok());
  }
  index.Commit();

  auto check = [&](const std::string& stage) {
    Searcher searcher(index.Reader());
    auto total = [&](SearchRequest r) {
      r.facets = false;
      r.limit = 0;
      Result<SearchResponse> response = searcher.Search(r);
      EXPECT_TRUE(response.ok());
      return response.ok() ? response->total : 0;
    };
    uint64_t counted = 0;
    for (int i = 0; i < 60; ++i) {
      SearchRequest r;
      r.query = i % 3 == 0 ? random.Word()
                : i % 3 == 1 ? random.Word() + " " + random.Word()
                             : random.Query();
      r.limit = i % 7 == 6 ? 0 : 10;
      if (i % 5 == 4) r.sort = SortOrder::kNewest;
      if (i % 4 == 1) r.categories = {"cs"};
      if (i % 4 == 3) r.categories = {"cs.CL", "stat.ML"};
      if (i % 4 >= 2) r.years = {{2019, 2022}, {2026, 2026}};
      const std::string what = stage + ": " + r.query;
      SearchRequest without = r;
      r.facets = true;
      Result<SearchResponse> with_facets = searcher.Search(r);
      Result<SearchResponse> plain = searcher.Search(without);
      ASSERT_TRUE(with_facets.ok() && plain.ok()) << what;
      ASSERT_NO_FATAL_FAILURE(ExpectSameResponse(*with_facets, *plain, what));
      for (const std::string& c : kCategories) {
        SearchRequest chosen = r;
        chosen.categories = {c};
        uint64_t count = 0;
        for (const FacetCount& f : with_facets->facets.categories) {
          if (f.value == c) count = f.count;
        }
        EXPECT_EQ(count, total(chosen)) << what << " cat " << c;
        counted += count;
      }
      for (int32_t year = 2015; year <= 2026; ++year) {
        SearchRequest chosen = r;
        chosen.years = {{year, year}};
        uint64_t count = 0;
        for (const FacetCount& f : with_facets->facets.years) {
          if (f.value == std::to_string(year)) count = f.count;
        }
        EXPECT_EQ(count, total(chosen)) << what << " year " << year;
        counted += count;
      }
    }
    EXPECT_GT(counted, 1000u) << stage;
  };
  check("written segments");
  ASSERT_TRUE(index.writer().Optimize().ok());
  index.Commit();
  for (size_t i = 3; i < papers.size(); i += 11) {
    ASSERT_TRUE(index.writer().Remove(papers[i].key).ok());
  }
  index.Commit();
  check("merged segment");
}

// A year range written in the query (walked from the years' lists of documents when narrow,
// scanned when wide) finds what the same range as a facet filter finds (tested per match against
// each document's year): the same total and the same page, over segments with deletions.
TEST(FacetsCountedFromBitmaps, YearsInTheQueryFindWhatTheYearFilterFinds) {
  RandomPapers random(20261205);
  TestIndex index;
  std::vector<TestPaper> papers = random.Papers(900);
  index.Add(papers, /*per_commit=*/300);
  for (size_t i = 0; i < papers.size(); i += 5) {
    ASSERT_TRUE(index.writer().Remove(papers[i].key).ok());
  }
  index.Commit();
  Searcher searcher(index.Reader());
  int nonempty = 0;
  for (int i = 0; i < 80; ++i) {
    const int32_t low = 2015 + i % 12;
    const int32_t high = i % 4 == 0 ? low + 7 : low + i % 3;  // one to three years, or eight
    const std::string word = i % 5 == 0 ? "" : random.Word();
    SearchRequest written;
    written.query = word + " year:" + std::to_string(low) + ".." + std::to_string(high);
    written.limit = 10;
    SearchRequest filtered;
    filtered.query = word;
    filtered.years = {{low, high}};
    filtered.facets = true;
    filtered.limit = 10;
    Result<SearchResponse> a = searcher.Search(written);
    Result<SearchResponse> b = searcher.Search(filtered);
    ASSERT_TRUE(a.ok() && b.ok()) << written.query;
    ASSERT_NO_FATAL_FAILURE(ExpectSameResponse(*a, *b, written.query));
    nonempty += a->total > 0;
  }
  EXPECT_GT(nonempty, 60);
}

}  // namespace
}  // namespace paperdeck::search
