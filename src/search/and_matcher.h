// AndMatcher: the documents every child matches. Leapfrogs with NextGeq from the cheapest child,
// so a rare term drives the walk and common ones skip whole blocks. Scores add up.
//
// Once a ranked search says which score still competes (SetMinCompetitiveScore), each child is
// told the least score it needs given the others' maxima, so it passes over blocks that cannot
// reach it; a document's bound (DocBound) is its children's bounds added up.
#pragma once

#include <memory>
#include <vector>

#include "search/matcher.h"

namespace paperdeck::search {

class AndMatcher final : public Matcher {
 public:
  // REQUIRES: two or more children, none null.
  explicit AndMatcher(std::vector<std::unique_ptr<Matcher>> children);

  uint32_t doc() const override { return doc_; }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override;
  float Explain(ScoreExplanation* out) override;
  ScoreBound BlockBound() override;
  float DocBound() override;
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return children_.front()->cost(); }
  void SetMinCompetitiveScore(float min_score) override;

 private:
  // From the lead's position, puts every child on the first document they all match.
  void Align();
  // Every child's score by score_of, added cheapest first: Score and Explain.
  template <typename ScoreOf>
  float Sum(ScoreOf&& score_of);

  std::vector<std::unique_ptr<Matcher>> children_;  // cheapest first
  float max_score_ = 0;
  // Sums of bounds add in another order than Score's: this much keeps rounding on the safe side.
  float slack_ = 0;
  uint32_t doc_ = kEndDoc;
};

}  // namespace paperdeck::search
