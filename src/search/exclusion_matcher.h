// ExclusionMatcher: the documents one matcher matches and another does not (`attention -vision`,
// and with an AllDocsMatcher as the included side, a query of exclusions only). Only the
// included side scores.
#pragma once

#include <memory>

#include "search/matcher.h"

namespace paperdeck::search {

class ExclusionMatcher final : public Matcher {
 public:
  // REQUIRES: neither null.
  ExclusionMatcher(std::unique_ptr<Matcher> included, std::unique_ptr<Matcher> excluded);

  uint32_t doc() const override { return included_->doc(); }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override { return included_->Score(); }
  float Explain(ScoreExplanation* out) override { return included_->Explain(out); }
  ScoreBound BlockBound() override { return included_->BlockBound(); }
  float MaxScore() const override { return included_->MaxScore(); }
  uint64_t cost() const override { return included_->cost(); }

 private:
  // Moves the included side past the documents the excluded side matches.
  void SkipExcluded();

  std::unique_ptr<Matcher> included_;
  std::unique_ptr<Matcher> excluded_;
};

}  // namespace paperdeck::search
