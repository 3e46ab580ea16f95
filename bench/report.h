// The tables search_bench prints: figures a person reads at a glance, aligned, with each peer's
// ratio to PaperDeck beside its latencies.
//
// Threading: prints to stdout; one thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "query_sets.h"
#include "search_engine.h"
#include "set_run.h"

namespace paperdeck::bench {

// "75728" -> "75,728".
std::string Grouped(uint64_t n);

double MiB(uint64_t bytes);

// One set's tables: warm latencies for each page size, cold latencies, and each peer's agreement
// with PaperDeck. engines as given to RunSet.
void PrintSet(const std::string& title, const SetResult& r,
              const std::vector<SearchEngine*>& engines);

// The k queries PaperDeck took longest on (first page size), with each peer's time beside.
void PrintSlowest(const QuerySet& set, const SetResult& r,
                  const std::vector<SearchEngine*>& engines, size_t k);

}  // namespace paperdeck::bench
