#include "search/paper_set_matcher.h"

#include <algorithm>

namespace paperdeck::search {

PaperSetMatcher::PaperSetMatcher(const index::SegmentReader& segment, const PaperKeySet& papers)
    : segment_(segment), papers_(papers) {
  const uint64_t size = papers.cardinality();
  listed_ = size * kListRatio <= segment.doc_count();
  if (!listed_) {
    Probe(0);
    return;
  }
  // Keys come in ascending order, so the binary searches walk the key column forward and its
  // upper levels stay in cache.
  docs_.reserve(size);
  for (uint64_t key : papers) {
    std::optional<uint32_t> doc = segment.FindPaper(key);
    if (doc && !segment.IsDeleted(*doc)) docs_.push_back(*doc);
  }
  std::sort(docs_.begin(), docs_.end());
  doc_ = docs_.empty() ? kEndDoc : docs_[0];
}

uint64_t PaperSetMatcher::cost() const {
  return listed_ ? docs_.size() : static_cast<uint64_t>(segment_.doc_count()) + 1;
}

void PaperSetMatcher::Next() {
  if (!listed_) {
    Probe(doc_ + 1);
    return;
  }
  ++next_;
  doc_ = next_ < docs_.size() ? docs_[next_] : kEndDoc;
}

void PaperSetMatcher::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  if (!listed_) {
    Probe(target);
    return;
  }
  // Gallop from the current place: a conjunction's targets usually land nearby.
  size_t step = 1;
  size_t low = next_;
  size_t high = next_ + 1;
  while (high < docs_.size() && docs_[high] < target) {
    low = high;
    step *= 2;
    high = low + step;
  }
  if (high > docs_.size()) high = docs_.size();
  next_ = static_cast<size_t>(std::lower_bound(docs_.begin() + static_cast<ptrdiff_t>(low),
                                               docs_.begin() + static_cast<ptrdiff_t>(high), target) -
                              docs_.begin());
  doc_ = next_ < docs_.size() ? docs_[next_] : kEndDoc;
}

void PaperSetMatcher::Probe(uint32_t from) {
  const uint32_t n = segment_.doc_count();
  for (uint32_t d = from; d < n; ++d) {
    if (papers_.contains(static_cast<uint64_t>(segment_.paper_key(d)))) {
      doc_ = d;
      return;
    }
  }
  doc_ = kEndDoc;
}

}  // namespace paperdeck::search
