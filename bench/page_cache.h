// The kernel's page cache over an engine's index files: dropping them from it before a cold
// query, and checking how much of them is still cached.
//
// Dropping uses posix_fadvise(POSIX_FADV_DONTNEED) on every file, which needs no root and touches
// no other file on the machine (unlike writing /proc/sys/vm/drop_caches). The kernel keeps pages
// some process has mapped, so the engine must be closed first (PaperDeck and the FTS5 table both
// memory-map their files), and a page another process maps stays cached: ResidentFraction says
// whether the drop worked.
//
// Threading: plain functions over files; safe from any thread.
#pragma once

#include <filesystem>
#include <vector>

#include "model/status.h"

namespace paperdeck::bench {

// The regular files at paths: a path that is a directory stands for every file under it.
std::vector<std::filesystem::path> FilesUnder(const std::vector<std::filesystem::path>& paths);

// Asks the kernel to drop every page of files from its cache (dirty pages are written first).
Status DropFromPageCache(const std::vector<std::filesystem::path>& files);

// The fraction of the files' pages in the page cache now (mincore over a read-only mapping), or
// a negative value if the kernel would not say (mincore reports a file's cached pages only to
// its owner or to a process that may write it).
double ResidentFraction(const std::vector<std::filesystem::path>& files);

// The read-ahead of the block device holding path, in kB (/sys/dev/block/M:N/queue/read_ahead_kb),
// or -1 if unknown. A page fault in a memory-mapped file reads up to this much around the page,
// which is what a cold query on a memory-mapped index pays for.
long ReadAheadKb(const std::filesystem::path& path);

}  // namespace paperdeck::bench
