#include "index/term_interner.h"

#include <cstring>
#include <functional>

namespace paperdeck::index {
namespace {

constexpr size_t kInitialSlots = 1 << 12;

uint32_t Hash(std::string_view s) { return static_cast<uint32_t>(std::hash<std::string_view>{}(s)); }

}  // namespace

TermInterner::TermInterner() : slots_(kInitialSlots, 0) {}

std::string_view TermInterner::TermAt(uint32_t offset) const {
  const char* p = At(offset);
  uint16_t len;
  std::memcpy(&len, p + 4, 2);
  return {p + kRecordHeader, len};
}

uint32_t TermInterner::Store(std::string_view term, uint32_t id) {
  const size_t bytes = kRecordHeader + term.size();
  if (arena_used_ + bytes > kChunkBytes) {
    arena_.push_back(std::make_unique_for_overwrite<char[]>(kChunkBytes));
    arena_used_ = 0;
  }
  const auto offset = static_cast<uint32_t>(((arena_.size() - 1) << kChunkBits) | arena_used_);
  char* p = arena_.back().get() + arena_used_;
  const auto len = static_cast<uint16_t>(term.size());
  std::memcpy(p, &id, 4);
  std::memcpy(p + 4, &len, 2);
  if (!term.empty()) std::memcpy(p + kRecordHeader, term.data(), term.size());
  arena_used_ += bytes;
  return offset;
}

uint32_t TermInterner::Intern(std::string_view term) {
  const uint32_t h = Hash(term);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0) {
      const auto id = static_cast<uint32_t>(offsets_.size());
      const uint32_t offset = Store(term, id);
      offsets_.push_back(offset);
      slots_[i] = (uint64_t{h} << 32) | (uint64_t{offset} + 1);
      if (offsets_.size() * 10 > slots_.size() * 7) Grow();
      return id;
    }
    if ((slot >> 32) == h) {
      const char* p = At(static_cast<uint32_t>(slot - 1));
      uint16_t len;
      std::memcpy(&len, p + 4, 2);
      if (len == term.size() && std::memcmp(p + kRecordHeader, term.data(), len) == 0) {
        uint32_t id;
        std::memcpy(&id, p, 4);
        return id;
      }
    }
  }
}

void TermInterner::Grow() {
  std::vector<uint64_t> slots(slots_.size() * 2, 0);
  const size_t mask = slots.size() - 1;
  for (uint64_t slot : slots_) {
    if (slot == 0) continue;
    size_t i = (slot >> 32) & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = slot;
  }
  slots_.swap(slots);
}

size_t TermInterner::memory_bytes() const {
  return slots_.capacity() * 8 + offsets_.capacity() * 4 + arena_.size() * kChunkBytes;
}

void TermInterner::Clear() { *this = TermInterner(); }

}  // namespace paperdeck::index
