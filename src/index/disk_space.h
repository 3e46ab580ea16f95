// Disk space: how much the filesystem holding the index can still take, checked before a
// segment is written (a flush, a merge) or a commit's small files, so a full disk is refused up
// front with a message naming the space needed, rather than failing half-way through a write.
// A write that still runs out (another process took the space meanwhile) fails as any write
// does, and the segment writer removes what it wrote.
//
// Threading: free functions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "model/status.h"

namespace paperdeck::index {

// Left free on the filesystem by every index write, on top of what the write itself needs: room
// for the corpus's journal, so a full index never stops the corpus from committing or rolling back.
inline constexpr uint64_t kSpaceReserveBytes = uint64_t{1} << 20;

// Bytes an unprivileged process may still write on the filesystem holding path (statvfs).
Result<uint64_t> AvailableBytes(const std::filesystem::path& path);

// "0.4 MB", "12 MB", "1,234 MB": decimal megabytes, as `df -H` counts them.
std::string Megabytes(uint64_t bytes);

// Ok when available >= needed; otherwise IOError "WHAT needs about N MB, F MB free on DIR
// (M MB short)". Pure, for the checks below and their tests.
Status SpaceFor(std::string_view what, uint64_t needed, uint64_t available,
                const std::filesystem::path& dir);

// Whether s is a refusal of SpaceFor's (its message names the space needed and free).
bool IsSpaceRefusal(const Status& s);

// SpaceFor with what the filesystem holding dir has available now.
Status CheckSpace(const std::filesystem::path& dir, std::string_view what, uint64_t needed);

}  // namespace paperdeck::index
