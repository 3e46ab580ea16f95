// SearchEngine: one engine as the benchmark drives it: open its index, run a query for its best
// k papers, close it again (so a cold query can find its files out of the page cache), and name
// its files. Each engine also builds its index from papers in memory (BuildFigures), in the
// engine's own file.
//
// Threading: an engine is used by one thread at a time.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "latency.h"
#include "model/status.h"
#include "query_sets.h"

namespace paperdeck::bench {

// What an index build measured. Trivially copyable: a build runs in a child process and sends
// this back through a pipe.
struct BuildFigures {
  double seconds = 0;           // adding every paper and committing (FTS5: and optimizing)
  double optimize_seconds = 0;  // FTS5: the part of seconds its 'optimize' took
  double compact_seconds = 0;   // Xapian: compacting, after seconds
  uint64_t bytes = 0;           // on disk: what queries read
  uint64_t built_bytes = 0;     // on disk as built, before compacting (Xapian); else bytes
};

// One query's answer: the keys of the best k papers, best first, and the exact total.
struct Answer {
  std::vector<uint64_t> keys;
  uint64_t total = 0;
  bool not_as_written = false;  // PaperDeck's parser did not take the query as written
};

// One query's latency. Every engine answers with an exact total; a peer that can do without it
// (FTS5 without count(*), Xapian with its estimate) is also timed that way.
struct Timing {
  double with_total_ms = 0;
  double top_only_ms = -1;  // negative: the engine has no such way
};

class SearchEngine {
 public:
  virtual ~SearchEngine() = default;

  virtual std::string name() const = 0;
  // The table's rows for top-k: with an exact total, and without one ("" if the engine has none).
  virtual std::string WithTotalRow(uint32_t k) const = 0;
  virtual std::string TopOnlyRow(uint32_t k) const { return ""; }

  // Opens the index for queries; Open on an open engine reopens it.
  virtual Status Open() = 0;
  // Releases every handle and mapping of the index's files.
  virtual void Close() = 0;
  // The files (or directories) of the index.
  virtual std::vector<std::filesystem::path> Files() const = 0;

  // REQUIRES: Open(). Runs q for its best k and times it on clock. total_only: only the way with
  // an exact total (a cold query must run first in the way it is timed).
  virtual Status Run(const Query& q, uint32_t k, QueryClock clock, bool total_only, Answer* answer,
                     Timing* timing) = 0;
};

}  // namespace paperdeck::bench
