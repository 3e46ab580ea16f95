// SegmentPostingCursor: the PostingCursor of a segment file. Decodes one block of 128 postings
// at a time into a fixed buffer (doc ids at once, each field's tfs only when asked), skips
// blocks through the block index, and finds positions lazily by skipping varints from the
// block's first posting. Nothing is allocated after construction.
//
// A list of one block has no stored block index: its impact is computed when the cursor opens,
// from the decoded block and the segment's field lengths.
//
// Threading: one thread; the SegmentFile must outlive the cursor.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "index/block_index.h"
#include "index/posting_block.h"
#include "index/posting_cursor.h"
#include "index/term_dictionary_writer.h"

namespace paperdeck::index {

class SegmentFile;

// Lists of more blocks than this are read ahead in one go when a cursor opens.
inline constexpr uint32_t kWillNeedBlocks = 4;
// No encoded block is longer: a tail block of 5-byte varints (a full block packs tighter).
inline constexpr size_t kMaxBlockBytes = 1 + size_t{kBlockSize} * 5 * (1 + kNumFields);

class SegmentPostingCursor final : public PostingCursor {
 public:
  SegmentPostingCursor(const SegmentFile& segment, const TermInfo& info);

  uint32_t doc() const override { return doc_; }
  void Next() override {
    if (++i_ < n_) {
      doc_ = buf_.docs[i_];
      if (shallow_ != block_) SetShallow(block_);
      return;
    }
    NextBlock();
  }
  void NextGeq(uint32_t target) override {
    if (target <= doc_) return;  // also covers an exhausted cursor
    if (target <= buf_.docs[n_ - 1] && shallow_ == block_) {
      // In the current block (the common step of an intersection): a short scan.
      while (buf_.docs[i_] < target) ++i_;
      doc_ = buf_.docs[i_];
      return;
    }
    SeekBeyond(target);
  }
  uint32_t tf(Field f) const override {
    if (!tf_decoded_) DecodeTfs();
    return buf_.tf[static_cast<int>(f)][i_];
  }
  void Positions(Field f, std::vector<uint32_t>* out) override;
  uint32_t size() const override { return df_; }
  uint32_t block_last_doc() const override { return shallow_last_; }
  const Impact& block_impact() const override { return shallow_impact_; }
  void ShallowAdvance(uint32_t target) override;
  const Impact& list_impact() const override { return list_impact_; }

  void tfs(uint32_t out[kNumFields]) const override {
    if (!tf_decoded_) DecodeTfs();
    for (int f = 0; f < kNumFields; ++f) out[f] = buf_.tf[f][i_];
  }
  // The encoded positions of the current posting, all fields (see posting_list_writer.h).
  // REQUIRES: doc() != kEndDoc.
  std::span<const uint8_t> RawPositions();
  // Asks for the positions of the blocks that would hold docs (ascending) at once, so that
  // reading them for a few documents (the proximity rerank) waits for one round of reads rather
  // than a page fault after another. A hint: never fails, and the cursor does not move.
  void WillReadPositions(std::span<const uint32_t> docs) const;
  // True when a block failed to decode (the cursor then ended early).
  bool corrupt() const { return corrupt_; }

 private:
  uint32_t LastDocOfBlock(uint32_t b) const;
  // The first block >= from whose last doc >= target, or num_blocks_.
  uint32_t FindBlock(uint32_t from, uint32_t target) const;
  void LoadBlock(uint32_t b);
  void NextBlock();
  // NextGeq past the current block, or with the block pointer elsewhere.
  void SeekBeyond(uint32_t target);
  void End();
  void DecodeTfs() const;
  void SetShallow(uint32_t b);
  // Moves pos_ptr_ to the current posting's positions.
  void SeekPositions();

  const SegmentFile* segment_ = nullptr;
  const uint8_t* entries_ = nullptr;  // block index, or nullptr for a one-block list
  const uint8_t* blocks_ = nullptr;
  const uint8_t* postings_limit_ = nullptr;
  const uint8_t* positions_ = nullptr;
  const uint8_t* positions_limit_ = nullptr;
  uint32_t df_ = 0;
  uint32_t num_blocks_ = 0;

  uint32_t block_ = 0;  // the block holding doc()
  int n_ = 0;           // postings in block_
  int i_ = 0;           // index of doc() in block_
  uint32_t doc_ = kEndDoc;
  bool packed_ = false;
  PackedBlockView view_;
  mutable bool tf_decoded_ = false;
  mutable BlockBuffer buf_;

  const uint8_t* pos_ptr_ = nullptr;  // start of the positions of posting pos_index_
  int pos_index_ = 0;

  uint32_t shallow_ = 0;
  uint32_t shallow_last_ = kEndDoc;
  Impact shallow_impact_;
  Impact list_impact_;
  bool corrupt_ = false;
};

}  // namespace paperdeck::index
