#include "index/mapped_segment_reader.h"

#include <roaring/roaring.h>

#include <algorithm>
#include <bit>
#include <vector>

#include "index/field.h"
#include "index/segment_posting_cursor.h"
#include "index/stem_form_cursor.h"

namespace paperdeck::index {

MappedSegmentReader::MappedSegmentReader(std::string name, std::shared_ptr<const SegmentFile> file,
                                         std::shared_ptr<const DeletionBitmap> deletions)
    : name_(std::move(name)), file_(std::move(file)), deletions_(std::move(deletions)) {
  if (!deletions_ || deletions_->deleted_count() == 0) return;
  std::vector<uint32_t> deleted;
  deleted.reserve(deletions_->deleted_count());
  const std::span<const uint64_t> words = deletions_->words();
  for (size_t w = 0; w < words.size(); ++w) {
    for (uint64_t rest = words[w]; rest != 0; rest &= rest - 1) {
      deleted.push_back(static_cast<uint32_t>(w * 64 + std::countr_zero(rest)));
    }
  }
  roaring_bitmap_t* bitmap = roaring_bitmap_of_ptr(deleted.size(), deleted.data());
  if (bitmap == nullptr) return;  // counted without it, through IsDeleted
  roaring_bitmap_run_optimize(bitmap);
  deleted_docs_ = std::shared_ptr<roaring_bitmap_s>(bitmap, roaring_bitmap_free);
}

std::unique_ptr<TermBitmap> MappedSegmentReader::TermDocs(std::string_view term) const {
  std::optional<TermInfo> info = file_->FindTerm(term);
  if (!info || info->df < 1) return nullptr;
  return file_->FindTermBitmap(*info);
}

uint32_t MappedSegmentReader::DocFreq(std::string_view term) const {
  // A form equal to its stem is not in the dictionary: its postings are counted.
  if (IsStemEqualForm(term)) return StemFormDocFreq(*this, ExactFormStem(term));
  std::optional<TermInfo> info = file_->FindTerm(term);
  return info ? info->df : 0;
}

std::unique_ptr<SegmentPostingCursor> MappedSegmentReader::Postings(std::string_view term) const {
  std::optional<TermInfo> info = file_->FindTerm(term);
  if (!info) return nullptr;
  return file_->OpenCursor(*info);
}

std::optional<uint32_t> MappedSegmentReader::FindPaper(uint64_t paper_key) const {
  std::span<const uint32_t> docs = file_->FindPaperDocs(paper_key);
  if (docs.empty()) return std::nullopt;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) {
    if (!IsDeleted(*it)) return *it;
  }
  return docs.back();
}

void MappedSegmentReader::FindLivePapers(std::span<const uint64_t> keys,
                                         std::vector<uint64_t>* live) const {
  const std::span<const uint64_t> sorted = file_->sorted_paper_keys();
  const std::span<const uint32_t> docs = file_->sorted_paper_docs();
  size_t at = 0;
  for (uint64_t key : keys) {
    // Gallop to the first sorted key >= key, then binary search the last step.
    size_t step = 1, low = at, high = at;
    while (high < sorted.size() && sorted[high] < key) {
      low = high;
      high += step;
      step *= 2;
    }
    if (high > sorted.size()) high = sorted.size();
    at = static_cast<size_t>(std::lower_bound(sorted.begin() + low, sorted.begin() + high, key) -
                             sorted.begin());
    if (at == sorted.size()) return;
    for (size_t i = at; i < sorted.size() && sorted[i] == key; ++i) {
      if (!IsDeleted(docs[i])) (*live)[docs[i] / 64] |= uint64_t{1} << (docs[i] % 64);
    }
  }
}

}  // namespace paperdeck::index
