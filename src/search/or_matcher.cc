#include "search/or_matcher.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace paperdeck::search {

OrMatcher::OrMatcher(std::vector<std::unique_ptr<Matcher>> children)
    : children_(std::move(children)), by_max_(children_.size()) {
  for (const auto& c : children_) {
    max_score_ += c->MaxScore();
    cost_ += c->cost();
  }
  slack_ = 1e-4f * max_score_;
  std::iota(by_max_.begin(), by_max_.end(), size_t{0});
  std::stable_sort(by_max_.begin(), by_max_.end(), [&](size_t a, size_t b) {
    return children_[a]->MaxScore() < children_[b]->MaxScore();
  });
  UpdateDoc();
}

void OrMatcher::UpdateDoc() {
  doc_ = kEndDoc;
  for (size_t i = essential_from_; i < by_max_.size(); ++i) {
    doc_ = std::min(doc_, children_[by_max_[i]]->doc());
  }
}

void OrMatcher::Next() {
  const uint32_t current = doc_;
  uint32_t next = kEndDoc;
  for (size_t i = essential_from_; i < by_max_.size(); ++i) {
    Matcher& c = *children_[by_max_[i]];
    uint32_t d = c.doc();
    if (d == current) {
      c.Next();
      d = c.doc();
    }
    next = std::min(next, d);
  }
  doc_ = next;
}

void OrMatcher::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  for (size_t i = essential_from_; i < by_max_.size(); ++i) children_[by_max_[i]]->NextGeq(target);
  UpdateDoc();
}

template <typename ScoreOf>
float OrMatcher::Sum(ScoreOf&& score_of) {
  // Non-essential children are behind; bring them to doc_ first, then add in query order so the
  // sum is the same float as without pruning.
  for (size_t i = 0; i < essential_from_; ++i) children_[by_max_[i]]->NextGeq(doc_);
  float sum = 0;
  for (const auto& c : children_) {
    if (c->doc() == doc_) sum += score_of(*c);
  }
  return sum;
}

float OrMatcher::Score() {
  return Sum([](Matcher& c) { return c.Score(); });
}

float OrMatcher::Explain(ScoreExplanation* out) {
  return Sum([out](Matcher& c) { return c.Explain(out); });
}

ScoreBound OrMatcher::BlockBound() {
  // Every child that may match in the run adds its bound, not only those on doc(): the run
  // ends where the first child's blocks end. Non-essential children may be behind doc(), where
  // their blocks say nothing of the run: they add their maxima.
  ScoreBound out;
  out.score = non_essential_max_;
  for (size_t i = essential_from_; i < by_max_.size(); ++i) {
    Matcher& c = *children_[by_max_[i]];
    if (c.doc() == kEndDoc) continue;
    ScoreBound b = c.BlockBound();
    out.score += b.score;
    out.last_doc = std::min(out.last_doc, b.last_doc);
  }
  return out;
}

float OrMatcher::DocBound() {
  // The children driving the walk that are on doc(), and the maxima of those that are not
  // asked yet.
  float bound = non_essential_max_;
  for (size_t i = essential_from_; i < by_max_.size(); ++i) {
    Matcher& c = *children_[by_max_[i]];
    if (c.doc() == doc_) bound += c.DocBound();
  }
  // Then the non-essential children are asked, the largest maximum first, each maximum replaced
  // by the child's own bound on doc() (or by nothing where it does not match): as soon as the
  // bound falls short of the score to beat, the smaller children need not move at all. The
  // bound adds in another order than Score, and may come as close as the score itself: the
  // slack keeps it above.
  if (essential_from_ == 0) return bound;
  for (size_t i = essential_from_; i-- > 0 && bound + slack_ >= min_score_;) {
    Matcher& c = *children_[by_max_[i]];
    bound -= c.MaxScore();
    c.NextGeq(doc_);
    if (c.doc() == doc_) bound += c.DocBound();
  }
  return bound + slack_;
}

void OrMatcher::SetMinCompetitiveScore(float min_score) {
  // Sums here add in another order than Score's: a slack keeps rounding on the safe side.
  const float slack = slack_;
  min_score_ = min_score;
  while (essential_from_ < by_max_.size() &&
         non_essential_max_ + children_[by_max_[essential_from_]]->MaxScore() + slack <
             min_score) {
    non_essential_max_ += children_[by_max_[essential_from_]]->MaxScore();
    ++essential_from_;
  }
  // A document competes only if each child on it scores at least min_score minus the others'
  // maxima. doc_ stays until the next move, as the contract says.
  for (size_t i = essential_from_; i < by_max_.size(); ++i) {
    Matcher& c = *children_[by_max_[i]];
    const float needed = min_score - (max_score_ - c.MaxScore()) - slack;
    if (needed > 0) c.SetMinCompetitiveScore(needed);
  }
}

}  // namespace paperdeck::search
