// DocListMatcher: the documents of one segment in a sorted list, as a filter (it scores 0): how
// the page of a search with facet filters keeps the matches that pass them, once the facets have
// listed those (search/facet_counter.h), and how a narrow year filter walks its years' documents
// (search/column_range_matcher.h). cost() is the list's length, so a short list leads a
// conjunction and a long one follows it, each NextGeq a galloping search of the list.
//
// Threading: one thread.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "search/matcher.h"

namespace paperdeck::search {

class DocListMatcher final : public Matcher {
 public:
  // REQUIRES: docs ascending, without repeats.
  explicit DocListMatcher(std::vector<uint32_t> docs) : owned_(std::move(docs)), docs_(owned_) {}
  // REQUIRES: as above, and docs outlive the matcher.
  explicit DocListMatcher(std::span<const uint32_t> docs) : docs_(docs) {}
  DocListMatcher(const DocListMatcher&) = delete;
  DocListMatcher& operator=(const DocListMatcher&) = delete;

  uint32_t doc() const override { return at_ < docs_.size() ? docs_[at_] : kEndDoc; }
  void Next() override { ++at_; }
  void NextGeq(uint32_t target) override {
    if (at_ >= docs_.size() || docs_[at_] >= target) return;
    // Gallop: double the step until past target, then search the last step's range.
    size_t step = 1, low = at_;
    while (low + step < docs_.size() && docs_[low + step] < target) {
      low += step;
      step *= 2;
    }
    const size_t high = std::min(docs_.size(), low + step + 1);
    at_ = std::lower_bound(docs_.begin() + low, docs_.begin() + high, target) - docs_.begin();
  }
  float Score() override { return 0; }
  ScoreBound BlockBound() override { return {}; }
  float MaxScore() const override { return 0; }
  uint64_t cost() const override { return docs_.size(); }

 private:
  std::vector<uint32_t> owned_;
  std::span<const uint32_t> docs_;
  size_t at_ = 0;
};

}  // namespace paperdeck::search
