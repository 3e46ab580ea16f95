// Latency figures of one engine over a set of queries, and how far a peer's answers agree with
// PaperDeck's. Both are plain values, filled by one thread.
#pragma once

#include <cstdint>
#include <vector>

namespace paperdeck::bench {

// What a query's latency is measured on. Wall time is what a person waits; the thread's CPU time
// leaves out the time other processes held the core, for figures taken on a shared machine. A
// cold query is always timed on the wall clock: its cost is mostly waiting for the disk, which
// uses no CPU.
enum class QueryClock { kWall, kThreadCpu };

// Milliseconds on clock since an arbitrary origin.
double NowMillis(QueryClock clock);

// One latency per query, in the order the queries ran.
struct Latencies {
  std::vector<double> ms;

  // Nearest rank; 0 when empty.
  double Percentile(double p) const;
  double Total() const;
  double Mean() const;
  double PerSecond() const;
  bool empty() const { return ms.empty(); }
  void Append(const Latencies& other) { ms.insert(ms.end(), other.ms.begin(), other.ms.end()); }
};

// How far a peer's answers agree with PaperDeck's over a set, for one page size k.
struct Agreement {
  uint64_t queries = 0;
  double overlap_sum = 0;  // per query |A ∩ B| / max(|A|, |B|), 1 when both are empty
  double jaccard_sum = 0;  // per query |A ∩ B| / |A ∪ B|, 1 when both are empty
  uint64_t same_total = 0;
  uint64_t near_total = 0;    // totals within 1% of each other
  uint64_t ours_matches = 0;  // PaperDeck's totals summed
  uint64_t peer_matches = 0;  // the peer's totals summed, to show the direction of drift
  uint64_t peer_faster = 0;   // queries the peer (its fastest row) answered faster than PaperDeck

  // Adds one query: ours and peer are the two pages of keys (any order), with their totals.
  void Add(std::vector<uint64_t> ours, std::vector<uint64_t> peer, uint64_t ours_total,
           uint64_t peer_total);
  void Append(const Agreement& o);
};

}  // namespace paperdeck::bench
