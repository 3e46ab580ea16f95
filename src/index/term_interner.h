// TermInterner: gives each distinct term of the buffered documents a dense id (0, 1, 2, ...),
// storing each term's bytes once in an arena that never moves, so views stay valid until
// Clear(). The open-addressing table holds (hash, arena offset) pairs and the arena holds each
// term as (id, length, bytes), so a lookup touches two cache lines: the slot and the term.
//
// Terms are at most kMaxTermBytes long; the arena at most 4 GiB (the owner flushes long
// before). Threading: one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace paperdeck::index {

class TermInterner {
 public:
  static constexpr size_t kMaxTermBytes = 0xffff;

  TermInterner();

  // The id of term, adding it when new. REQUIRES: term.size() <= kMaxTermBytes.
  uint32_t Intern(std::string_view term);
  std::string_view term(uint32_t id) const { return TermAt(offsets_[id]); }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size()); }

  size_t memory_bytes() const;
  // Bytes of the arena holding terms (each term's bytes and a 6-byte header).
  size_t arena_bytes() const {
    return arena_.empty() ? 0 : (arena_.size() - 1) * kChunkBytes + arena_used_;
  }
  void Clear();

 private:
  static constexpr uint32_t kChunkBits = 20;  // 1 MiB arena chunks; a record never spans two
  static constexpr size_t kChunkBytes = size_t{1} << kChunkBits;
  static constexpr size_t kRecordHeader = 6;  // u32 id, u16 length

  const char* At(uint32_t offset) const {
    return arena_[offset >> kChunkBits].get() + (offset & (kChunkBytes - 1));
  }
  std::string_view TermAt(uint32_t offset) const;
  uint32_t Store(std::string_view term, uint32_t id);
  void Grow();

  // (hash << 32) | (arena offset + 1); 0 for an empty slot. Size is a power of two.
  std::vector<uint64_t> slots_;
  std::vector<uint32_t> offsets_;  // arena offset of each id's record
  std::vector<std::unique_ptr<char[]>> arena_;
  size_t arena_used_ = kChunkBytes;  // bytes used in the last chunk (none yet)
};

}  // namespace paperdeck::index
