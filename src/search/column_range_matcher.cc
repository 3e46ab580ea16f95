#include "search/column_range_matcher.h"

#include <algorithm>
#include <span>
#include <vector>

#include "index/index_document.h"
#include "search/doc_list_matcher.h"

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

std::unique_ptr<Matcher> YearRangeMatcher(const index::SegmentReader& segment, int32_t low,
                                          int32_t high) {
  const index::FacetColumns& columns = segment.facet_columns();
  const std::span<const int32_t> years = columns.years();
  std::vector<std::span<const uint32_t>> lists;
  size_t total = 0;
  for (size_t i = 0; i < years.size(); ++i) {
    if (years[i] < low || years[i] > high) continue;
    lists.push_back(columns.docs_of_year(i));
    total += lists.back().size();
  }
  if (total == 0) return nullptr;
  if (total >= segment.doc_count() / 2) {
    return std::make_unique<ColumnRangeMatcher>(segment, ColumnRangeMatcher::Column::kYear, low,
                                                high);
  }
  if (lists.size() == 1) return std::make_unique<DocListMatcher>(lists[0]);
  std::vector<uint32_t> merged;
  merged.reserve(total);
  for (const std::span<const uint32_t> list : lists) {
    merged.insert(merged.end(), list.begin(), list.end());
  }
  std::sort(merged.begin(), merged.end());
  return std::make_unique<DocListMatcher>(std::move(merged));
}

}  // namespace paperdeck::search
