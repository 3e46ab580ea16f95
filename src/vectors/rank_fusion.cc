#include "vectors/rank_fusion.h"

#include <algorithm>
#include <unordered_map>

namespace paperdeck::vectors {

std::vector<FusedHit> FuseReciprocalRanks(std::span<const uint64_t> keyword,
                                          std::span<const uint64_t> dense,
                                          const FusionParams& params) {
  std::vector<FusedHit> fused;
  std::unordered_map<uint64_t, size_t> at;  // key -> index in fused (first-seen order)
  fused.reserve(keyword.size() + dense.size());
  auto add = [&](std::span<const uint64_t> ranking, float weight) {
    for (size_t r = 0; r < ranking.size(); ++r) {
      const float s = weight / (params.k + static_cast<float>(r + 1));
      auto [it, inserted] = at.emplace(ranking[r], fused.size());
      if (inserted) {
        fused.push_back({ranking[r], s});
      } else {
        fused[it->second].score += s;
      }
    }
  };
  add(keyword, params.keyword_weight);
  add(dense, params.dense_weight);
  std::stable_sort(fused.begin(), fused.end(),
                   [](const FusedHit& a, const FusedHit& b) { return a.score > b.score; });
  return fused;
}

}  // namespace paperdeck::vectors
