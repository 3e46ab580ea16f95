// SegmentWriter: the in-memory buffer of documents not yet in a segment. Each added document's
// tokens become postings appended to its terms' streams (term ids from a TermInterner, streams
// in a ByteSlicePool); columns go to DocColumns. WriteSegment sorts the terms and writes one
// segment file through SegmentFileWriter.
//
// Every category of a document adds two keyword postings, CategoryTerm(category) and its
// archive's CategoryTerm ("cs" for "cs.CV"; the same term for a category without a dot); they
// carry tf 0 in every text field and no positions. Tokens longer than
// TermInterner::kMaxTermBytes, or at positions of 2^29 and beyond, are not indexed.
//
// Threading: one thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "index/analyzed_document.h"
#include "index/byte_slice_pool.h"
#include "index/doc_columns.h"
#include "index/term_bitmaps.h"
#include "index/term_interner.h"
#include "model/status.h"

namespace paperdeck::index {

class SegmentWriter {
 public:
  // False when the document's categories would overflow this segment's category table (write
  // the segment and start a new one).
  bool CanAdd(const AnalyzedDocument& doc) const {
    return columns_.CanAddCategories(doc.categories);
  }
  // Buffers doc; returns its doc id in the segment to be written. REQUIRES: CanAdd(doc).
  uint32_t Add(const AnalyzedDocument& doc);

  uint32_t doc_count() const { return columns_.size(); }
  uint64_t paper_key(uint32_t doc) const { return columns_.paper_keys()[doc]; }
  // Bytes held: what the term table, the postings' byte pool, the per-term states, the columns
  // and the scratch space have allocated (capacities, not sizes).
  size_t memory_bytes() const;

  // The most disk the segment of the buffered documents takes while WriteSegment runs: the file
  // and, until they are copied into it, its positions and dictionary spools. An estimate from
  // the postings, positions, terms and documents buffered, at bytes per item above what the
  // segment's encodings take (tests/index/disk_space_test.cc checks it against segments written).
  uint64_t EstimatedDiskBytes() const;

  // Writes the buffered documents as the segment file path, with a term bitmap for each list of
  // bitmap_min_docs documents or more (index/term_bitmaps.h). REQUIRES: doc_count() > 0.
  Status WriteSegment(const std::filesystem::path& path,
                      uint32_t bitmap_min_docs = kTermBitmapMinDocs) const;

  void Clear();

 private:
  struct TermPostings {
    ByteSlicePool::Stream stream;
    uint32_t last_doc = 0xffffffffu;
    uint32_t df = 0;
  };

  TermInterner terms_;
  ByteSlicePool pool_;
  std::vector<TermPostings> postings_;  // by term id
  DocColumns columns_;
  std::vector<uint64_t> occurrences_;   // scratch: one document's (term, field, position)
  uint64_t posting_count_ = 0;   // (term, document) pairs buffered
  uint64_t position_count_ = 0;  // positions buffered
};

}  // namespace paperdeck::index
