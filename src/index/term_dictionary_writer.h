// TermDictionaryWriter: writes a segment's sorted terms as front-coded blocks, and collects the
// term index a reader binary-searches: each block's start and first term (see
// term_dictionary_reader.h for the byte layout).
//
// Threading: one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/file_writer.h"
#include "model/status.h"

namespace paperdeck::index {

// Terms per front-coded block: a lookup scans at most this many entries.
inline constexpr uint32_t kTermsPerBlock = 32;

// What the dictionary says of a term.
struct TermInfo {
  uint32_t df = 0;                // documents in the list (deleted ones included)
  uint64_t postings_offset = 0;   // in the segment's postings section
  uint64_t positions_offset = 0;  // in the segment's positions section
};

class TermDictionaryWriter {
 public:
  // Block bytes go to out; block offsets are counted from out's offset at construction.
  explicit TermDictionaryWriter(FileWriter* out);

  // REQUIRES: term greater (bytewise) than every term added before; offsets not decreasing.
  Status Add(std::string_view term, const TermInfo& info);
  // Writes the last block. REQUIRES: called once, after the last Add.
  Status Finish();

  uint64_t term_count() const { return term_count_; }
  // The term index section: each block's start (relative to the dictionary's first byte), then
  // each block's first term (term_dictionary_reader.h). REQUIRES: Finish() called.
  std::vector<uint8_t> IndexSection() const;

 private:
  Status FlushBlock();

  FileWriter* out_;
  uint64_t base_;
  uint64_t term_count_ = 0;
  std::string last_term_;
  TermInfo last_info_;
  std::vector<uint8_t> block_;
  std::vector<uint64_t> block_offsets_;
  std::vector<uint32_t> first_term_ends_;  // end of block b's first term in first_terms_
  std::string first_terms_;                // every block's first term, concatenated
};

}  // namespace paperdeck::index
