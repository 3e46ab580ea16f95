// Running a query set on every engine, warm and cold, and what it measured.
//
// Warm: for each page size k, each engine runs every query once untimed (to warm its caches),
// then once timed, on one thread. Cold: for the first `cold` queries, each engine in turn is
// closed, its files are dropped from the page cache (page_cache.h), it is opened again, and the
// query is timed on the wall clock, for the first page size only.
//
// Engine 0 is PaperDeck; the others are peers, compared with it.
//
// Threading: one thread.
#pragma once

#include <cstdint>
#include <vector>

#include "latency.h"
#include "query_sets.h"
#include "search_engine.h"

namespace paperdeck::bench {

struct EngineLatencies {
  Latencies with_total;
  Latencies top_only;  // empty for an engine that always counts
};

struct SetResult {
  uint64_t queries = 0;
  std::vector<uint32_t> ks;
  // warm[k index][engine index]
  std::vector<std::vector<EngineLatencies>> warm;
  // agreement[k index][engine index]: each peer against PaperDeck (index 0 unused)
  std::vector<std::vector<Agreement>> agreement;
  // cold[engine index]: top-ks[0] with an exact total, wall time
  std::vector<Latencies> cold;
  // The fraction of each engine's pages still cached right after each drop, summed (for a mean).
  std::vector<double> resident_sum;
  uint64_t cold_queries = 0;
  uint64_t not_as_written = 0;  // queries PaperDeck's parser did not take as written

  void Append(const SetResult& o);
};

// REQUIRES: every engine is open, engines[0] is PaperDeck, ks is not empty.
Result<SetResult> RunSet(const QuerySet& set, const std::vector<SearchEngine*>& engines,
                         const std::vector<uint32_t>& ks, size_t cold, QueryClock clock);

}  // namespace paperdeck::bench
