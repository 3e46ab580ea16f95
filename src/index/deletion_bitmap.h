// DeletionBitmap: which documents of one segment are deleted, and the immutable file that
// records it, "<segment>.<generation>.del":
//
//   magic "PDDEL\r\n\x1a", u32 format version (1), u32 doc_count, u32 deleted_count, u32 0,
//   u64 words[ceil(doc_count / 64)] (bit d % 64 of word d / 64 set = doc d deleted),
//   u32 CRC-32C of every byte before it.
//
// A file is written once under a new generation and never changed; the manifest names the
// generation in force.
//
// Threading: a const bitmap may be read from many threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::index {

class DeletionBitmap {
 public:
  DeletionBitmap() = default;
  explicit DeletionBitmap(uint32_t doc_count) : doc_count_(doc_count), words_((doc_count + 63) / 64) {}

  uint32_t doc_count() const { return doc_count_; }
  uint32_t deleted_count() const { return deleted_; }
  bool IsDeleted(uint32_t doc) const { return (words_[doc / 64] >> (doc % 64)) & 1; }
  // Bit doc % 64 of word doc / 64 set = doc deleted.
  std::span<const uint64_t> words() const { return words_; }
  // Marks doc deleted; false when it already was. REQUIRES: doc < doc_count().
  bool Delete(uint32_t doc) {
    uint64_t& w = words_[doc / 64];
    const uint64_t bit = uint64_t{1} << (doc % 64);
    if (w & bit) return false;
    w |= bit;
    ++deleted_;
    return true;
  }

  // Writes the file (and fsyncs it).
  Status WriteFile(const std::filesystem::path& path) const;
  // Reads a file, checking it holds expected_doc_count docs and its checksum.
  static Result<DeletionBitmap> ReadFile(const std::filesystem::path& path,
                                         uint32_t expected_doc_count);

 private:
  uint32_t doc_count_ = 0;
  uint32_t deleted_ = 0;
  std::vector<uint64_t> words_;
};

// "<segment>.<generation>.del"
std::string DeletionFileName(std::string_view segment, uint64_t generation);

}  // namespace paperdeck::index
