// AndMatcher: the documents every child matches. Leapfrogs with NextGeq from the cheapest child,
// so a rare term drives the walk and common ones skip whole blocks. Scores add up.
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
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return children_.front()->cost(); }

 private:
  // From the lead's position, puts every child on the first document they all match.
  void Align();
  // Every child's score by score_of, added cheapest first: Score and Explain.
  template <typename ScoreOf>
  float Sum(ScoreOf&& score_of);

  std::vector<std::unique_ptr<Matcher>> children_;  // cheapest first
  float max_score_ = 0;
  uint32_t doc_ = kEndDoc;
};

}  // namespace paperdeck::search
