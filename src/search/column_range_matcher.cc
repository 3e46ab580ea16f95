#include "search/column_range_matcher.h"

#include "index/index_document.h"

namespace paperdeck::search {

ColumnRangeMatcher::ColumnRangeMatcher(const index::SegmentReader& segment, Column column,
                                       int32_t low, int32_t high)
    : segment_(segment), column_(column), low_(low), high_(high) {
  Seek(0);
}

bool ColumnRangeMatcher::Matches(uint32_t doc) const {
  int32_t v;
  if (column_ == Column::kYear) {
    v = segment_.year(doc);
    if (v == 0) return false;
  } else {
    v = segment_.date(doc);
    if (v == index::kNoDate) return false;
  }
  return low_ <= v && v <= high_;
}

void ColumnRangeMatcher::Seek(uint32_t from) {
  uint32_t n = segment_.doc_count();
  for (uint32_t d = from; d < n; ++d) {
    if (Matches(d)) {
      doc_ = d;
      return;
    }
  }
  doc_ = kEndDoc;
}

void ColumnRangeMatcher::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  Seek(target);
}

}  // namespace paperdeck::search
