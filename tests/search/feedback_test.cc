// Pseudo-relevance feedback (search/feedback.h): a question is expanded with the terms its best
// hits share, so a paper that shares no word with the question but many with its best answers is
// found; without feedback (or with the request's feedback off) it is not.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "search/feedback.h"
#include "search/searcher.h"
#include "support/temp_dir.h"
#include "test_index.h"
#include "vectors/forward_files.h"
#include "vectors/forward_index.h"

namespace paperdeck::search {
namespace {

constexpr uint64_t kUnworded = 3;  // shares no word with the question

class FeedbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    index_.Add({
        {.key = 1, .title = "Heart attack: myocardial infarction treated by thrombolysis",
         .abstract = "Heart attack patients given thrombolysis after myocardial infarction."},
        {.key = 2, .title = "Treatment of heart attack",
         .abstract = "Myocardial infarction and thrombolysis outcomes after a heart attack."},
        {.key = kUnworded, .title = "Thrombolysis in acute myocardial infarction",
         .abstract = "A randomised trial of streptokinase for myocardial infarction."},
        {.key = 4, .title = "Water treatment plants", .abstract = "Filtration and chlorine."},
        {.key = 5, .title = "Sliding window attention", .abstract = "Local windows for long text."},
        {.key = 6, .title = "Protein folding", .abstract = "Intermediate states of proteins."},
        {.key = 7, .title = "Galaxy clusters", .abstract = "Dark matter in galaxy clusters."},
        {.key = 8, .title = "Graph neural networks", .abstract = "Message passing on graphs."},
    });
    reader_ = index_.Reader();
    ASSERT_TRUE(vectors::UpdateForwardFiles(*reader_, vectors_dir_.path()).ok());
    auto forward = vectors::ForwardIndex::Open(reader_, vectors_dir_.path());
    ASSERT_TRUE(forward.ok()) << forward.status().message();
    forward_ = *forward;
  }

  SearcherOptions WithFeedback() const {
    SearcherOptions options;
    options.feedback = {.docs = 2, .terms = 5, .weight = 0.5f};
    return options;
  }

  Result<SearchResponse> Ask(const Searcher& searcher, bool feedback, bool explain = false) {
    SearchRequest request;
    request.query = "heart attack treatment";
    request.mode = QueryMode::kPlainTextAny;
    request.limit = 10;
    request.feedback = feedback;
    request.explain = explain;
    return searcher.Search(request);
  }

  static bool Holds(const SearchResponse& r, uint64_t key) {
    return std::any_of(r.hits.begin(), r.hits.end(),
                       [&](const SearchHit& h) { return h.paper_key == key; });
  }

  TestIndex index_;
  ::paperdeck::testing::TempDir vectors_dir_;
  std::shared_ptr<const index::IndexReader> reader_;
  std::shared_ptr<const vectors::ForwardIndex> forward_;
};

TEST_F(FeedbackTest, FindsThePaperThatSharesWordsWithTheBestHitsOnly) {
  const Searcher with(reader_, WithFeedback(), forward_);
  Result<SearchResponse> expanded = Ask(with, /*feedback=*/true);
  ASSERT_TRUE(expanded.ok()) << expanded.status().message();
  EXPECT_TRUE(Holds(*expanded, kUnworded));
  // The papers the question names come first still.
  ASSERT_GE(expanded->hits.size(), 3u);
  EXPECT_TRUE(expanded->hits[0].paper_key == 1 || expanded->hits[0].paper_key == 2);
  // Highlights are the question's own words, not the added ones.
  EXPECT_EQ(std::count(expanded->highlight_terms.begin(), expanded->highlight_terms.end(),
                       "thrombolysi"),
            0);

  Result<SearchResponse> plain = Ask(with, /*feedback=*/false);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(Holds(*plain, kUnworded));
  EXPECT_EQ(plain->total, 3u);  // heart attack (1, 2) and water treatment (4)

  // Off by its weight, or without the papers' vectors: the question alone.
  SearcherOptions weight_zero = WithFeedback();
  weight_zero.feedback.weight = 0;
  const Searcher off(reader_, weight_zero, forward_);
  Result<SearchResponse> weightless = Ask(off, true);
  ASSERT_TRUE(weightless.ok());
  EXPECT_FALSE(Holds(*weightless, kUnworded));
  const Searcher no_vectors(reader_, WithFeedback());
  Result<SearchResponse> vectorless = Ask(no_vectors, true);
  ASSERT_TRUE(vectorless.ok());
  EXPECT_FALSE(Holds(*vectorless, kUnworded));
}

TEST_F(FeedbackTest, ChoosesTheBestHitsSharedTermsNotTheQuestions) {
  const std::vector<uint64_t> best = {1, 2};
  const std::vector<std::string> question = {"heart", "attack", "treatment"};
  const std::vector<FeedbackTerm> terms =
      ChooseFeedbackTerms(*forward_, best, question, {.docs = 2, .terms = 3, .weight = 0.5f});
  ASSERT_EQ(terms.size(), 3u);
  EXPECT_FLOAT_EQ(terms[0].weight, 0.5f);  // the heaviest has the whole weight
  for (const FeedbackTerm& t : terms) {
    EXPECT_EQ(std::count(question.begin(), question.end(), t.term), 0) << t.term;
    EXPECT_LE(t.weight, 0.5f);
  }
  std::vector<std::string> chosen;
  for (const FeedbackTerm& t : terms) chosen.push_back(t.term);
  // Shared by both best hits: the words of the paper that never says "heart attack".
  for (const char* shared : {"myocardi", "infarct", "thrombolysi"}) {
    EXPECT_EQ(std::count(chosen.begin(), chosen.end(), shared), 1) << shared;
  }
}

