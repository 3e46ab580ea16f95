#include "index/byte_slice_pool.h"

#include <cstring>

namespace paperdeck::index {

uint32_t ByteSlicePool::Allocate(uint32_t bytes) {
  if (used_ + bytes > kBlockBytes) {
    blocks_.push_back(std::make_unique_for_overwrite<uint8_t[]>(kBlockBytes));
    used_ = 0;
  }
  uint32_t addr = (static_cast<uint32_t>(blocks_.size() - 1) << kBlockBits) | used_;
  used_ += bytes;
  return addr;
}

void ByteSlicePool::Start(Stream* s) {
  s->level = 0;
  s->head = s->cur = Allocate(SliceBytes(0));
  s->end = s->cur + SliceBytes(0) - 4;
}

void ByteSlicePool::Extend(Stream* s) {
  const uint32_t level = s->level < kMaxLevel ? s->level + 1 : kMaxLevel;
  const uint32_t next = Allocate(SliceBytes(level));
  std::memcpy(At(s->end), &next, 4);
  s->level = level;
  s->cur = next;
  s->end = next + SliceBytes(level) - 4;
}

void ByteSlicePool::Clear() {
  blocks_.clear();
  blocks_.shrink_to_fit();
  used_ = kBlockBytes;
}

ByteSlicePool::Reader::Reader(const ByteSlicePool& pool, const Stream& s)
    : pool_(pool), pos_(s.head), end_(0), level_(0), stop_(s.head == kNone ? kNone : s.cur) {
  if (s.head != kNone) end_ = s.head + SliceBytes(0) - 4;
}

uint8_t ByteSlicePool::Reader::ReadByte() {
  if (pos_ == end_) {
    std::memcpy(&pos_, pool_.At(end_), 4);
    level_ = level_ < kMaxLevel ? level_ + 1 : kMaxLevel;
    end_ = pos_ + SliceBytes(level_) - 4;
  }
  return *pool_.At(pos_++);
}

uint32_t ByteSlicePool::Reader::ReadVarint() {
  uint32_t v = 0;
  for (int shift = 0;; shift += 7) {
    uint8_t b = ReadByte();
    v |= static_cast<uint32_t>(b & 0x7f) << shift;
    if (b < 0x80 || shift >= 28) return v;
  }
}

}  // namespace paperdeck::index
