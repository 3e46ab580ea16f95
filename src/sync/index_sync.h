// IndexSync: brings the index level with the corpus. The corpus is the source of truth and the
// index is derived from it: each commit of the index records the corpus revision it reflects, so
// catching up means indexing the papers changed, and removing those removed, since then.
//
// A process killed while syncing leaves the index at its previous commit: the next sync redoes
// the work. A sync that fails (a full disk: the writer checks the space of each segment before
// writing it) rolls the writer back to that commit and removes what it wrote.
//
// Threading: one sync at a time per data directory (the IndexWriter lock enforces it). A sync
// reads and analyses papers on a second thread of its own, which alone uses the corpus until the
// scan ends, while the calling thread adds them to the writer in key order; both calls return
// only after that thread has ended, so the corpus and writer are the caller's again.
#pragma once

#include <cstdint>
#include <functional>

#include "index/index_writer.h"
#include "library/corpus.h"
#include "model/status.h"

namespace paperdeck::sync {

struct SyncReport {
  uint64_t indexed = 0;  // papers written to the index
  uint64_t removed = 0;  // papers removed from the index
  int64_t from_revision = 0;
  int64_t to_revision = 0;
  uint64_t commits = 0;  // commits made: a long catch-up commits after each segment it writes
  double seconds = 0;
};

// Called now and then with the number of papers indexed so far.
using SyncProgress = std::function<void(uint64_t indexed)>;

// Indexes what changed in corpus since writer's last commit, and commits; papers are read in
// revision order and the index is also committed after each segment written, so on a failure
// (the disk full) what was indexed before it stays searchable. On failure the writer is rolled
// back to its last commit.
Result<SyncReport> CatchUp(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress = {});

// Drops the whole index and rebuilds it from every paper in corpus, and commits once at the end
// (searches see the old index until then). On failure the writer is rolled back to its last
// commit: the old index, whole.
Result<SyncReport> Rebuild(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress = {});

}  // namespace paperdeck::sync
