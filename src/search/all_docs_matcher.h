// AllDocsMatcher: every document of the segment, in order (`*`, and the included side of a
// query made of exclusions only: `-vision`). Scores 0.
#pragma once

#include <cstdint>

#include "search/matcher.h"

namespace paperdeck::search {

class AllDocsMatcher final : public Matcher {
 public:
  explicit AllDocsMatcher(uint32_t doc_count) : doc_count_(doc_count), doc_(doc_count ? 0 : kEndDoc) {}

  uint32_t doc() const override { return doc_; }
  void Next() override { doc_ = doc_ + 1 < doc_count_ ? doc_ + 1 : kEndDoc; }
  void NextGeq(uint32_t target) override {
    if (doc_ >= target) return;
    doc_ = target < doc_count_ ? target : kEndDoc;
  }
  float Score() override { return 0; }
  ScoreBound BlockBound() override { return {}; }
  float MaxScore() const override { return 0; }
  uint64_t cost() const override { return static_cast<uint64_t>(doc_count_) + 1; }

 private:
  uint32_t doc_count_;
  uint32_t doc_;
};

}  // namespace paperdeck::search
