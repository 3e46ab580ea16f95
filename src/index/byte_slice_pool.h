// ByteSlicePool: many growing byte streams (one per term of the documents being buffered) in a
// few large blocks of memory. A stream is a chain of slices of growing size (16, 32, ... 32 KiB
// bytes); the last 4 bytes of a full slice hold the address of the next. A term seen once costs
// one 16-byte slice, and no stream ever moves or is copied as it grows.
//
// Addresses are 32-bit, so a pool holds at most 4 GiB; the owner flushes well before.
// Threading: one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace paperdeck::index {

class ByteSlicePool {
 public:
  struct Stream {
    uint32_t head = kNone;  // address of the first slice
    uint32_t cur = 0;       // address of the next byte to write
    uint32_t end = 0;       // address of the current slice's forward pointer
    uint32_t level = 0;     // size class of the current slice
  };
  static constexpr uint32_t kNone = 0xffffffffu;

  void Write(Stream* s, uint8_t byte) {
    if (s->head == kNone) Start(s);
    if (s->cur == s->end) Extend(s);
    *At(s->cur++) = byte;
  }
  void WriteVarint(Stream* s, uint32_t v) {
    while (v >= 0x80) {
      Write(s, static_cast<uint8_t>(v | 0x80));
      v >>= 7;
    }
    Write(s, static_cast<uint8_t>(v));
  }

  // Hints the CPU to fetch the byte the next Write to s will touch.
  void Prefetch(const Stream& s) const {
    if (s.head != kNone) __builtin_prefetch(At(s.cur), 1);
  }

  // Reads a stream back from its first byte.
  class Reader {
   public:
    Reader(const ByteSlicePool& pool, const Stream& s);
    bool done() const { return pos_ == stop_; }
    // REQUIRES: !done().
    uint8_t ReadByte();
    uint32_t ReadVarint();

   private:
    const ByteSlicePool& pool_;
    uint32_t pos_, end_, level_, stop_;
  };

  // Bytes held in blocks.
  size_t memory_bytes() const { return blocks_.size() * kBlockBytes; }
  void Clear();

 private:
  static constexpr uint32_t kBlockBits = 20;  // 1 MiB blocks
  static constexpr uint32_t kBlockBytes = 1u << kBlockBits;
  static constexpr uint32_t kMaxLevel = 11;   // 16 << 11 = 32 KiB
  static uint32_t SliceBytes(uint32_t level) { return 16u << level; }

  uint8_t* At(uint32_t addr) {
    return blocks_[addr >> kBlockBits].get() + (addr & (kBlockBytes - 1));
  }
  const uint8_t* At(uint32_t addr) const {
    return blocks_[addr >> kBlockBits].get() + (addr & (kBlockBytes - 1));
  }
  uint32_t Allocate(uint32_t bytes);
  void Start(Stream* s);
  void Extend(Stream* s);

  std::vector<std::unique_ptr<uint8_t[]>> blocks_;
  uint32_t used_ = kBlockBytes;  // bytes used in the last block (full: none yet)
};

}  // namespace paperdeck::index