TEST_F(FeedbackTest, ExplanationNamesTheAddedTermsAndStillSums) {
  const Searcher with(reader_, WithFeedback(), forward_);
  Result<SearchResponse> r = Ask(with, /*feedback=*/true, /*explain=*/true);
  ASSERT_TRUE(r.ok());
  bool unworded_seen = false;
  for (const SearchHit& hit : r->hits) {
    ASSERT_TRUE(hit.explanation);
    float sum = 0;
    for (const TermExplanation& t : hit.explanation->terms) sum += t.score;
    EXPECT_NEAR(sum + hit.explanation->proximity.score, hit.score, 1e-4f * hit.score);
    if (hit.paper_key != kUnworded) continue;
    unworded_seen = true;
    ASSERT_FALSE(hit.explanation->terms.empty());
    for (const TermExplanation& t : hit.explanation->terms) {
      EXPECT_EQ(t.kind, TermExplanation::Kind::kFeedback) << t.query;
    }
  }
  EXPECT_TRUE(unworded_seen);
}

// SearchRequest::expand: plain words asked as a question with feedback, with the parameters the
// product ships (search::kChosenFeedback), the terms added in the response.
TEST_F(FeedbackTest, ExpandAsksPlainWordsAsAQuestionAndSaysWhatItAdded) {
  const Searcher searcher(reader_, SearcherOptions{}, forward_);
  SearchRequest request;
  request.query = "heart attack treatment";
  Result<SearchResponse> as_written = searcher.Search(request);
  ASSERT_TRUE(as_written.ok());
  EXPECT_FALSE(Holds(*as_written, kUnworded));
  EXPECT_TRUE(as_written->feedback.empty());
  EXPECT_TRUE(as_written->not_expanded.empty());

  request.expand = true;
  Result<SearchResponse> expanded = searcher.Search(request);
  ASSERT_TRUE(expanded.ok()) << expanded.status().message();
  EXPECT_TRUE(expanded->not_expanded.empty()) << expanded->not_expanded;
  EXPECT_TRUE(Holds(*expanded, kUnworded));
  ASSERT_FALSE(expanded->feedback.empty());
  EXPECT_LE(expanded->feedback.size(), kChosenFeedback.terms);
  EXPECT_FLOAT_EQ(expanded->feedback[0].weight, kChosenFeedback.weight);
  std::vector<std::string> added;
  for (const FeedbackTerm& t : expanded->feedback) added.push_back(t.term);
  EXPECT_EQ(std::count(added.begin(), added.end(), "thrombolysi"), 1);
  EXPECT_EQ(std::count(added.begin(), added.end(), "heart"), 0);

  // Exactly the question eval asks: any word, feedback on.
  SearchRequest question;
  question.query = request.query;
  question.mode = QueryMode::kPlainTextAny;
  Result<SearchResponse> asked = searcher.Search(question);
  ASSERT_TRUE(asked.ok());
  ASSERT_EQ(asked->hits.size(), expanded->hits.size());
  for (size_t i = 0; i < asked->hits.size(); ++i) {
    EXPECT_EQ(asked->hits[i].paper_key, expanded->hits[i].paper_key);
    EXPECT_EQ(asked->hits[i].score, expanded->hits[i].score);
  }
  EXPECT_EQ(asked->feedback, expanded->feedback);
}

TEST_F(FeedbackTest, ExpandSearchesOperatorsAndSortedPagesAsWrittenAndSaysWhy) {
  const Searcher searcher(reader_, SearcherOptions{}, forward_);
  for (const char* query : {"title:heart attack", "\"heart attack\"", "heart -water",
                            "heart OR attack", "heart*", "=heart",
                            "(heart OR attack) treatment"}) {
    SearchRequest request;
    request.query = query;
    Result<SearchResponse> as_written = searcher.Search(request);
    request.expand = true;
    Result<SearchResponse> asked = searcher.Search(request);
    ASSERT_TRUE(as_written.ok() && asked.ok()) << query;
    EXPECT_NE(asked->not_expanded.find("operators"), std::string::npos) << query;
    EXPECT_TRUE(asked->feedback.empty()) << query;
    ASSERT_EQ(asked->hits.size(), as_written->hits.size()) << query;
    for (size_t i = 0; i < asked->hits.size(); ++i) {
      EXPECT_EQ(asked->hits[i].paper_key, as_written->hits[i].paper_key) << query;
    }
  }
  EXPECT_TRUE(IsPlainWords("heart attack treatment"));
  EXPECT_TRUE(IsPlainWords("state-of-the-art heart"));
  EXPECT_TRUE(IsPlainWords("(heart attack)"));  // a group of words alone is the words
  EXPECT_FALSE(IsPlainWords(""));

  SearchRequest sorted;
  sorted.query = "heart attack";
  sorted.sort = SortOrder::kNewest;
  sorted.expand = true;
  Result<SearchResponse> r = searcher.Search(sorted);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->not_expanded.find("sorted"), std::string::npos);

  const Searcher vectorless(reader_);
  SearchRequest plain;
  plain.query = "heart attack";
  plain.expand = true;
  r = vectorless.Search(plain);
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->not_expanded.find("paper vectors"), std::string::npos);
  EXPECT_FALSE(Holds(*r, kUnworded));
}

}  // namespace
}  // namespace paperdeck::search
