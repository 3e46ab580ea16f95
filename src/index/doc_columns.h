// DocColumns: the per-document columns of a segment being written (paper key, date, year,
// citations, upvotes, is-new, field lengths, categories), held in memory and written as the
// segment's column sections. The readers' side is SegmentFile.
//
// Values are narrowed for storage the same way everywhere: years to i16, citations and upvotes
// to i32 (-1 for unknown, counts above INT32_MAX kept as INT32_MAX); field lengths use u16 when
// every length of the field fits, else u32.
//
// Threading: one thread.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/field.h"
#include "index/file_writer.h"
#include "index/segment_format.h"
#include "model/status.h"

namespace paperdeck::index {

// The most distinct categories one segment's table can hold (ids are u16).
inline constexpr size_t kMaxCategoriesPerSegment = 65535;

struct DocValues {
  uint64_t paper_key = 0;
  int32_t date = 0;
  int32_t year = 0;
  int64_t citations = -1;
  int64_t upvotes = -1;
  bool is_new = false;
  std::array<uint32_t, kNumFields> field_length{};
};

class DocColumns {
 public:
  uint32_t size() const { return static_cast<uint32_t>(paper_keys_.size()); }

  // True when the category table can take every category in names that it lacks.
  bool CanAddCategories(std::span<const std::string_view> names) const;
  // Appends a document. Duplicate category names are kept once, first occurrence first.
  // REQUIRES: CanAddCategories(categories).
  void Add(const DocValues& values, std::span<const std::string_view> categories);

  uint32_t field_length(uint32_t doc, int f) const { return field_lengths_[f][doc]; }
  uint64_t total_field_length(int f) const { return total_field_length_[f]; }
  // Per field: total_field_length / size(), 0 when empty.
  std::array<double, kNumFields> average_field_lengths() const {
    std::array<double, kNumFields> out{};
    for (int f = 0; f < kNumFields && size() > 0; ++f) {
      out[f] = static_cast<double>(total_field_length_[f]) / size();
    }
    return out;
  }
  const std::vector<uint64_t>& paper_keys() const { return paper_keys_; }

  // Appends the column sections to out (each 8-aligned), recording them in footer.
  Status Write(FileWriter* out, SegmentFooter* footer) const;

  void Clear();

  // Bytes the columns have allocated (the category table's few names counted at a flat rate).
  size_t memory_bytes() const;

 private:
  uint16_t CategoryId(std::string_view name);

  std::vector<uint64_t> paper_keys_;
  std::vector<int32_t> dates_;
  std::vector<int16_t> years_;
  std::vector<int32_t> citations_;
  std::vector<int32_t> upvotes_;
  std::vector<uint64_t> is_new_;
  std::array<std::vector<uint32_t>, kNumFields> field_lengths_;
  std::array<uint64_t, kNumFields> total_field_length_{};
  std::vector<uint32_t> category_offsets_{0};
  std::vector<uint16_t> category_ids_;
  std::vector<std::string> category_names_;
  std::unordered_map<std::string, uint16_t> category_table_;
};

}  // namespace paperdeck::index
