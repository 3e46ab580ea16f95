// The library's leaves (`tag:`, `state:`, `has:`, `note:`) in a search: resolved once per search
// through search::LibraryKeys (here a fake), combined with everything else, never scoring, and
// `SortOrder::kLibrary`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "search/paper_set_matcher.h"
#include "search/searcher.h"
#include "test_index.h"

namespace paperdeck::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

// A library held in maps: "tag:thesis" -> keys. Counts what it is asked.
class FakeLibrary final : public LibraryKeys {
 public:
  std::map<std::string, std::vector<uint64_t>> sets;
  std::vector<uint64_t> by_added;  // oldest first
  int asked = 0;

  Result<PaperKeySet> Papers(const query::QueryNode& leaf) override {
    ++asked;
    static const std::map<query::QueryNode::Kind, std::string> kPrefix = {
        {query::QueryNode::Kind::kTag, "tag:"},       {query::QueryNode::Kind::kState, "state:"},
        {query::QueryNode::Kind::kHas, "has:"},       {query::QueryNode::Kind::kNoteWord, "note:"},
        {query::QueryNode::Kind::kNotePhrase, "note:\""}};
    PaperKeySet set;
    auto it = sets.find(kPrefix.at(leaf.kind) + leaf.text);
    if (it != sets.end()) {
      for (uint64_t key : it->second) set.add(key);
    }
    return set;
  }
  Result<std::vector<uint64_t>> PapersByLibraryEntry() override { return by_added; }
};

// Fails every ask: a corpus that cannot be read.
class BrokenLibrary final : public LibraryKeys {
 public:
  Result<PaperKeySet> Papers(const query::QueryNode&) override {
    return Status::IOError("corpus.db: disk I/O error");
  }
  Result<std::vector<uint64_t>> PapersByLibraryEntry() override {
    return Status::IOError("corpus.db: disk I/O error");
  }
};

std::vector<TestPaper> Papers() {
  return {
      {1, "Sparse Attention Transformers", "Sparse patterns of attention.", {"Rewon Child"}, "",
       {"cs.LG"}, "2019-04-23", 2019},
      {2, "Longformer: The Long-Document Transformer", "Attention that scales linearly.",
       {"Iz Beltagy"}, "", {"cs.CL"}, "2020-04-10", 2020},
      {3, "Linear Attention via Kernels", "Linear attention with kernels.", {"Ada Lovelace"}, "",
       {"cs.CL"}, "2026-06-05", 2026},
      {4, "Efficient Vision Transformers", "Computer vision with attention.", {"Grace Hopper"},
       "", {"cs.CV"}, "2024-03-01", 2024},
      {5, "Mixture of Experts at Scale", "Routing tokens to experts.", {"Tri Dao"}, "",
       {"cs.LG"}, "2023-07-15", 2023},
      {6, "Quantum Fields", "Nothing about machine learning.", {"Paul Dirac"}, "", {"hep-th"},
       "2021-01-01", 2021},
  };
}

class LibraryFilterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Add(Papers(), /*per_commit=*/2);  // three segments
    searcher_ = std::make_unique<Searcher>(index_.Reader());
    library_.sets = {{"tag:thesis", {2, 3}},     {"tag:read", {1, 3}},  {"state:to-read", {4, 6}},
                     {"has:note", {5}},           {"has:state", {4, 6}}, {"note:kernel", {3}}};
    library_.by_added = {3, 6, 2};  // 2 was added last
  }

  SearchResponse Run(const std::string& query, SortOrder sort = SortOrder::kRelevance,
                     LibraryKeys* library = nullptr) {
    SearchRequest r;
    r.query = query;
    r.sort = sort;
    r.limit = 100;
    r.library = library ? library : &library_;
    Result<SearchResponse> response = searcher_->Search(r);
    EXPECT_TRUE(response.ok()) << query << ": " << response.status().message();
    if (!response.ok()) return {};
    EXPECT_FALSE(response->notice) << query << ": " << response->notice->message;
    EXPECT_EQ(response->total, response->hits.size()) << query;
    return std::move(response).value();
  }

  std::vector<uint64_t> Keys(const std::string& query, SortOrder sort = SortOrder::kRelevance) {
    std::vector<uint64_t> keys;
    for (const SearchHit& h : Run(query, sort).hits) keys.push_back(h.paper_key);
    return keys;
  }

  TestIndex index_;
  std::unique_ptr<Searcher> searcher_;
  FakeLibrary library_;
};

