// TermInterner: gives each distinct term of the buffered documents a dense id (0, 1, 2, ...),
// storing each term's bytes once in an arena that never moves, so views stay valid until
// Clear(). An open-addressing table keeps the per-term cost to a few words.
//
// Threading: one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace paperdeck::index {

class TermInterner {
 public:
  TermInterner();

  // The id of term, adding it when new.
  uint32_t Intern(std::string_view term);
  std::string_view term(uint32_t id) const { return terms_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(terms_.size()); }

  size_t memory_bytes() const;
  void Clear();

 private:
  void Grow();
  std::string_view Store(std::string_view term);

  std::vector<uint32_t> slots_;  // id + 1, or 0 for an empty slot; size is a power of two
  std::vector<std::string_view> terms_;
  std::vector<uint32_t> hashes_;
  std::vector<std::unique_ptr<char[]>> arena_;
  size_t arena_used_ = 0;
  size_t arena_bytes_ = 0;
};

}  // namespace paperdeck::index
