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
// The term index section is, for B blocks:
//   u64[B]      the offset of each block in the dictionary section
//   u32[B + 1]  0, then the end of each block's first term in the run below
//   bytes       each block's first term, concatenated
// A lookup binary-searches the first terms, then scans one block. The first terms lie together
// (about 10 bytes a block), so a lookup in a cold segment waits for one read of them rather than
// a page fault per step into the dictionary; SearchBytes() is what to ask for ahead.
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
  // index: the term index section. Its size is checked by Valid(); its first terms are checked
  // as they are read (a malformed one reads as empty), and whole by the segment's Verify().
  TermDictionaryReader(std::span<const uint8_t> blocks, std::span<const uint8_t> index,
                       uint64_t term_count);

  // The number of blocks term_count implies, and the least size of a term index holding them.
  static uint64_t BlocksFor(uint64_t term_count);
  static uint64_t MinIndexBytes(uint64_t term_count);
  // False when the term index is smaller than its blocks need.
  bool Valid() const { return index_.size() >= MinIndexBytes(term_count_); }

  uint64_t term_count() const { return term_count_; }
  uint64_t block_count() const { return Valid() ? BlocksFor(term_count_) : 0; }

  // True when the term index holds exactly each block's first term as the block itself
  // decodes it (reads every block: for Verify()).
  bool IndexMatchesBlocks() const;

  // The bytes every lookup reads (the first terms and their ends): worth asking for at open.
  std::span<const uint8_t> SearchBytes() const;
  // The dictionary bytes of the blocks that hold the terms from `from` up to (not including)
  // `past`; to the end of the dictionary when past is empty. Worth asking for before a walk.
  std::span<const uint8_t> BlocksBetween(std::string_view from, std::string_view past) const;

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
  // The last block whose first term <= term (block 0 if none is). REQUIRES: block_count() > 0.
  uint64_t BlockOf(std::string_view term) const;
  // Block b's first term (empty view on malformed bytes).
  std::string_view FirstTerm(uint64_t b) const;
  uint64_t BlockOffset(uint64_t b) const;
  uint32_t TermsInBlock(uint64_t b) const;

  std::span<const uint8_t> blocks_;
  std::span<const uint8_t> index_;
  uint64_t term_count_ = 0;
};

}  // namespace paperdeck::index
