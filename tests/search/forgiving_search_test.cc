// Search that forgives: prefixes, fuzzy words, unknown fields, and "did you mean".
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "search/did_you_mean.h"
#include "search/query_planner.h"
#include "search/searcher.h"
#include "test_index.h"
#include "text/analyzer.h"

namespace paperdeck::search {
namespace {

using ::testing::IsSupersetOf;

// Thirty papers about attention, one that misspells it, a few on other things.
std::vector<TestPaper> Papers() {
  std::vector<TestPaper> papers;
  uint64_t key = 1;
  for (int i = 0; i < 30; ++i) {
    papers.push_back({key++, "Attention study " + std::to_string(i),
                      i % 3 == 0 ? "Linear attention over long sequences." : "Models that attend.",
                      {"Jurgen Schmidhuber"}});
  }
  papers.push_back({key++, "An atention paper", "A typo in the title.", {"Ada Lovelace"}});
  papers.push_back({key++, "Mamba state spaces", "Selective state space models.", {"Tri Dao"}});
  papers.push_back({key++, "Mamba again", "Linear time sequence models.", {"Albert Gu"}});
  papers.push_back({key++, "Attenuation of signals", "Attenuated waves in a cable.", {"Paul Dirac"}});
  papers.push_back({key++, "Transformers for vision", "We transform images into tokens.",
                    {"Grace Hopper"}});
  return papers;
}

class ForgivingSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Add(Papers());
    searcher_ = std::make_unique<Searcher>(index_.Reader());
  }

  SearchResponse Run(const std::string& query, bool exact = false, bool prune = true) {
    SearchRequest r;
    r.query = query;
    r.limit = 100;
    r.exact = exact;
    SearcherOptions options;
    options.prune = prune;
    Searcher searcher(index_.Reader(), options);
    Result<SearchResponse> response = searcher.Search(r);
    EXPECT_TRUE(response.ok()) << query;
    return response.ok() ? std::move(response).value() : SearchResponse{};
  }

  std::set<uint64_t> Keys(const std::string& query) {
    std::set<uint64_t> keys;
    for (const SearchHit& h : Run(query).hits) keys.insert(h.paper_key);
    return keys;
  }

  TestIndex index_;
  std::unique_ptr<Searcher> searcher_;
};

TEST_F(ForgivingSearchTest, APrefixFindsAtLeastWhatItsWordDoes) {
  const SearchResponse word = Run("attention");
  const SearchResponse prefix = Run("atten*");
  EXPECT_EQ(word.total, 30u);
  // attention (30), attend (20 of them), atention is no prefix match, attenuation (1).
  EXPECT_EQ(prefix.total, 31u);
  EXPECT_FALSE(prefix.notice);
  EXPECT_THAT(Keys("atten*"), IsSupersetOf(Keys("attention")));
  // A whole word with a star: its stem (attent) does not begin with it, and is found.
  EXPECT_THAT(Keys("attention*"), IsSupersetOf(Keys("attention")));
  // In a field: the title only.
  EXPECT_EQ(Run("title:atten*").total, 31u);
  EXPECT_EQ(Run("abstract:atten*").total, 31u);  // "Linear attention", "attend", "Attenuated"
  EXPECT_EQ(Run("abstract:attention").total, 10u);
  EXPECT_EQ(Run("title:transform*").total, 1u);
  // The expansions are highlighted.
  EXPECT_THAT(prefix.highlight_terms, IsSupersetOf({"attent", "attend", "attenu"}));
}

TEST_F(ForgivingSearchTest, AnExpansionScoresAsOneWord) {
  // A paper holding attend and attention (abstracts "Models that attend.") scores through the
  // prefix no more than the word's best: the set shares one idf and one saturation.
  const SearchResponse prefix = Run("atten*");
  const SearchResponse word = Run("attention");
  ASSERT_FALSE(prefix.hits.empty());
  ASSERT_FALSE(word.hits.empty());
  const float idf = Bm25f::Idf(30, 35);  // the most frequent expansion's
  EXPECT_LT(prefix.hits[0].score, idf * (Bm25fParams{}.k1 + 1.0f));
  // Pruning never changes the answer.
  for (const std::string q : {"atten*", "att* linear", "atention~1", "models OR atten*"}) {
    const SearchResponse pruned = Run(q, false, true);
    const SearchResponse full = Run(q, false, false);
    EXPECT_EQ(pruned.total, full.total) << q;
    ASSERT_EQ(pruned.hits.size(), full.hits.size()) << q;
    for (size_t i = 0; i < pruned.hits.size(); ++i) {
      EXPECT_EQ(pruned.hits[i].paper_key, full.hits[i].paper_key) << q << " " << i;
    }
  }
}

