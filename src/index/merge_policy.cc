#include "index/merge_policy.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace paperdeck::index {
namespace {

struct Sized {
  const MergeCandidate* segment;
  uint64_t live;     // live bytes
  uint64_t floored;  // live bytes, at least the floor
  double live_ratio;
};

// Lower is better: an even merge (skew: the largest segment's share of the whole), small merged
// sizes slightly preferred, and deletions reclaimed strongly (Lucene's score).
double Score(std::span<const Sized> run, uint64_t floor_bytes, bool hit_cap, uint32_t at_once) {
  uint64_t total = 0, total_floored = 0, before = 0;
  for (const Sized& s : run) {
    total += s.live;
    total_floored += s.floored;
    before += s.segment->bytes;
  }
  const double skew = hit_cap ? 1.0 / at_once
                              : static_cast<double>(run.front().floored) /
                                    static_cast<double>(std::max<uint64_t>(total_floored, 1));
  const double size_factor = std::pow(static_cast<double>(std::max(total, floor_bytes)), 0.05);
  const double kept = before == 0 ? 1.0 : static_cast<double>(total) / static_cast<double>(before);
  return skew * size_factor * kept * kept;
}

double DeletedPct(const MergeCandidate& s) {
  return s.doc_count == 0 ? 0.0 : 100.0 * s.deleted_count / s.doc_count;
}

}  // namespace

std::vector<PlannedMerge> FindMerges(std::span<const MergeCandidate> segments,
                                     const MergePolicyOptions& options) {
  const uint32_t per_tier = std::max<uint32_t>(options.segments_per_tier, 2);
  const uint32_t at_once = std::max<uint32_t>(options.max_merge_at_once, 2);
  const uint64_t cap = std::max<uint64_t>(options.max_merged_segment_bytes, 1);

  std::vector<Sized> eligible;
  std::vector<PlannedMerge> merges;
  for (const MergeCandidate& s : segments) {
    if (s.doc_count == 0 || s.deleted_count >= s.doc_count) continue;  // the writer drops these
    const double ratio = static_cast<double>(s.doc_count - s.deleted_count) / s.doc_count;
    const uint64_t live = static_cast<uint64_t>(static_cast<double>(s.bytes) * ratio);
    if (live > cap / 2) {
      // Too large to merge with others: rewritten alone when deletions weigh too much.
      if (DeletedPct(s) > options.deletes_pct_allowed) merges.push_back({{s.name}, live});
      continue;
    }
    eligible.push_back({&s, live, std::max(live, options.floor_segment_bytes), ratio});
  }
  std::sort(eligible.begin(), eligible.end(), [](const Sized& a, const Sized& b) {
    if (a.live != b.live) return a.live > b.live;
    return a.segment->name < b.segment->name;
  });

  // How many segments the tiers allow.
  uint64_t total = 0, smallest = std::numeric_limits<uint64_t>::max();
  for (const Sized& s : eligible) {
    total += s.floored;
    smallest = std::min(smallest, s.floored);
  }
  double allowed = 0;
  if (!eligible.empty()) {
    double level = static_cast<double>(smallest);
    double remaining = static_cast<double>(total);
    for (;;) {
      const double in_level = remaining / level;
      if (in_level < per_tier) {
        allowed += std::ceil(in_level);
        break;
      }
      allowed += per_tier;
      remaining -= per_tier * level;
      level *= std::min(at_once, per_tier);
    }
    allowed = std::max<double>(allowed, per_tier);
  }

  while (static_cast<double>(eligible.size() + merges.size()) > allowed && eligible.size() > 1) {
    double best_score = std::numeric_limits<double>::max();
    std::vector<size_t> best;
    for (size_t start = 0; start < eligible.size(); ++start) {
      std::vector<size_t> run;
      uint64_t run_bytes = 0;
      bool hit_cap = false;
      for (size_t i = start; i < eligible.size() && run.size() < at_once; ++i) {
        if (run_bytes + eligible[i].live > cap) {
          hit_cap = true;
          continue;  // a smaller one further down may still fit
        }
        run.push_back(i);
        run_bytes += eligible[i].live;
      }
      if (run.size() < 2) continue;
      std::vector<Sized> sized;
      for (size_t i : run) sized.push_back(eligible[i]);
      const double score = Score(sized, options.floor_segment_bytes, hit_cap, at_once);
      if (score < best_score) {
        best_score = score;
        best = std::move(run);
      }
    }
    if (best.empty()) break;
    PlannedMerge merge;
    for (size_t i : best) {
      merge.segments.push_back(eligible[i].segment->name);
      merge.live_bytes += eligible[i].live;
    }
    merges.push_back(std::move(merge));
    for (auto it = best.rbegin(); it != best.rend(); ++it) {
      eligible.erase(eligible.begin() + static_cast<std::ptrdiff_t>(*it));
    }
  }

  // In shape, but some segment carries too many deletions: rewrite it alone to drop them.
  for (const Sized& s : eligible) {
    if (DeletedPct(*s.segment) > options.deletes_pct_allowed) {
      merges.push_back({{s.segment->name}, s.live});
    }
  }
  std::stable_sort(merges.begin(), merges.end(), [](const PlannedMerge& a, const PlannedMerge& b) {
    return a.segments.size() > b.segments.size();
  });
  return merges;
}

}  // namespace paperdeck::index
