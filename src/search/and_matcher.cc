#include "search/and_matcher.h"

#include <algorithm>
#include <utility>

namespace paperdeck::search {

AndMatcher::AndMatcher(std::vector<std::unique_ptr<Matcher>> children)
    : children_(std::move(children)) {
  std::stable_sort(children_.begin(), children_.end(),
                   [](const auto& a, const auto& b) { return a->cost() < b->cost(); });
  for (const auto& c : children_) max_score_ += c->MaxScore();
  slack_ = 1e-4f * max_score_;
  Align();
}

void AndMatcher::Align() {
  Matcher& lead = *children_.front();
  for (;;) {
    uint32_t target = lead.doc();
    if (target == kEndDoc) break;
    bool aligned = true;
    for (size_t i = 1; i < children_.size(); ++i) {
      Matcher& c = *children_[i];
      c.NextGeq(target);
      if (c.doc() != target) {
        // kEndDoc here sends the lead to its end too.
        lead.NextGeq(c.doc());
        aligned = false;
        break;
      }
    }
    if (aligned) break;
  }
  doc_ = lead.doc();
}

void AndMatcher::Next() {
  children_.front()->Next();
  Align();
}

void AndMatcher::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  children_.front()->NextGeq(target);
  Align();
}

template <typename ScoreOf>
float AndMatcher::Sum(ScoreOf&& score_of) {
  float sum = 0;
  for (const auto& c : children_) sum += score_of(*c);
  return sum;
}

float AndMatcher::Score() {
  return Sum([](Matcher& c) { return c.Score(); });
}

float AndMatcher::Explain(ScoreExplanation* out) {
  return Sum([out](Matcher& c) { return c.Explain(out); });
}

ScoreBound AndMatcher::BlockBound() {
  ScoreBound out;
  for (const auto& c : children_) {
    ScoreBound b = c->BlockBound();
    out.score += b.score;
    out.last_doc = std::min(out.last_doc, b.last_doc);
  }
  return out;
}

float AndMatcher::DocBound() {
  float bound = slack_;
  for (const auto& c : children_) bound += c->DocBound();
  return bound;
}

void AndMatcher::SetMinCompetitiveScore(float min_score) {
  for (const auto& c : children_) {
    const float needed = min_score - (max_score_ - c->MaxScore()) - slack_;
    if (needed > 0) c->SetMinCompetitiveScore(needed);
  }
}

}  // namespace paperdeck::search
