// Length-normalised term frequency: what a block's score bound is made of.
//
// BM25F divides a field's term frequency by a length normalisation before it weights and
// saturates it: ntf = tf / (1 - b + b * len / avglen). The index stores, for every block of
// postings and for every list, the largest ntf per field, computed with the fixed b of
// kImpactB and the average field length of the segment being written. Those maxima bound the
// scores of a block from one document's numbers each field, so they are tight where the largest
// tf and the shortest length (index::Impact's other bounds) may come from different documents.
//
// Searching with another average length avg' (the whole index's, or after more segments were
// added) only rescales them: for every document, with the same b,
//   tf / (1 - b + b len / avg')  <=  ntf * max(1, avg' / avg)
// because the two denominators are affine in 1/avg and 1/avg' with the same intercept. A search
// whose b differs from kImpactB cannot use them and falls back to the tf/length bounds.
//
// Stored values are rounded up to a multiple of 1 / kNtfUnit, so they stay bounds; kNtfUnbounded
// means "no bound" (decoded as infinity).
//
// Threading: free functions and constants.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace paperdeck::index {

inline constexpr float kImpactB = 0.75f;
inline constexpr float kNtfUnit = 256.0f;
inline constexpr uint16_t kNtfUnbounded = 0xffff;

// The normalised tf of a posting in a field whose average length in the segment is avg_length.
inline float NormalizedTf(uint32_t tf, uint32_t length, double avg_length) {
  if (tf == 0) return 0;
  if (avg_length <= 0) return static_cast<float>(tf) / (1.0f - kImpactB);
  double norm = (1.0 - kImpactB) + kImpactB * static_cast<double>(length) / avg_length;
  return static_cast<float>(static_cast<double>(tf) / norm);
}

// Rounds ntf up to the stored fixed point (with a margin for the float arithmetic behind it).
inline uint16_t EncodeNtf(float ntf) {
  if (!(ntf > 0)) return 0;
  double q = std::ceil(static_cast<double>(ntf) * (1.0 + 1e-5) * kNtfUnit);
  return q >= kNtfUnbounded ? kNtfUnbounded : static_cast<uint16_t>(q);
}

inline float DecodeNtf(uint16_t q) {
  return q == kNtfUnbounded ? std::numeric_limits<float>::infinity()
                            : static_cast<float>(q) / kNtfUnit;
}

}  // namespace paperdeck::index
