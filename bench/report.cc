#include "report.h"

#include <algorithm>
#include <numeric>

#include "fmt/core.h"

namespace paperdeck::bench {
namespace {

constexpr int kLabelWidth = 34;

void PrintHeader() {
  fmt::print("  {:<{}} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9} {:>9}\n", "engine", kLabelWidth,
             "p50 ms", "p95 ms", "p99 ms", "mean ms", "queries/s", "p50/ours", "mean/ours");
}

// One row; ours (may be null) is what the ratios divide by.
void PrintRow(const std::string& label, const Latencies& l, const Latencies* ours) {
  if (l.empty()) return;
  fmt::print("  {:<{}} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:>9.0f}", label, kLabelWidth,
             l.Percentile(50), l.Percentile(95), l.Percentile(99), l.Mean(), l.PerSecond());
  if (ours != nullptr && ours->Percentile(50) > 0 && ours->Mean() > 0) {
    fmt::print(" {:>9} {:>9}", fmt::format("{:.2f}x", l.Percentile(50) / ours->Percentile(50)),
               fmt::format("{:.2f}x", l.Mean() / ours->Mean()));
  }
  fmt::print("\n");
}

}  // namespace

std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

double MiB(uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

void PrintSet(const std::string& title, const SetResult& r,
              const std::vector<SearchEngine*>& engines) {
  fmt::print("\n{} ({} queries)\n", title, r.queries);
  PrintHeader();
  for (size_t ki = 0; ki < r.ks.size(); ++ki) {
    const Latencies& ours = r.warm[ki][0].with_total;
    for (size_t e = 0; e < engines.size(); ++e) {
      const EngineLatencies& lat = r.warm[ki][e];
      PrintRow(engines[e]->WithTotalRow(r.ks[ki]), lat.with_total, e == 0 ? nullptr : &ours);
      PrintRow(engines[e]->TopOnlyRow(r.ks[ki]), lat.top_only, &ours);
    }
  }
  if (r.cold_queries > 0) {
    for (size_t e = 0; e < engines.size(); ++e) {
      PrintRow("cold " + engines[e]->WithTotalRow(r.ks[0]), r.cold[e],
               e == 0 ? nullptr : &r.cold[0]);
    }
    std::string resident;
    for (size_t e = 0; e < engines.size(); ++e) {
      double mean = r.resident_sum[e] / static_cast<double>(r.cold_queries);
      resident += fmt::format("{}{} {}", e == 0 ? "" : ", ", engines[e]->name(),
                              mean < 0 ? "unknown" : fmt::format("{:.1f}%", 100.0 * mean));
    }
    fmt::print("  cold: {} queries each, wall time; index pages still cached after the drop: {}\n",
               r.cold_queries, resident);
  }
  double n = r.queries > 0 ? static_cast<double>(r.queries) : 1.0;
  for (size_t e = 1; e < engines.size(); ++e) {
    for (size_t ki = 0; ki < r.ks.size(); ++ki) {
      const Agreement& a = r.agreement[ki][e];
      fmt::print(
          "  agreement with {}, top {}: overlap {:.2f} (|A∩B|/max), Jaccard {:.2f}; totals equal "
          "in "
          "{:.1f}%, within 1% in {:.1f}%; mean total {:.0f} (paperdeck) vs {:.0f}; faster than "
          "paperdeck on {} of {}\n",
          engines[e]->name(), r.ks[ki], a.overlap_sum / n, a.jaccard_sum / n,
          100.0 * a.same_total / n, 100.0 * a.near_total / n, a.ours_matches / n,
          a.peer_matches / n, a.peer_faster, r.queries);
    }
  }
  if (r.not_as_written > 0) {
    fmt::print("  note: {} queries were not taken as written by paperdeck's parser\n",
               r.not_as_written);
  }
}

void PrintSlowest(const QuerySet& set, const SetResult& r,
                  const std::vector<SearchEngine*>& engines, size_t k) {
  const Latencies& ours = r.warm[0][0].with_total;
  std::vector<size_t> order(ours.ms.size());
  std::iota(order.begin(), order.end(), 0);
  k = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(),
                    [&](size_t a, size_t b) { return ours.ms[a] > ours.ms[b]; });
  for (size_t i = 0; i < k; ++i) {
    size_t q = order[i];
    std::string peers;
    for (size_t e = 1; e < engines.size(); ++e) {
      peers += fmt::format(", {:.3f} ms {}", r.warm[0][e].with_total.ms[q], engines[e]->name());
    }
    fmt::print("  slow: {:.3f} ms paperdeck{}: {}\n", ours.ms[q], peers, set.queries[q].ours);
  }
}

}  // namespace paperdeck::bench
