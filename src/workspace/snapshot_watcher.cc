#include "workspace/snapshot_watcher.h"

#include <sys/stat.h>

#include <utility>

namespace paperdeck::workspace {

SnapshotWatcher::SnapshotWatcher(std::filesystem::path index_dir)
    : index_dir_(std::move(index_dir)) {}

SnapshotWatcher::Stamp SnapshotWatcher::StampOfManifest() const {
  Stamp stamp;
  struct stat st;
  if (::stat((index_dir_ / "MANIFEST").c_str(), &st) == 0) {
    stamp.inode = st.st_ino;
    stamp.size = st.st_size;
    stamp.mtime = st.st_mtim;
  }
  return stamp;
}

Result<Snapshot> SnapshotWatcher::Current() {
  // The stat runs before the open: a manifest replaced in between is seen again next time.
  Stamp stamp = StampOfManifest();
  std::lock_guard<std::mutex> lock(mu_);
  if (opened_ && stamp == stamp_) return snapshot_;
  auto reader = index::IndexReader::Open(index_dir_);
  if (!reader.ok()) return reader.status();
  snapshot_.reader = *reader;
  snapshot_.searcher = std::make_shared<const search::Searcher>(*reader);
  stamp_ = stamp;
  opened_ = true;
  return snapshot_;
}

}  // namespace paperdeck::workspace
