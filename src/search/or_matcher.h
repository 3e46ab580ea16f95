// OrMatcher: the documents some child matches. The current document is the smallest of the
// children's; its score is the sum of the children on it.
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
  ScoreBound BlockBound() override;
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return cost_; }

 private:
  void UpdateDoc();

  std::vector<std::unique_ptr<Matcher>> children_;
  float max_score_ = 0;
  uint64_t cost_ = 0;
  uint32_t doc_ = kEndDoc;
};

}  // namespace paperdeck::search
