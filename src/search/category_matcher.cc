#include "search/category_matcher.h"

#include <utility>

namespace paperdeck::search {

CategoryMatcher::CategoryMatcher(std::unique_ptr<index::SegmentPostingCursor> cursor)
    : cursor_(std::move(cursor)) {}

void CategoryMatcher::NextGeq(uint32_t target) {
  if (cursor_->doc() >= target) return;
  cursor_->NextGeq(target);
}

}  // namespace paperdeck::search