TEST_F(LibraryFilterTest, LeavesFilterAlone) {
  EXPECT_THAT(Keys("tag:thesis"), UnorderedElementsAre(2, 3));
  EXPECT_THAT(Keys("state:to-read"), UnorderedElementsAre(4, 6));
  EXPECT_THAT(Keys("has:note"), ElementsAre(5));
  EXPECT_THAT(Keys("note:kernel"), ElementsAre(3));
  EXPECT_THAT(Keys("tag:nothing"), IsEmpty());
  // state:none is every paper without a state.
  EXPECT_THAT(Keys("state:none"), UnorderedElementsAre(1, 2, 3, 5));
}

TEST_F(LibraryFilterTest, LeavesCombineWithEverythingElse) {
  EXPECT_THAT(Keys("attention tag:thesis"), UnorderedElementsAre(2, 3));
  EXPECT_THAT(Keys("attention -tag:read"), UnorderedElementsAre(2, 4));
  EXPECT_THAT(Keys("tag:thesis OR state:to-read"), UnorderedElementsAre(2, 3, 4, 6));
  EXPECT_THAT(Keys("(tag:thesis OR has:note) cat:cs.CL"), UnorderedElementsAre(2, 3));
  EXPECT_THAT(Keys("tag:thesis year:..2020"), ElementsAre(2));
  EXPECT_THAT(Keys("title:transformer -state:to-read -tag:read"), ElementsAre(2));
  EXPECT_THAT(Keys("* -has:state -tag:thesis"), UnorderedElementsAre(1, 5));
}

TEST_F(LibraryFilterTest, AFilterNeverChangesScores) {
  std::map<uint64_t, float> plain;
  for (const SearchHit& h : Run("attention").hits) plain[h.paper_key] = h.score;
  SearchResponse filtered = Run("attention tag:thesis");
  ASSERT_EQ(filtered.hits.size(), 2u);
  for (const SearchHit& h : filtered.hits) EXPECT_FLOAT_EQ(h.score, plain.at(h.paper_key));
  EXPECT_THAT(filtered.highlight_terms, ElementsAre("attent"));
}

TEST_F(LibraryFilterTest, EachLeafIsAskedOncePerSearchNotPerSegment) {
  Run("tag:thesis attention");
  EXPECT_EQ(library_.asked, 1);
  Run("tag:thesis OR (tag:thesis cat:cs.CL) -has:note");
  EXPECT_EQ(library_.asked, 3);  // the repeated tag:thesis once, has:note once
}

TEST_F(LibraryFilterTest, ALibraryChangeIsSeenByTheNextSearch) {
  EXPECT_THAT(Keys("tag:thesis"), UnorderedElementsAre(2, 3));
  library_.sets["tag:thesis"] = {5};  // as a `paperdeck tag` would: no index write
  EXPECT_THAT(Keys("tag:thesis"), ElementsAre(5));
}

TEST_F(LibraryFilterTest, FilterOnlyQueriesListTheLastAddedFirst) {
  // 2 was added last, then 6, then 3; a paper outside the library (none here) would follow.
  EXPECT_THAT(Keys("tag:thesis OR state:to-read"), ElementsAre(2, 6, 3, 4));
  // With words to rank by, relevance is relevance.
  SearchResponse ranked = Run("attention tag:thesis");
  EXPECT_GE(ranked.hits[0].score, ranked.hits[1].score);
}

TEST_F(LibraryFilterTest, SortAddedPutsTheLibraryFirstNewestFirst) {
  std::vector<uint64_t> keys = Keys("*", SortOrder::kLibrary);
  ASSERT_EQ(keys.size(), 6u);
  EXPECT_THAT(std::vector<uint64_t>(keys.begin(), keys.begin() + 3), ElementsAre(2, 6, 3));
  // The rest: all score 0, so newest published first.
  EXPECT_THAT(std::vector<uint64_t>(keys.begin() + 3, keys.end()), ElementsAre(4, 5, 1));
  // Outside the library, the relevance order.
  std::vector<uint64_t> words = Keys("attention", SortOrder::kLibrary);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_THAT(std::vector<uint64_t>(words.begin(), words.begin() + 2), ElementsAre(2, 3));
}

