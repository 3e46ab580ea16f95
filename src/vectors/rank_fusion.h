// Rank fusion: one ranking from two (keyword BM25F and dense nearest neighbours), by reciprocal
// rank fusion (Cormack, Clarke and Büttcher 2009): each paper scores the sum over the rankings
// holding it of weight / (k + rank), rank counted from 1. The papers of neither ranking are not
// in the fused one; ties keep the keyword ranking's order, then the dense one's.
//
// Threading: a pure function.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace paperdeck::vectors {

struct FusionParams {
  float k = 60.0f;
  float keyword_weight = 1.0f;
  float dense_weight = 1.0f;
};

struct FusedHit {
  uint64_t paper_key = 0;
  float score = 0;
};

// keyword and dense are paper keys, best first (a key at most once in each).
std::vector<FusedHit> FuseReciprocalRanks(std::span<const uint64_t> keyword,
                                          std::span<const uint64_t> dense,
                                          const FusionParams& params = {});

}  // namespace paperdeck::vectors
