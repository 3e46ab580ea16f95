#include "index/term_bitmaps.h"

#include <roaring/roaring.h>

#include <cstring>

namespace paperdeck::index {

std::unique_ptr<TermBitmap> TermBitmap::View(std::span<const uint8_t> bytes) {
  if (bytes.empty() || reinterpret_cast<uintptr_t>(bytes.data()) % kTermBitmapAlignment != 0) {
    return nullptr;
  }
  const roaring_bitmap_t* view =
      roaring_bitmap_frozen_view(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (view == nullptr) return nullptr;
  return std::unique_ptr<TermBitmap>(new TermBitmap(view));
}

TermBitmap::~TermBitmap() {
  // A frozen view is freed like any bitmap: its one allocation, not the bytes it reads.
  roaring_bitmap_free(const_cast<roaring_bitmap_t*>(bitmap_));
}

uint64_t TermBitmap::cardinality() const { return roaring_bitmap_get_cardinality(bitmap_); }

bool TermBitmap::Contains(uint32_t doc) const { return roaring_bitmap_contains(bitmap_, doc); }

Status TermBitmapSpool::Add(uint64_t postings_offset, std::span<const uint32_t> docs) {
  roaring_bitmap_t* bitmap = roaring_bitmap_of_ptr(docs.size(), docs.data());
  if (bitmap == nullptr) return Status::IOError("out of memory building a term bitmap");
  roaring_bitmap_run_optimize(bitmap);
  const size_t size = roaring_bitmap_frozen_size_in_bytes(bitmap);
  frozen_.resize(size);
  roaring_bitmap_frozen_serialize(bitmap, frozen_.data());
  roaring_bitmap_free(bitmap);
  PAPERDECK_RETURN_IF_ERROR(spool_->Pad(kTermBitmapAlignment));
  index_.push_back(postings_offset);
  index_.push_back(spool_->offset());
  index_.push_back(size);
  return spool_->Append(frozen_.data(), size);
}

uint64_t TermBitmapTable::Entry(size_t i, int field) const {
  uint64_t v;
  std::memcpy(&v, index_.data() + i * 24 + field * 8, 8);
  return v;
}

std::unique_ptr<TermBitmap> TermBitmapTable::At(size_t i) const {
  const uint64_t offset = Entry(i, 1);
  const uint64_t size = Entry(i, 2);
  if (offset > bitmaps_.size() || size > bitmaps_.size() - offset) return nullptr;
  return TermBitmap::View(bitmaps_.subspan(offset, size));
}

std::unique_ptr<TermBitmap> TermBitmapTable::Find(uint64_t postings_offset) const {
  size_t lo = 0, hi = count();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (Entry(mid, 0) < postings_offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == count() || Entry(lo, 0) != postings_offset) return nullptr;
  return At(lo);
}

}  // namespace paperdeck::index
