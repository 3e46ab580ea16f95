// Segment merging: writes one new segment holding the live documents of several, reading their
// data directly — a k-way merge of the term dictionaries, posting lists re-encoded with the new
// doc ids (deleted documents dropped), positions copied as they are, columns and category
// tables remapped. No text is analysed again.
//
// New doc ids follow source order, then doc order within a source, so every merged posting
// list stays sorted without a sort.
//
// Threading: one thread; the sources must stay open for the call.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "index/deletion_bitmap.h"
#include "index/segment_file.h"
#include "index/term_bitmaps.h"
#include "model/status.h"

namespace paperdeck::index {

struct MergeSource {
  std::shared_ptr<const SegmentFile> file;
  const DeletionBitmap* deletions = nullptr;  // null: nothing deleted
};

struct MergeResult {
  uint32_t doc_count = 0;
  // doc_maps[s][d]: the new id of source s's doc d, or kEndDoc when it was dropped.
  std::vector<std::vector<uint32_t>> doc_maps;
};

// Writes the merged segment file at path, with a term bitmap for each list of bitmap_min_docs
// documents or more (index/term_bitmaps.h). REQUIRES: at least one live document among sources.
Result<MergeResult> MergeSegments(std::span<const MergeSource> sources,
                                  const std::filesystem::path& path,
                                  uint32_t bitmap_min_docs = kTermBitmapMinDocs);

}  // namespace paperdeck::index