TEST_F(ForgivingSearchTest, FuzzyWordsFindTheirNeighbours) {
  EXPECT_EQ(Run("atention~1").total, 31u);  // attention and atention (stems atent, attent)
  EXPECT_EQ(Run("atention~0").total, 1u);
  EXPECT_EQ(Run("atetnion~1").total, 0u);  // more than one edit from every term
  EXPECT_GE(Run("schmidhubr~1").total, 30u);  // stem schmidhub, one deletion away
  EXPECT_EQ(Run("author:schmidhubr~").total, 30u);
  EXPECT_EQ(Run("title:schmidhubr~").total, 0u);
}

TEST_F(ForgivingSearchTest, TooManyExpansionsAreCappedAndSaid) {
  TestIndex many;
  std::vector<TestPaper> papers;
  std::set<std::string> terms;  // what the dictionary will hold
  text::Analyzer analyzer;
  const std::string letters = "bcfghjkmnprtvwxz";
  for (uint64_t k = 1; k <= kMaxPrefixTerms + 20; ++k) {
    std::string word = "zeta";
    word += letters[k / letters.size()];
    word += letters[k % letters.size()];
    papers.push_back({k, word, "", {}});
    terms.insert(analyzer.Term(word));
  }
  ASSERT_GT(terms.size(), kMaxPrefixTerms);
  many.Add(papers);
  Searcher searcher(many.Reader());
  SearchRequest request;
  request.query = "zeta*";
  request.limit = 10;
  Result<SearchResponse> r = searcher.Search(request);
  ASSERT_TRUE(r.ok());
  EXPECT_GE(r->total, kMaxPrefixTerms);  // the 128 terms' papers, not the others'
  EXPECT_LT(r->total, papers.size());
  ASSERT_TRUE(r->notice);
  EXPECT_EQ(r->notice->kind, QueryNotice::Kind::kReadAs);
  EXPECT_EQ(r->notice->message, "zeta* matches " + std::to_string(terms.size()) +
                                    " terms: searched the 128 most frequent");
}

TEST_F(ForgivingSearchTest, AnUnknownFieldIsSearchedAsWordsWithANotice) {
  // Both words where papers hold both: Schmidhuber's attention papers.
  const SearchResponse words = Run("schmidhuber:attention");
  EXPECT_EQ(words.total, 30u);
  ASSERT_TRUE(words.notice);
  EXPECT_EQ(words.notice->message, "unknown field schmidhuber: searched as words");
  EXPECT_FALSE(words.suggestion);

  // No paper holds "bogus": the value's papers are shown, as a correction's are, the notice
  // still about what was written, and the name is dropped, not corrected.
  const SearchResponse attention = Run("attention");
  ASSERT_GT(attention.total, 0u);
  for (const char* query : {"bogus:attention", "schmidhubr:attention"}) {
    const SearchResponse r = Run(query);
    ASSERT_TRUE(r.notice) << query;
    const std::string name = std::string(query).substr(0, std::string(query).find(':'));
    EXPECT_EQ(r.notice->message, "unknown field " + name + ": searched as words");
    EXPECT_EQ(r.total, attention.total) << query;
    ASSERT_TRUE(r.suggestion) << query;
    EXPECT_EQ(r.suggestion->query, "attention");
    EXPECT_TRUE(r.showing_suggestion);
  }
  // Asked for as written, it is searched as written: nothing.
  EXPECT_EQ(Run("bogus:attention", /*exact=*/true).total, 0u);
  // A value no paper holds either: nothing, and no suggestion of it.
  const SearchResponse none = Run("bogus:zzqqxx");
  EXPECT_EQ(none.total, 0u);
  EXPECT_FALSE(none.showing_suggestion);
}

TEST_F(ForgivingSearchTest, DidYouMeanCorrectsARareWord) {
  const SearchResponse r = Run("atention");
  EXPECT_EQ(r.total, 1u);  // the paper with the typo, as written
  EXPECT_FALSE(r.showing_suggestion);
  ASSERT_TRUE(r.suggestion);
  EXPECT_EQ(r.suggestion->query, "attention");
  EXPECT_EQ(r.suggestion->total, 30u);
}

