#include "index/facet_columns.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "index/segment_file.h"

namespace paperdeck::index {

FacetColumns::FacetColumns(const SegmentFile& file) {
  file.WillWalk(WalkedColumn::kCategories);
  file.WillWalk(WalkedColumn::kYears);
  const uint32_t n = file.doc_count();
  set_starts_ = {0, 0};  // set 0: no category

  // Each document's set, by the set's ids as bytes (a document's list is its own, so equal
  // lists are equal bytes), and which years occur (years are 16-bit: by year + 32768).
  std::unordered_map<std::string_view, uint32_t> sets;
  std::vector<uint32_t> set_of_doc(n, 0);
  std::vector<uint32_t> slot_of_year(65536, 0);
  for (uint32_t d = 0; d < n; ++d) {
    const std::span<const uint16_t> ids = file.category_ids(d);
    if (!ids.empty()) {
      const std::string_view key(reinterpret_cast<const char*>(ids.data()), ids.size_bytes());
      auto [it, added] = sets.try_emplace(key, category_set_count());
      if (added) {
        set_ids_.insert(set_ids_.end(), ids.begin(), ids.end());
        set_starts_.push_back(static_cast<uint32_t>(set_ids_.size()));
      }
      set_of_doc[d] = it->second;
    }
    if (const int32_t year = file.year(d); year != 0) slot_of_year[size_t(year + 32768)] = 1;
  }
  for (size_t i = 0; i < slot_of_year.size(); ++i) {
    if (slot_of_year[i] == 0) continue;
    years_.push_back(static_cast<int32_t>(i) - 32768);
    slot_of_year[i] = static_cast<uint32_t>(years_.size());
  }

  // Each year's documents, ascending: counted, then placed from each year's start.
  year_starts_.assign(years_.size() + 1, 0);
  for (uint32_t d = 0; d < n; ++d) {
    if (const int32_t year = file.year(d); year != 0) {
      ++year_starts_[slot_of_year[size_t(year + 32768)]];  // the slot is the year's index + 1
    }
  }
  for (size_t i = 1; i < year_starts_.size(); ++i) year_starts_[i] += year_starts_[i - 1];
  year_docs_.resize(year_starts_.back());
  std::vector<uint32_t> next(year_starts_.begin(), year_starts_.end() - 1);
  for (uint32_t d = 0; d < n; ++d) {
    if (const int32_t year = file.year(d); year != 0) {
      year_docs_[next[slot_of_year[size_t(year + 32768)] - 1]++] = d;
    }
  }

  // Then each document's pair, numbered most documents first: the counts of a walk over many
  // matches then crowd into a few cache lines.
  std::unordered_map<uint64_t, uint32_t> pair_ids;
  std::vector<uint32_t> docs_of_pair;
  pair_of_doc_.resize(n);
  for (uint32_t d = 0; d < n; ++d) {
    const int32_t year = file.year(d);
    const uint32_t slot = year == 0 ? 0 : slot_of_year[size_t(year + 32768)];
    auto [it, added] = pair_ids.try_emplace(uint64_t{set_of_doc[d]} << 32 | slot,
                                            static_cast<uint32_t>(pairs_.size()));
    if (added) {
      pairs_.push_back({set_of_doc[d], slot});
      docs_of_pair.push_back(0);
    }
    ++docs_of_pair[it->second];
    pair_of_doc_[d] = it->second;
  }
  std::vector<uint32_t> by_size(pairs_.size());
  std::iota(by_size.begin(), by_size.end(), 0);
  std::stable_sort(by_size.begin(), by_size.end(),
                   [&](uint32_t a, uint32_t b) { return docs_of_pair[a] > docs_of_pair[b]; });
  std::vector<uint32_t> renumbered(pairs_.size());
  std::vector<Pair> sorted(pairs_.size());
  for (uint32_t i = 0; i < by_size.size(); ++i) {
    renumbered[by_size[i]] = i;
    sorted[i] = pairs_[by_size[i]];
  }
  pairs_ = std::move(sorted);
  for (uint32_t& pair : pair_of_doc_) pair = renumbered[pair];
}

size_t FacetColumns::size_bytes() const {
  return pair_of_doc_.size() * sizeof(uint32_t) + pairs_.size() * sizeof(Pair) +
         set_starts_.size() * sizeof(uint32_t) + set_ids_.size() * sizeof(uint16_t) +
         years_.size() * sizeof(int32_t) + year_starts_.size() * sizeof(uint32_t) +
         year_docs_.size() * sizeof(uint32_t);
}

}  // namespace paperdeck::index
