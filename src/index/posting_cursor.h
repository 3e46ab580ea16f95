// PostingCursor: walks one term's postings in one segment, in increasing doc id order, skipping
// whole blocks of 128 without decoding them. Deleted documents are NOT skipped here (the
// searcher checks SegmentReader::IsDeleted), so doc frequencies stay those of the segment.
//
// A cursor reads straight from the segment's memory map and allocates nothing per posting.
// Threading: a cursor is used by one thread; the SegmentReader it came from must outlive it.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "index/field.h"

namespace paperdeck::index {

inline constexpr uint32_t kEndDoc = std::numeric_limits<uint32_t>::max();

// Upper bounds over a set of postings (a block, or the whole list), enough to bound any BM25F
// score of a posting in the set whatever the global statistics are: the largest term frequency
// per field, and the shortest length of that field among documents having the term in it; and,
// tighter, the largest length-normalised tf per field (index/length_norm.h), relative to the
// segment's average field lengths.
struct Impact {
  std::array<uint32_t, kNumFields> max_tf{};
  std::array<uint32_t, kNumFields> min_field_length{};
  std::array<float, kNumFields> max_ntf{};  // 0 for a field without the term
};

class PostingCursor {
 public:
  virtual ~PostingCursor() = default;

  // The current document, or kEndDoc once exhausted. A new cursor is on its first posting.
  virtual uint32_t doc() const = 0;
  // Moves to the next posting. REQUIRES: doc() != kEndDoc.
  virtual void Next() = 0;
  // Moves to the first posting with doc >= target (stays if already there); skips blocks using
  // the block index without decoding them.
  virtual void NextGeq(uint32_t target) = 0;

  // Term frequency of the current document in field f. REQUIRES: doc() != kEndDoc.
  virtual uint32_t tf(Field f) const = 0;
  // Term frequencies of the current document in every field, at once (one call per posting
  // where scoring reads them all). REQUIRES: doc() != kEndDoc.
  virtual void tfs(uint32_t out[kNumFields]) const = 0;
  // Positions of the term in field f of the current document, ascending, appended to out after
  // clearing it. REQUIRES: doc() != kEndDoc, and the term is not an exact form (index/field.h:
  // those store no positions).
  virtual void Positions(Field f, std::vector<uint32_t>* out) = 0;

  // Documents in the list (the segment's document frequency of the term).
  virtual uint32_t size() const = 0;

  // Block-max pruning: the last doc id of the block holding doc() (kEndDoc once exhausted), and
  // the impact bound of that block. Moving to another block is done by NextGeq/ShallowAdvance.
  virtual uint32_t block_last_doc() const = 0;
  virtual const Impact& block_impact() const = 0;
  // Moves the block pointer (not the posting) to the block that may hold target, so that
  // block_last_doc()/block_impact() describe it, without decoding postings.
  virtual void ShallowAdvance(uint32_t target) = 0;
  // The impact bound of the whole list.
  virtual const Impact& list_impact() const = 0;
};

}  // namespace paperdeck::index
