#include "vectors/forward_files.h"

#include <chrono>
#include <set>
#include <string>
#include <system_error>

#include "vectors/forward_file.h"

namespace paperdeck::vectors {

Result<ForwardFilesReport> UpdateForwardFiles(const index::IndexReader& reader,
                                              const std::filesystem::path& dir, bool rewrite) {
  const auto start = std::chrono::steady_clock::now();
  ForwardFilesReport report;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir.string() + ": " + ec.message());
  std::set<std::string> live;
  for (const auto& segment : reader.segments()) {
    const std::string name = ForwardFileName(segment->name());
    live.insert(name);
    const std::filesystem::path path = dir / name;
    if (!rewrite) {
      // This segment's file is kept; so is a damaged one, which the reader names (ForwardFile)
      // until a rewrite (`paperdeck reindex`) replaces it: damage is told, not hidden. A missing
      // file, another segment's or another version's is written.
      Result<ForwardFileHeader> header = ReadForwardFileHeader(path);
      if (header.ok()) {
        if (header->version == kForwardVersion && header->doc_count == segment->doc_count() &&
            header->fingerprint == SegmentFingerprint(*segment)) {
          continue;
        }
      } else if (header.status().code() != Status::Code::kNotFound) {
        continue;
      }
    }
    PAPERDECK_RETURN_IF_ERROR(WriteForwardFile(*segment, path));
    ++report.written;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool ours = name.ends_with(".fwd") || name.ends_with(".fwd.tmp");
    if (ours && !live.contains(name)) {
      std::filesystem::remove(entry.path(), ec);
      if (!ec) ++report.removed;
    }
  }
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace paperdeck::vectors
