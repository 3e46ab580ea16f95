#include "index/doc_columns.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace paperdeck::index {
namespace {

int32_t NarrowCount(int64_t v) {
  if (v < 0) return -1;
  return static_cast<int32_t>(std::min<int64_t>(v, std::numeric_limits<int32_t>::max()));
}

int16_t NarrowYear(int32_t y) {
  return static_cast<int16_t>(std::clamp<int32_t>(y, std::numeric_limits<int16_t>::min(),
                                                  std::numeric_limits<int16_t>::max()));
}

template <typename T>
Status WriteSection(FileWriter* out, SegmentFooter* footer, Section s, const T* data, size_t n) {
  PAPERDECK_RETURN_IF_ERROR(out->Pad(8));
  SectionExtent& e = footer->sections[static_cast<size_t>(s)];
  e.offset = out->offset();
  e.size = n * sizeof(T);
  return out->Append(data, e.size);
}

}  // namespace

bool DocColumns::CanAddCategories(std::span<const std::string_view> names) const {
  size_t missing = 0;
  for (std::string_view n : names) {
    if (category_table_.find(std::string(n)) == category_table_.end()) ++missing;
  }
  return category_names_.size() + missing <= kMaxCategoriesPerSegment;
}

uint16_t DocColumns::CategoryId(std::string_view name) {
  auto [it, added] = category_table_.try_emplace(std::string(name),
                                                 static_cast<uint16_t>(category_names_.size()));
  if (added) category_names_.emplace_back(name);
  return it->second;
}

void DocColumns::Add(const DocValues& v, std::span<const std::string_view> categories) {
  const uint32_t doc = size();
  paper_keys_.push_back(v.paper_key);
  dates_.push_back(v.date);
  years_.push_back(NarrowYear(v.year));
  citations_.push_back(NarrowCount(v.citations));
  upvotes_.push_back(NarrowCount(v.upvotes));
  if (doc % 64 == 0) is_new_.push_back(0);
  if (v.is_new) is_new_.back() |= uint64_t{1} << (doc % 64);
  for (int f = 0; f < kNumFields; ++f) {
    field_lengths_[f].push_back(v.field_length[f]);
    total_field_length_[f] += v.field_length[f];
  }
  const size_t first = category_ids_.size();
  for (std::string_view c : categories) {
    uint16_t id = CategoryId(c);
    if (std::find(category_ids_.begin() + static_cast<ptrdiff_t>(first), category_ids_.end(), id) ==
        category_ids_.end()) {
      category_ids_.push_back(id);
    }
  }
  category_offsets_.push_back(static_cast<uint32_t>(category_ids_.size()));
}

Status DocColumns::Write(FileWriter* out, SegmentFooter* footer) const {
  const size_t n = size();
  Status s = WriteSection(out, footer, Section::kPaperKeys, paper_keys_.data(), n);
  if (s.ok()) s = WriteSection(out, footer, Section::kDates, dates_.data(), n);
  if (s.ok()) s = WriteSection(out, footer, Section::kYears, years_.data(), n);
  if (s.ok()) s = WriteSection(out, footer, Section::kCitations, citations_.data(), n);
  if (s.ok()) s = WriteSection(out, footer, Section::kUpvotes, upvotes_.data(), n);
  if (s.ok()) s = WriteSection(out, footer, Section::kIsNew, is_new_.data(), is_new_.size());
  for (int f = 0; f < kNumFields && s.ok(); ++f) {
    const std::vector<uint32_t>& lengths = field_lengths_[f];
    const bool narrow = std::all_of(lengths.begin(), lengths.end(), [](uint32_t l) { return l <= 0xffff; });
    if (narrow) {
      std::vector<uint16_t> shorts(lengths.begin(), lengths.end());
      s = WriteSection(out, footer, FieldLengthSection(f), shorts.data(), n);
    } else {
      s = WriteSection(out, footer, FieldLengthSection(f), lengths.data(), n);
    }
  }
  if (s.ok()) {
    s = WriteSection(out, footer, Section::kCategoryOffsets, category_offsets_.data(),
                     category_offsets_.size());
  }
  if (s.ok()) {
    s = WriteSection(out, footer, Section::kCategoryIds, category_ids_.data(), category_ids_.size());
  }
  if (s.ok()) {
    std::vector<uint32_t> name_offsets{0};
    std::string names;
    for (const std::string& c : category_names_) {
      names += c;
      name_offsets.push_back(static_cast<uint32_t>(names.size()));
    }
    s = WriteSection(out, footer, Section::kCategoryNameOffsets, name_offsets.data(),
                     name_offsets.size());
    if (s.ok()) s = WriteSection(out, footer, Section::kCategoryNames, names.data(), names.size());
  }
  if (s.ok()) {
    std::vector<uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return paper_keys_[a] != paper_keys_[b] ? paper_keys_[a] < paper_keys_[b] : a < b;
    });
    std::vector<uint64_t> keys(n);
    for (size_t i = 0; i < n; ++i) keys[i] = paper_keys_[order[i]];
    s = WriteSection(out, footer, Section::kPaperIndexKeys, keys.data(), n);
    if (s.ok()) s = WriteSection(out, footer, Section::kPaperIndexDocs, order.data(), n);
  }
  for (int f = 0; f < kNumFields; ++f) footer->total_field_length[f] = total_field_length_[f];
  footer->doc_count = static_cast<uint32_t>(n);
  return s;
}

void DocColumns::Clear() { *this = DocColumns(); }

size_t DocColumns::memory_bytes() const {
  size_t bytes = paper_keys_.capacity() * sizeof(uint64_t) + dates_.capacity() * sizeof(int32_t) +
                 years_.capacity() * sizeof(int16_t) + citations_.capacity() * sizeof(int32_t) +
                 upvotes_.capacity() * sizeof(int32_t) + is_new_.capacity() * sizeof(uint64_t) +
                 category_offsets_.capacity() * sizeof(uint32_t) +
                 category_ids_.capacity() * sizeof(uint16_t) + category_names_.size() * 96;
  for (const auto& f : field_lengths_) bytes += f.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace paperdeck::index
