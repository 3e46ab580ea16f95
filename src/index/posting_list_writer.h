// PostingListWriter: encodes one term's postings, given in increasing doc order, into the bytes
// a segment stores for it: the postings (block index when there is more than one block, then the
// blocks; see block_index.h and posting_block.h) and the positions.
//
// Positions of a posting: for each text field f in field order, tf[f] varints, the first
// position absolute and each next one the difference to the previous. Positions are local to
// the field; a posting with tf 0 in every field (a category term) has no positions bytes.
//
// Used by the segment writer (buffered documents) and the merger alike; reset between terms so
// buffers are reused. Threading: one thread.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "index/block_index.h"
#include "index/posting_block.h"
#include "index/term_bitmaps.h"
#include "model/status.h"

namespace paperdeck::index {

class PostingListWriter {
 public:
  // average_field_length: the average length of each field over the segment being written,
  // which the impacts' normalised tfs are relative to (index/length_norm.h).
  explicit PostingListWriter(const std::array<double, kNumFields>& average_field_length)
      : average_field_length_(average_field_length) {}

  // Starts a new list.
  void Reset();

  // Appends a posting. field_length are the document's field lengths (for the impacts);
  // positions is the posting's positions bytes as described above.
  // REQUIRES: doc greater than the previous doc of this list.
  void Add(uint32_t doc, const uint32_t tf[kNumFields], const uint32_t field_length[kNumFields],
           std::span<const uint8_t> positions);

  // Ends the list. After Ok, postings() and positions() hold its bytes. Fails (InvalidArgument)
  // when one term's positions or blocks outgrow the 32-bit offsets of the block index.
  Status Finish();

  uint32_t df() const { return df_; }
  uint32_t last_doc() const { return last_doc_; }
  const Impact& list_impact() const { return list_impact_.impact(); }
  const std::vector<uint8_t>& postings() const { return postings_; }
  const std::vector<uint8_t>& positions() const { return positions_; }
  // The docs of the list its term bitmap holds (index/term_bitmaps.h's InTermBitmap), ascending.
  const std::vector<uint32_t>& bitmap_docs() const { return bitmap_docs_; }

 private:
  void FlushBlock();

  std::array<double, kNumFields> average_field_length_;
  BlockBuffer block_;
  int n_ = 0;                   // postings in block_
  uint32_t df_ = 0;
  uint32_t last_doc_ = kNoPrevDoc;
  uint32_t prev_block_last_ = kNoPrevDoc;
  size_t block_positions_start_ = 0;
  ImpactAccumulator block_impact_;
  ImpactAccumulator list_impact_;
  std::vector<BlockEntry> entries_;
  std::vector<uint8_t> blocks_;
  std::vector<uint8_t> postings_;
  std::vector<uint8_t> positions_;
  std::vector<uint32_t> bitmap_docs_;
  bool overflow_ = false;
};

}  // namespace paperdeck::index
