#include "search/paper_set_matcher.h"

#include <bit>

namespace paperdeck::search {

PaperSetMatcher::PaperSetMatcher(const index::SegmentReader& segment, const PaperKeySet& papers)
    : doc_count_(segment.doc_count()), bits_((segment.doc_count() + 63) / 64, 0) {
  std::vector<uint64_t> keys(papers.cardinality());
  papers.toUint64Array(keys.data());  // ascending
  segment.FindLivePapers(keys, &bits_);
  for (uint64_t word : bits_) count_ += static_cast<uint64_t>(std::popcount(word));
  Seek(0);
}

void PaperSetMatcher::Seek(uint32_t from) {
  if (from >= doc_count_) {
    doc_ = kEndDoc;
    return;
  }
  size_t word = from / 64;
  uint64_t bits = bits_[word] & (~uint64_t{0} << (from % 64));
  while (bits == 0) {
    if (++word == bits_.size()) {
      doc_ = kEndDoc;
      return;
    }
    bits = bits_[word];
  }
  doc_ = static_cast<uint32_t>(word * 64 + static_cast<size_t>(std::countr_zero(bits)));
}

}  // namespace paperdeck::search
