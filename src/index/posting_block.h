// Posting blocks: the codec of a run of up to 128 postings of one term. A posting is a doc id
// and a term frequency per text field (0 where the term is absent from that field).
//
// Doc ids are stored as gaps: gap = doc - prev - 1, where prev is the last doc of the previous
// block (kNoPrevDoc before the first block, so the first gap is the doc id itself).
//
// Full block (exactly 128 postings):
//   u8 doc_width, u8 tf_width[kNumFields]           5 bytes
//   Pack128(gaps, doc_width)                          16 * doc_width bytes
//   Pack128(tf[f], tf_width[f]) for each field f      16 * tf_width[f] bytes (none at width 0)
// Tail block (1..127 postings: a list's last block; the count follows from the list's df):
//   u8 field_mask (bit f set when some tf[f] > 0)
//   n varint gaps, then for each field f in field_mask: n varint tf[f]
//
// Threading: free functions over caller-owned memory.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "index/bit_packing.h"
#include "index/field.h"

namespace paperdeck::index {

inline constexpr uint32_t kNoPrevDoc = 0xffffffffu;

// One block's postings, decoded (or about to be encoded): entries [0, n) are meaningful.
struct BlockBuffer {
  alignas(16) uint32_t docs[kBlockSize];
  alignas(16) uint32_t tf[kNumFields][kBlockSize];
};

// Appends the encoding of postings [0, n) of block; n == kBlockSize gives a full (packed) block,
// 1 <= n < kBlockSize a tail block.
void EncodeBlock(const BlockBuffer& block, int n, uint32_t prev, std::vector<uint8_t>* out);

// A full block parsed in place, so doc ids and each field's tfs can be decoded separately.
struct PackedBlockView {
  const uint8_t* doc_data = nullptr;
  const uint8_t* tf_data[kNumFields] = {};
  uint8_t doc_width = 0;
  uint8_t tf_width[kNumFields] = {};
  const uint8_t* end = nullptr;  // the byte after the block
};

// Parses the full block at [p, limit); false when it does not fit or a width exceeds 32.
bool ParsePackedBlock(const uint8_t* p, const uint8_t* limit, PackedBlockView* view);
// Decodes the block's 128 doc ids given the previous block's last doc.
void DecodePackedDocs(const PackedBlockView& view, uint32_t prev, uint32_t* docs);
// Decodes field f's 128 term frequencies.
inline void DecodePackedTf(const PackedBlockView& view, int f, uint32_t* tf) {
  Unpack128(view.tf_data[f], view.tf_width[f], tf);
}

// Decodes a tail block of n postings at [p, limit) into block; returns the byte after it, or
// nullptr when the bytes are malformed.
const uint8_t* DecodeTailBlock(const uint8_t* p, const uint8_t* limit, int n, uint32_t prev,
                               BlockBuffer* block);

}  // namespace paperdeck::index
