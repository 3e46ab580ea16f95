// OrMatcher: the documents some child matches. The current document is the smallest of the
// children's; its score is the sum of the children on it.
//
// Once a ranked search says which score still competes (SetMinCompetitiveScore), it prunes as
// MaxScore does: the children with the smallest maximum scores whose maxima add up to less than
// that score cannot put a document on the page by themselves, so they stop driving the walk
// (non-essential) and are only asked, when a document is bounded or scored, whether they match
// it: DocBound asks them the largest maximum first and stops as soon as the bound falls short,
// so a document the driving children cannot carry moves few of them. Each child that still
// drives is told the least score it needs to compete given the others' maxima.
#pragma once

#include <memory>
#include <vector>

#include "search/matcher.h"

namespace paperdeck::search {

class OrMatcher final : public Matcher {
 public:
  // REQUIRES: two or more children, none null.
  explicit OrMatcher(std::vector<std::unique_ptr<Matcher>> children);

  uint32_t doc() const override { return doc_; }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override;
  float Explain(ScoreExplanation* out) override;
  ScoreBound BlockBound() override;
  float DocBound() override;
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return cost_; }
  void SetMinCompetitiveScore(float min_score) override;

 private:
  void UpdateDoc();
  // The children on doc_, each scored by score_of, added in query order: Score and Explain.
  template <typename ScoreOf>
  float Sum(ScoreOf&& score_of);

  std::vector<std::unique_ptr<Matcher>> children_;  // in query order: scores add in this order
  std::vector<size_t> by_max_;  // children_ indices by ascending MaxScore
  // by_max_[0, essential_from_) are non-essential; their MaxScores add up to non_essential_max_.
  size_t essential_from_ = 0;
  float non_essential_max_ = 0;
  float max_score_ = 0;
  // The score to beat, from SetMinCompetitiveScore, and the rounding allowed in sums that add
  // in another order than Score's.
  float min_score_ = 0;
  float slack_ = 0;
  uint64_t cost_ = 0;
  uint32_t doc_ = kEndDoc;
};

}  // namespace paperdeck::search
