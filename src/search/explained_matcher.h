// ExplainedMatcher: a scored leaf (term, set of terms, phrase) wrapped so that its explanation
// names what it scored: the piece of the query (PlanNode::written), its kind and its index
// terms. Built by BuildMatcher only when a search explains its hits (SearchRequest::explain),
// and only to re-score the page's hits: a search that does not explain never builds one.
//
// It forwards every call to the leaf, so it walks and scores exactly as the leaf does.
//
// Threading: as Matcher.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "search/matcher.h"
#include "search/query_planner.h"

namespace paperdeck::search {

class ExplainedMatcher final : public Matcher {
 public:
  // terms: the index terms of leaf's cursors, in the leaf's order (a set's: the terms this
  // segment holds). REQUIRES: leaf != nullptr; node outlives this.
  ExplainedMatcher(std::unique_ptr<Matcher> leaf, const PlanNode& node,
                   std::vector<std::string> terms)
      : leaf_(std::move(leaf)), node_(node), terms_(std::move(terms)) {}

  uint32_t doc() const override { return leaf_->doc(); }
  void Next() override { leaf_->Next(); }
  void NextGeq(uint32_t target) override { leaf_->NextGeq(target); }
  float Score() override { return leaf_->Score(); }
  float Explain(ScoreExplanation* out) override;
  ScoreBound BlockBound() override { return leaf_->BlockBound(); }
  float DocBound() override { return leaf_->DocBound(); }
  float MaxScore() const override { return leaf_->MaxScore(); }
  uint64_t cost() const override { return leaf_->cost(); }
  void SetMinCompetitiveScore(float min_score) override { leaf_->SetMinCompetitiveScore(min_score); }

 private:
  std::unique_ptr<Matcher> leaf_;
  const PlanNode& node_;
  std::vector<std::string> terms_;
};

}  // namespace paperdeck::search
