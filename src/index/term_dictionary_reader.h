// TermDictionaryReader: finds a term's TermInfo in a segment's dictionary, straight from the
// memory map, with no structure built at open.
//
// Layout. The dictionary section is a run of blocks of kTermsPerBlock terms (the last may hold
// fewer), in bytewise term order. Each entry of a block is
//   varint shared      bytes shared with the previous term of the block (0 for the first)
//   varint suffix_len, suffix bytes
//   varint df
//   varint64 postings delta   (first entry: the absolute offset; others: minus the previous)
//   varint64 positions delta  (likewise)
// The term index section is a u64 array: the offset of each block in the dictionary section.
// A lookup binary-searches the blocks by their first term (stored whole), then scans one block.
//
// Threading: const methods may be called from many threads; an Iterator is one thread's.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "index/term_dictionary_writer.h"

namespace paperdeck::index {

class TermDictionaryReader {
 public:
  TermDictionaryReader() = default;
  TermDictionaryReader(std::span<const uint8_t> blocks, std::span<const uint8_t> index,
                       uint64_t term_count);

  uint64_t term_count() const { return term_count_; }
  uint64_t block_count() const { return index_.size() / 8; }

  std::optional<TermInfo> Find(std::string_view term) const;

  // Walks the terms in order.
  class Iterator {
   public:
    bool Valid() const { return valid_; }
    // REQUIRES: Valid().
    void Next();
    std::string_view term() const { return term_; }
    const TermInfo& info() const { return info_; }
    // True when iteration stopped on malformed bytes rather than at the end.
    bool corrupt() const { return corrupt_; }

   private:
    friend class TermDictionaryReader;
    void LoadBlock(uint64_t block);
    void DecodeEntry();

    const TermDictionaryReader* dict_ = nullptr;
    uint64_t block_ = 0;
    uint32_t in_block_ = 0;  // entries of block_ decoded so far
    uint32_t block_terms_ = 0;
    const uint8_t* p_ = nullptr;
    std::string term_;
    TermInfo info_;
    bool valid_ = false;
    bool corrupt_ = false;
  };

  // An iterator on the first term >= lower_bound (the first term for "").
  Iterator Seek(std::string_view lower_bound) const;

 private:
  // Block b's first term (empty view on malformed bytes).
  std::string_view FirstTerm(uint64_t b) const;
  uint64_t BlockOffset(uint64_t b) const;
  uint32_t TermsInBlock(uint64_t b) const;

  std::span<const uint8_t> blocks_;
  std::span<const uint8_t> index_;
  uint64_t term_count_ = 0;
};

}  // namespace paperdeck::index
