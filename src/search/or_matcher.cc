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

float OrMatcher::UpperBound() {
  float sum = 0;
  for (const auto& c : children_) {
    if (c->doc() == doc_) sum += c->UpperBound();
  }
  return sum;
}

}  // namespace paperdeck::search
