#include "latency.h"

#include <time.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numeric>

namespace paperdeck::bench {

double NowMillis(QueryClock clock) {
  timespec t{};
  clock_gettime(clock == QueryClock::kWall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

double Latencies::Percentile(double p) const {
  if (ms.empty()) return 0;
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
}

double Latencies::Total() const { return std::accumulate(ms.begin(), ms.end(), 0.0); }

double Latencies::Mean() const { return ms.empty() ? 0 : Total() / static_cast<double>(ms.size()); }

double Latencies::PerSecond() const {
  return Total() > 0 ? 1000.0 * static_cast<double>(ms.size()) / Total() : 0;
}

void Agreement::Add(std::vector<uint64_t> ours, std::vector<uint64_t> peer, uint64_t ours_total,
                    uint64_t peer_total) {
  std::sort(ours.begin(), ours.end());
  std::sort(peer.begin(), peer.end());
  std::vector<uint64_t> common;
  std::set_intersection(ours.begin(), ours.end(), peer.begin(), peer.end(),
                        std::back_inserter(common));
  size_t larger = std::max(ours.size(), peer.size());
  size_t together = ours.size() + peer.size() - common.size();
  ++queries;
  overlap_sum += larger == 0 ? 1.0 : static_cast<double>(common.size()) / larger;
  jaccard_sum += together == 0 ? 1.0 : static_cast<double>(common.size()) / together;
  if (ours_total == peer_total) ++same_total;
  uint64_t most = std::max(ours_total, peer_total);
  uint64_t gap = ours_total > peer_total ? ours_total - peer_total : peer_total - ours_total;
  if (gap * 100 <= most) ++near_total;
  ours_matches += ours_total;
  peer_matches += peer_total;
}

void Agreement::Append(const Agreement& o) {
  queries += o.queries;
  overlap_sum += o.overlap_sum;
  jaccard_sum += o.jaccard_sum;
  same_total += o.same_total;
  near_total += o.near_total;
  ours_matches += o.ours_matches;
  peer_matches += o.peer_matches;
  peer_faster += o.peer_faster;
}

}  // namespace paperdeck::bench