TEST_F(ForgivingSearchTest, AQueryThatFindsNothingShowsTheSuggestionsResults) {
  const SearchResponse r = Run("attnetion");
  ASSERT_TRUE(r.suggestion);
  EXPECT_EQ(r.suggestion->query, "attention");
  EXPECT_TRUE(r.showing_suggestion);
  EXPECT_EQ(r.total, 30u);
  EXPECT_EQ(r.hits.size(), 30u);
  // Unless asked for the words as written.
  const SearchResponse exact = Run("attnetion", /*exact=*/true);
  EXPECT_EQ(exact.total, 0u);
  EXPECT_FALSE(exact.showing_suggestion);
  ASSERT_TRUE(exact.suggestion);
  EXPECT_EQ(exact.suggestion->total, 30u);
}

TEST_F(ForgivingSearchTest, DidYouMeanKeepsOperatorsAndPhrases) {
  const SearchResponse r = Run("title:(\"linear atention\" OR atenuation) -mamba");
  ASSERT_TRUE(r.suggestion);
  EXPECT_EQ(r.suggestion->query, "title:(\"linear attention\" OR attenuation) -mamba");
  // An excluded word is meant as written.
  EXPECT_FALSE(Run("attention -atenuation").suggestion);
  // A field's word after its colon.
  ASSERT_TRUE(Run("author:schmidhubr").suggestion);
  EXPECT_EQ(Run("author:schmidhubr").suggestion->query, "author:schmidhuber");
}

TEST_F(ForgivingSearchTest, DidYouMeanFindsAWordMistypedInItsEnding) {
  // `attentoin` keeps its ending through the stemmer, three edits from the stem `attent`, but
  // one swap from the form `attention`.
  const SearchResponse r = Run("attentoin");
  ASSERT_TRUE(r.suggestion);
  EXPECT_EQ(r.suggestion->query, "attention");
  EXPECT_EQ(r.suggestion->total, 30u);
  ASSERT_TRUE(Run("Attentiom").suggestion);
  EXPECT_EQ(Run("Attentiom").suggestion->query, "Attention");
}

TEST(DidYouMeanNames, ANameInTheAuthorsIsNotCorrected) {
  TestIndex index;
  std::vector<TestPaper> papers;
  uint64_t key = 1;
  for (int i = 0; i < 25; ++i) {
    papers.push_back({key++, "Historical records " + std::to_string(i), "Archives.", {"Ada Lovelace"}});
  }
  papers.push_back({key++, "Deep belief nets", "Layers.", {"Geoffrey Hinton"}});
  index.Add(papers);
  auto suggestion = [&](const std::string& query) -> std::string {
    SearchRequest r;
    r.query = query;
    Result<SearchResponse> response = Searcher(index.Reader()).Search(r);
    EXPECT_TRUE(response.ok()) << query;
    return response.ok() && response.value().suggestion ? response.value().suggestion->query : "";
  };
  // One paper's author, two edits from a word of 25 papers' titles that no author has.
  EXPECT_EQ(suggestion("hinton"), "");
  EXPECT_EQ(suggestion("author:hinton"), "");
  // A misspelt name, and a misspelt word, still are.
  EXPECT_EQ(suggestion("hintom"), "hinton");
  EXPECT_EQ(suggestion("historcal"), "historical");
}

TEST_F(ForgivingSearchTest, RealWordsAreNotCorrected) {
  // mamba (2 papers) has no neighbour twenty times as frequent; short words are left alone.
  EXPECT_FALSE(Run("mamba").suggestion);
  EXPECT_FALSE(Run("attention").suggestion);
  EXPECT_FALSE(Run("gpt-4").suggestion);
}

// Corrections on their own: where each is in the text.
TEST(DidYouMeanTest, ReplacesOnlyTheWordsCorrected) {
  std::vector<Correction> c = {{3, 11, "attent", "attention", 30}, {16, 20, "mamba", "mamba", 2}};
  EXPECT_EQ(ApplyCorrections("AI atention and mmba", c), "AI attention and mamba");
  EXPECT_EQ(ApplyCorrections("same", {}), "same");
}

}  // namespace
}  // namespace paperdeck::search
