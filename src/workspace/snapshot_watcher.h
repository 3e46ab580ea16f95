// SnapshotWatcher: the index snapshot a long-running server searches, kept current. Each Current()
// compares the index's MANIFEST file (inode, size, modification time: one stat) with the one the
// snapshot was opened from, and opens a new snapshot when it changed, so papers imported while
// the server runs show up in the next search. Requests already running keep the snapshot they
// hold (a snapshot never changes; index/index_reader.h).
//
// Threading: Current() may be called from many threads at once.
#pragma once

#include <ctime>
#include <filesystem>
#include <memory>
#include <mutex>
#include <sys/types.h>

#include "index/index_reader.h"
#include "model/status.h"
#include "search/searcher.h"

namespace paperdeck::workspace {

// A snapshot and the searcher over it, shared by the requests that use them.
struct Snapshot {
  std::shared_ptr<const index::IndexReader> reader;
  std::shared_ptr<const search::Searcher> searcher;
};

class SnapshotWatcher {
 public:
  explicit SnapshotWatcher(std::filesystem::path index_dir);

  // The newest snapshot. Fails only when the index cannot be opened at all (a damaged manifest);
  // a missing index is an empty one.
  Result<Snapshot> Current();

 private:
  struct Stamp {
    ino_t inode = 0;
    off_t size = -1;
    timespec mtime{};
    bool operator==(const Stamp& o) const {
      return inode == o.inode && size == o.size && mtime.tv_sec == o.mtime.tv_sec &&
             mtime.tv_nsec == o.mtime.tv_nsec;
    }
  };
  Stamp StampOfManifest() const;

  const std::filesystem::path index_dir_;
  std::mutex mu_;
  bool opened_ = false;  // guarded by mu_
  Stamp stamp_;          // guarded by mu_
  Snapshot snapshot_;    // guarded by mu_
};

}  // namespace paperdeck::workspace
