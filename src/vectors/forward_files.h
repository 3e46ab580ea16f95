// ForwardFiles: keeps the vectors directory level with an index snapshot: a forward file
// (vectors/forward_file.h) for every segment the snapshot names, written from the segment when
// it has none (or one of another segment or format version), and the files of segments no longer
// live removed. A damaged file is left for its reader to name, until a rewrite replaces it. Run after every index commit (the Workspace does), and on demand before vectors
// are read, so a data directory indexed by an older build gets its files when first asked.
//
// Threading: one update at a time per directory (the Workspace holds a mutex); readers of an
// older snapshot keep the files they mapped (removing a mapped file leaves its map valid).
#pragma once

#include <cstdint>
#include <filesystem>

#include "index/index_reader.h"
#include "model/status.h"

namespace paperdeck::vectors {

struct ForwardFilesReport {
  uint32_t written = 0;  // files written
  uint32_t removed = 0;  // files of segments no longer live
  double seconds = 0;
};

// Brings dir (created if needed) level with reader's segments. With rewrite, every file is
// written anew (what `paperdeck reindex` does). A file that cannot be written fails the call
// with the message naming it; the files written before it stay.
Result<ForwardFilesReport> UpdateForwardFiles(const index::IndexReader& reader,
                                              const std::filesystem::path& dir,
                                              bool rewrite = false);

}  // namespace paperdeck::vectors
