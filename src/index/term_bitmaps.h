// Term bitmaps: the documents of a segment's frequent terms kept a second time, as roaring
// bitmaps (CRoaring, Debian's libroaring-dev), so that counting an OR or an AND of such terms
// is a bitmap union or intersection (search/bitmap_count.h) instead of a walk marking every
// posting. A term gets one when its document frequency in the segment reaches the writer's
// threshold (kTermBitmapMinDocs unless told otherwise). The bitmap holds the documents a bare
// word matches: those whose posting has the term in a field of kDefaultFields; for a category
// term, whose postings are in no text field, every document of its list. Exact forms (`\x02`
// terms, index/field.h) have none: a bare word is its stem.
//
// On disk (docs/index-format.md): section kTermBitmaps holds each bitmap in CRoaring's frozen
// format at a multiple of 32 bytes from the file's start, read in place from the map (a view
// costs one small allocation, never a copy of the containers); section kTermBitmapIndex holds
// u64 triples (postings offset of the term's list, offset of the bitmap in kTermBitmaps, its
// size), ascending by postings offset, which is term order: a term's TermInfo finds its bitmap
// by binary search.
//
// Threading: TermBitmapTable is immutable; a TermBitmap is one reader's.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "index/field.h"
#include "index/file_writer.h"
#include "model/status.h"

struct roaring_bitmap_s;

namespace paperdeck::index {

// Whether a posting of these per-field tfs belongs in its term's bitmap (see above).
inline bool InTermBitmap(const uint32_t tf[kNumFields]) {
  bool any = false;
  for (int f = 0; f < kNumFields; ++f) {
    if (tf[f] > 0 && (kDefaultFields & (1u << f))) return true;
    any = any || tf[f] > 0;
  }
  return !any;
}

// Chosen by measurement on 75k real papers (BENCHMARKS.md): below it, a list is short enough
// that marking its postings costs about what a union of its containers would.
inline constexpr uint32_t kTermBitmapMinDocs = 2048;
// Bitmaps start at multiples of this from the file's start (the frozen format's requirement).
inline constexpr size_t kTermBitmapAlignment = 32;

// A read-only bitmap of document ids over bytes that outlive it.
class TermBitmap {
 public:
  // A view of frozen bytes; nullptr when they do not hold a frozen bitmap of their size.
  // REQUIRES: bytes.data() aligned to kTermBitmapAlignment.
  static std::unique_ptr<TermBitmap> View(std::span<const uint8_t> bytes);
  ~TermBitmap();
  TermBitmap(const TermBitmap&) = delete;
  TermBitmap& operator=(const TermBitmap&) = delete;

  const roaring_bitmap_s* get() const { return bitmap_; }
  uint64_t cardinality() const;
  bool Contains(uint32_t doc) const;

 private:
  explicit TermBitmap(const roaring_bitmap_s* bitmap) : bitmap_(bitmap) {}
  const roaring_bitmap_s* bitmap_;
};

// Builds a segment's two bitmap sections while its terms are written: bitmaps go to a spool
// file (appended to the segment by its writer), their index stays in memory (24 bytes a term).
class TermBitmapSpool {
 public:
  explicit TermBitmapSpool(FileWriter* spool) : spool_(spool) {}
  // Adds the bitmap of docs (ascending) for the list at postings_offset.
  Status Add(uint64_t postings_offset, std::span<const uint32_t> docs);
  size_t count() const { return index_.size() / 3; }
  const std::vector<uint64_t>& index() const { return index_; }

 private:
  FileWriter* spool_;
  std::vector<uint64_t> index_;
  std::vector<char> frozen_;  // scratch
};

// Finds a term's bitmap in the sections of one segment.
class TermBitmapTable {
 public:
  TermBitmapTable() = default;
  // REQUIRES: bitmaps.data() aligned to kTermBitmapAlignment; index.size() a multiple of 24.
  TermBitmapTable(std::span<const uint8_t> bitmaps, std::span<const uint8_t> index)
      : bitmaps_(bitmaps), index_(index) {}

  size_t count() const { return index_.size() / 24; }
  // The bitmap of the list at postings_offset; nullptr when it has none, or when the index
  // names bytes outside the section or not a bitmap (a damaged file).
  std::unique_ptr<TermBitmap> Find(uint64_t postings_offset) const;
  // The i-th entry's postings offset, and its bitmap (nullptr: damaged). REQUIRES: i < count().
  uint64_t postings_offset(size_t i) const { return Entry(i, 0); }
  std::unique_ptr<TermBitmap> At(size_t i) const;

 private:
  uint64_t Entry(size_t i, int field) const;

  std::span<const uint8_t> bitmaps_;
  std::span<const uint8_t> index_;
};

}  // namespace paperdeck::index
