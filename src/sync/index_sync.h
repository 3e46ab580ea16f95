// IndexSync: brings the index level with the corpus. The corpus is the source of truth and the
// index is derived from it: each commit of the index records the corpus revision it reflects, so
// catching up means indexing the papers changed, and removing those removed, since then.
//
// A process killed while syncing leaves the index at its previous commit: the next sync redoes
// the work.
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
  double seconds = 0;
};

// Called now and then with the number of papers indexed so far.
using SyncProgress = std::function<void(uint64_t indexed)>;

// Indexes what changed in corpus since writer's last commit, and commits.
Result<SyncReport> CatchUp(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress = {});

// Drops the whole index and rebuilds it from every paper in corpus, and commits.
Result<SyncReport> Rebuild(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress = {});

}  // namespace paperdeck::sync
