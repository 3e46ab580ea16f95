// IndexDocument: what the index needs to know of one paper. sync/ builds these from the corpus;
// the index analyses the text fields and stores the rest as per-document columns.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace paperdeck::index {

inline constexpr int32_t kNoDate = INT32_MIN;

struct IndexDocument {
  uint64_t paper_key = 0;  // the corpus key (library/ papers.key); unique in the index
  std::string_view title;
  std::string_view abstract;
  std::vector<std::string_view> authors;
  std::string_view venue;
  std::vector<std::string_view> categories;  // primary first
  int32_t date = kNoDate;    // days since 1970-01-01 (published)
  int32_t year = 0;          // 0 when unknown
  int64_t citations = -1;    // -1 when unknown
  int64_t upvotes = -1;      // -1 when unknown
  bool is_new = false;
};

}  // namespace paperdeck::index