TEST_F(LibraryFilterTest, WithoutALibraryItsLeavesMatchNothing) {
  SearchRequest r;
  r.query = "attention -tag:read";
  r.limit = 10;
  Result<SearchResponse> response = searcher_->Search(r);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->total, 4u);  // -tag:read excludes nothing
  r.query = "tag:thesis";
  response = searcher_->Search(r);
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->total, 0u);
}

TEST_F(LibraryFilterTest, ALibraryThatCannotBeReadFailsTheSearchSayingWhy) {
  BrokenLibrary broken;
  SearchRequest r;
  r.query = "attention tag:thesis";
  r.library = &broken;
  Result<SearchResponse> response = searcher_->Search(r);
  ASSERT_FALSE(response.ok());
  EXPECT_EQ(response.status().message(), "corpus.db: disk I/O error");
  // A query without library leaves never asks it.
  r.query = "attention";
  EXPECT_TRUE(searcher_->Search(r).ok());
}

TEST_F(LibraryFilterTest, AnUpdatedPaperIsFoundOnceInItsNewestSegment) {
  std::vector<TestPaper> papers = Papers();
  papers[1].title = "Longformer revised";
  index_.Add({papers[1]});  // key 2 again: a tombstone in its old segment
  searcher_ = std::make_unique<Searcher>(index_.Reader());
  EXPECT_THAT(Keys("tag:thesis"), UnorderedElementsAre(2, 3));
  EXPECT_THAT(Keys("tag:thesis revised"), ElementsAre(2));
}

// The set is mapped onto a segment by one walk beside its sorted keys: small and large sets,
// keys the segment does not hold, keys past 32 bits, and a paper replaced in a later segment.
TEST(PaperSetMatcherTest, FindsTheLiveDocumentsOfTheSetsPapers) {
  TestIndex index;
  std::vector<TestPaper> papers;
  for (uint64_t key = 1; key <= 1000; ++key) {
    papers.push_back({key, "paper " + std::to_string(key), "", {}, "", {"cs.LG"}, "", 2020});
  }
  index.Add(papers);
  index.Add({papers[499]});  // key 500 again: its first document is deleted
  auto reader = index.Reader();
  ASSERT_EQ(reader->segments().size(), 2u);
  const index::SegmentReader& first = *reader->segments()[0];
  auto keys_of = [&](const PaperKeySet& set) {
    PaperSetMatcher m(first, set);
    std::vector<uint64_t> keys;
    for (; m.doc() != kEndDoc; m.Next()) keys.push_back(first.paper_key(m.doc()));
    EXPECT_EQ(m.cost(), keys.size());
    return keys;
  };
  PaperKeySet small;
  for (uint64_t key : {7, 500, 999, 5000}) small.add(key);  // 5000: not in the index
  EXPECT_THAT(keys_of(small), ElementsAre(7, 999));  // 500 lives in the second segment
  PaperKeySet large;
  for (uint64_t key = 2; key <= 1000; key += 2) large.add(key);
  large.add(uint64_t{1} << 40);  // a key past 32 bits
  std::vector<uint64_t> found = keys_of(large);
  EXPECT_EQ(found.size(), 499u);
  EXPECT_EQ(found.front(), 2u);
  EXPECT_EQ(found.back(), 1000u);

  // NextGeq lands on the first match at or after the target.
  PaperSetMatcher m(first, large);
  m.NextGeq(*first.FindPaper(401));
  EXPECT_EQ(first.paper_key(m.doc()), 402u);
  const index::SegmentReader& second = *reader->segments()[1];
  PaperSetMatcher in_second(second, small);
  ASSERT_NE(in_second.doc(), kEndDoc);
  EXPECT_EQ(second.paper_key(in_second.doc()), 500u);
}

}  // namespace
}  // namespace paperdeck::search
