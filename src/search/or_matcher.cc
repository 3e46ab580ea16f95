#include "search/or_matcher.h"

#include <algorithm>
#include <utility>

namespace paperdeck::search {

OrMatcher::OrMatcher(std::vector<std::unique_ptr<Matcher>> children)
    : children_(std::move(children)) {
  for (const auto& c : children_) {
    max_score_ += c->MaxScore();
    cost_ += c->cost();
  }
  UpdateDoc();
}

void OrMatcher::UpdateDoc() {
  doc_ = kEndDoc;
  for (const auto& c : children_) doc_ = std::min(doc_, c->doc());
}

void OrMatcher::Next() {
  uint32_t current = doc_;
  for (const auto& c : children_) {
    if (c->doc() == current) c->Next();
  }
  UpdateDoc();
}

void OrMatcher::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  for (const auto& c : children_) c->NextGeq(target);
  UpdateDoc();
}

float OrMatcher::Score() {
  float sum = 0;
  for (const auto& c : children_) {
    if (c->doc() == doc_) sum += c->Score();
  }
  return sum;
}

ScoreBound OrMatcher::BlockBound() {
  // Every child that may match in the run adds its bound, not only those on doc(): the run
  // ends where the first child's blocks end.
  ScoreBound out;
  for (const auto& c : children_) {
    if (c->doc() == kEndDoc) continue;
    ScoreBound b = c->BlockBound();
    out.score += b.score;
    out.last_doc = std::min(out.last_doc, b.last_doc);
  }
  return out;
}

}  // namespace paperdeck::search
