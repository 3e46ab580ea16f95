// Manifest: the small text file "MANIFEST" that says what the index is: the format, the corpus
// revision it reflects, the next segment number, and one line per live segment (its name, doc
// count, deletion generation — 0 for none — and deleted count). Files it does not name are not
// part of the index.
//
//   paperdeck-index 1
//   corpus_revision 42
//   next_segment 7
//   segment s000003 120000 2 315
//   segment s000006 5000 0 0
//   checksum 9a0b1c2d            (CRC-32C of every byte before this line, hex)
//
// Commits replace it atomically: write MANIFEST.tmp, fsync it, rename it over MANIFEST, fsync
// the directory. A reader sees either the old file or the new one, never a mix.
//
// Threading: plain values and free functions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::index {

inline constexpr char kManifestFileName[] = "MANIFEST";
inline constexpr char kManifestTempFileName[] = "MANIFEST.tmp";
inline constexpr char kLockFileName[] = "LOCK";
inline constexpr uint32_t kManifestFormatVersion = 1;

struct ManifestSegment {
  std::string name;
  uint32_t doc_count = 0;
  uint64_t deletion_generation = 0;  // 0: no deletion file
  uint32_t deleted_count = 0;
};

struct Manifest {
  int64_t corpus_revision = 0;
  uint64_t next_segment = 1;
  std::vector<ManifestSegment> segments;
};

std::string SerializeManifest(const Manifest& m);
Result<Manifest> ParseManifest(std::string_view text);

// The manifest in dir, or nullopt when there is none (an empty index).
Result<std::optional<Manifest>> ReadManifest(const std::filesystem::path& dir);
// Replaces dir's manifest atomically and durably.
Status WriteManifest(const std::filesystem::path& dir, const Manifest& m);

// "s000042" for 42.
std::string SegmentName(uint64_t number);
// "<name>.seg"
std::string SegmentFileName(std::string_view name);
// Every file name the manifest makes part of the index (not counting MANIFEST and LOCK).
std::vector<std::string> ManifestFiles(const Manifest& m);

}  // namespace paperdeck::index
