#include "search/exclusion_matcher.h"

#include <utility>

namespace paperdeck::search {

ExclusionMatcher::ExclusionMatcher(std::unique_ptr<Matcher> included,
                                   std::unique_ptr<Matcher> excluded)
    : included_(std::move(included)), excluded_(std::move(excluded)) {
  SkipExcluded();
}

void ExclusionMatcher::SkipExcluded() {
  for (;;) {
    uint32_t d = included_->doc();
    if (d == kEndDoc) return;
    excluded_->NextGeq(d);
    if (excluded_->doc() != d) return;
    included_->Next();
  }
}

void ExclusionMatcher::Next() {
  included_->Next();
  SkipExcluded();
}

void ExclusionMatcher::NextGeq(uint32_t target) {
  included_->NextGeq(target);
  SkipExcluded();
}

}  // namespace paperdeck::search
