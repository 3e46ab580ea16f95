// ForwardFile: the forward index of one index segment: each of the segment's documents with the
// terms it holds (the index's stems, in the title, abstract and authors) and a term frequency
// weighing the title twice. Written from the segment's own postings, so it holds exactly what the
// index holds; derived, and rebuilt from the segment at any time. Byte layout:
// docs/vectors-format.md.
//
// A file names its segment by a fingerprint of the segment's paper keys, so a file left from an
// older segment of the same name is never read as this one's.
//
// Threading: a ForwardFile is immutable after Open; share it freely.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "index/mapped_file.h"
#include "index/segment_reader.h"
#include "model/status.h"

namespace paperdeck::vectors {

inline constexpr char kForwardMagic[8] = {'P', 'D', 'F', 'W', 'D', 'I', 'D', 'X'};
inline constexpr uint32_t kForwardVersion = 1;
inline constexpr char kForwardEnd[4] = {'F', 'E', 'N', 'D'};
inline constexpr size_t kForwardHeaderBytes = 48;
inline constexpr size_t kForwardFooterBytes = 8;

// The file name of a segment's forward file: "<segment>.fwd".
std::string ForwardFileName(std::string_view segment_name);

// A 64-bit FNV-1a hash of the segment's paper keys in doc-id order.
uint64_t SegmentFingerprint(const index::SegmentReader& segment);

// Writes segment's forward file at path (through a temporary file renamed over it, so a reader
// never sees half a file). Fails with the I/O error naming the file.
Status WriteForwardFile(const index::SegmentReader& segment, const std::filesystem::path& path);

// What the header of a forward file says, read without checking the rest: enough to tell whether
// the file is the one of a segment.
struct ForwardFileHeader {
  uint32_t version = 0;
  uint32_t doc_count = 0;
  uint64_t fingerprint = 0;
};
Result<ForwardFileHeader> ReadForwardFileHeader(const std::filesystem::path& path);

class ForwardFile {
 public:
  // Maps path and checks it whole: magic, version, sizes, the CRC-32C of every byte. A file cut
  // short or damaged is kCorruption with a message naming the file and what is wrong.
  static Result<std::unique_ptr<ForwardFile>> Open(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  uint32_t doc_count() const { return doc_count_; }
  uint64_t fingerprint() const { return fingerprint_; }
  uint32_t term_count() const { return static_cast<uint32_t>(terms_.size()); }
  uint64_t entry_count() const { return entry_count_; }
  uint64_t size_bytes() const { return file_->size(); }

  // The file's terms (local ids 0..term_count-1, in the segment dictionary's order) and the
  // number of the segment's documents holding each.
  std::string_view term(uint32_t local) const { return terms_[local]; }
  uint32_t doc_freq(uint32_t local) const { return dfs_[local]; }

  // Document doc's entries: [begin, end) into term_id / tf. REQUIRES: doc < doc_count().
  uint64_t begin(uint32_t doc) const { return Load64(doc_starts_ + 8 * uint64_t{doc}); }
  uint64_t end(uint32_t doc) const { return Load64(doc_starts_ + 8 * (uint64_t{doc} + 1)); }
  uint32_t term_id(uint64_t entry) const { return Load32(term_ids_ + 4 * entry); }
  uint16_t tf(uint64_t entry) const { return Load16(tfs_ + 2 * entry); }

 private:
  ForwardFile() = default;
  static uint64_t Load64(const uint8_t* p) { uint64_t v; std::memcpy(&v, p, 8); return v; }
  static uint32_t Load32(const uint8_t* p) { uint32_t v; std::memcpy(&v, p, 4); return v; }
  static uint16_t Load16(const uint8_t* p) { uint16_t v; std::memcpy(&v, p, 2); return v; }

  std::filesystem::path path_;
  std::unique_ptr<index::MappedFile> file_;
  uint32_t doc_count_ = 0;
  uint64_t fingerprint_ = 0;
  uint64_t entry_count_ = 0;
  std::vector<std::string_view> terms_;  // into the map
  std::vector<uint32_t> dfs_;
  const uint8_t* doc_starts_ = nullptr;
  const uint8_t* term_ids_ = nullptr;
  const uint8_t* tfs_ = nullptr;
};

}  // namespace paperdeck::vectors
