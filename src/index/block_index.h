// Block index: what a cursor knows of a term's posting blocks without decoding them. A list of
// more than one block starts with its list impact and one fixed-size entry per block:
//
//   list impact   u32 max_tf[kNumFields], u32 min_field_length[kNumFields],
//                 u16 max_ntf[kNumFields]                                          40 bytes
//   entry[b]      u32 last_doc, u32 block_offset, u32 positions_offset,
//                 u16 max_tf[kNumFields], u16 min_field_length[kNumFields],
//                 u16 max_ntf[kNumFields]                                          36 bytes
//
// (all little-endian, unaligned). block_offset counts from the first byte after the last entry;
// positions_offset counts from the term's first positions byte. The u16 impacts are rounded so
// they stay bounds: a max_tf of 0xffff means "unbounded" (decoded as UINT32_MAX); a
// min_field_length is capped at 0xffff, which is still a lower bound. A field no posting of the
// set has the term in has max_tf 0 and min_field_length 0. max_ntf is stored as
// index/length_norm.h rounds it up.
//
// Threading: free functions and plain values.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "index/field.h"
#include "index/length_norm.h"
#include "index/posting_cursor.h"

namespace paperdeck::index {

inline constexpr size_t kListImpactBytes = 10 * kNumFields;
inline constexpr size_t kBlockEntryBytes = 12 + 6 * kNumFields;

struct BlockEntry {
  uint32_t last_doc = 0;
  uint32_t block_offset = 0;
  uint32_t positions_offset = 0;
  Impact impact;  // exact when written; bounds after a round trip through the u16 fields
};

inline uint32_t LoadU32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline uint16_t LoadU16(const uint8_t* p) {
  uint16_t v;
  std::memcpy(&v, p, 2);
  return v;
}
inline void StoreU32(uint8_t* p, uint32_t v) { std::memcpy(p, &v, 4); }
inline void StoreU16(uint8_t* p, uint16_t v) { std::memcpy(p, &v, 2); }

void EncodeBlockEntry(const BlockEntry& e, uint8_t* out);
void DecodeBlockEntry(const uint8_t* in, BlockEntry* e);
inline uint32_t BlockEntryLastDoc(const uint8_t* entries, size_t b) {
  return LoadU32(entries + b * kBlockEntryBytes);
}

void EncodeListImpact(const Impact& impact, uint8_t* out);
void DecodeListImpact(const uint8_t* in, Impact* impact);

// Accumulates the impact of a set of postings.
class ImpactAccumulator {
 public:
  void Reset() { impact_ = Impact{}; }
  // A posting with term frequencies tf in a document with field lengths length; ntf is its
  // length-normalised tf per field (index/length_norm.h).
  void Add(const uint32_t* tf, const uint32_t* length, const float* ntf) {
    for (int f = 0; f < kNumFields; ++f) {
      if (tf[f] == 0) continue;
      if (impact_.max_tf[f] == 0 || length[f] < impact_.min_field_length[f]) {
        impact_.min_field_length[f] = length[f];
      }
      impact_.max_tf[f] = std::max(impact_.max_tf[f], tf[f]);
      impact_.max_ntf[f] = std::max(impact_.max_ntf[f], ntf[f]);
    }
  }
  const Impact& impact() const { return impact_; }

 private:
  Impact impact_;
};

}  // namespace paperdeck::index
