#include "index/term_interner.h"

#include <cstring>
#include <functional>

namespace paperdeck::index {
namespace {

constexpr size_t kArenaChunk = 1 << 20;
constexpr size_t kInitialSlots = 1 << 12;

uint32_t Hash(std::string_view s) { return static_cast<uint32_t>(std::hash<std::string_view>{}(s)); }

}  // namespace

TermInterner::TermInterner() : slots_(kInitialSlots, 0) {}

std::string_view TermInterner::Store(std::string_view term) {
  if (arena_.empty() || arena_used_ + term.size() > kArenaChunk) {
    const size_t bytes = term.size() > kArenaChunk ? term.size() : kArenaChunk;
    arena_.push_back(std::make_unique_for_overwrite<char[]>(bytes));
    arena_bytes_ += bytes;
    arena_used_ = 0;
  }
  char* p = arena_.back().get() + arena_used_;
  if (!term.empty()) std::memcpy(p, term.data(), term.size());
  arena_used_ += term.size();
  return {p, term.size()};
}

uint32_t TermInterner::Intern(std::string_view term) {
  const uint32_t h = Hash(term);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const uint32_t slot = slots_[i];
    if (slot == 0) {
      const auto id = static_cast<uint32_t>(terms_.size());
      terms_.push_back(Store(term));
      hashes_.push_back(h);
      slots_[i] = id + 1;
      if (terms_.size() * 10 > slots_.size() * 7) Grow();
      return id;
    }
    if (hashes_[slot - 1] == h && terms_[slot - 1] == term) return slot - 1;
  }
}

void TermInterner::Grow() {
  std::vector<uint32_t> slots(slots_.size() * 2, 0);
  const size_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < terms_.size(); ++id) {
    size_t i = hashes_[id] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_.swap(slots);
}

size_t TermInterner::memory_bytes() const {
  return slots_.capacity() * 4 + terms_.capacity() * sizeof(std::string_view) +
         hashes_.capacity() * 4 + arena_bytes_;
}

void TermInterner::Clear() { *this = TermInterner(); }

}  // namespace paperdeck::index
