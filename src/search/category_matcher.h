// CategoryMatcher: the documents filed under an arXiv category or archive (`cat:cs.CL`,
// `cat:cs`), read from the postings of its index::CategoryTerm. A filter: it scores 0.
#pragma once

#include <memory>

#include "index/segment_posting_cursor.h"
#include "search/matcher.h"

namespace paperdeck::search {

class CategoryMatcher final : public Matcher {
 public:
  // REQUIRES: cursor != nullptr.
  explicit CategoryMatcher(std::unique_ptr<index::SegmentPostingCursor> cursor);

  uint32_t doc() const override { return cursor_->doc(); }
  void Next() override { cursor_->Next(); }
  void NextGeq(uint32_t target) override;
  float Score() override { return 0; }
  ScoreBound BlockBound() override { return {}; }
  float MaxScore() const override { return 0; }
  uint64_t cost() const override { return cursor_->size(); }

 private:
  std::unique_ptr<index::SegmentPostingCursor> cursor_;
};

}  // namespace paperdeck::search
