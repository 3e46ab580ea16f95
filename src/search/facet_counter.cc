#include "search/facet_counter.h"

#include <algorithm>

#include "model/arxiv_taxonomy.h"

namespace paperdeck::search {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

FacetCounter::FacetCounter(const std::vector<std::string>& categories,
                           const std::vector<YearRange>& years)
    : years_(years) {
  for (const std::string& c : categories) categories_.push_back(Lower(c));
}

bool FacetCounter::CategoryPasses(std::string_view category) const {
  const std::string name = Lower(category);
  const std::string archive = name.substr(0, name.find('.'));
  return std::any_of(categories_.begin(), categories_.end(),
                     [&](const std::string& c) { return c == name || c == archive; });
}

void FacetCounter::StartSegment(const index::SegmentReader& segment) {
  segment_ = &segment;
  columns_ = &segment.facet_columns();
  const index::FacetColumns& columns = *columns_;

  // Which sets of categories pass the category filter (by their ids), which year slots the year
  // filter (slot 0, no year, passes only when there is no year filter).
  set_passes_.assign(columns.category_set_count(), 1);
  if (!categories_.empty()) {
    std::vector<int8_t> id_passes;  // by category id, judged when first met: -1 not yet
    for (uint32_t s = 0; s < set_passes_.size(); ++s) {
      bool in = false;
      for (const uint16_t id : columns.categories_of_set(s)) {
        if (id >= id_passes.size()) id_passes.resize(size_t{id} + 1, -1);
        if (id_passes[id] < 0) id_passes[id] = CategoryPasses(segment.category_name(id));
        in = in || id_passes[id] == 1;
      }
      set_passes_[s] = in;
    }
  }
  const std::span<const int32_t> years = columns.years();
  slot_passes_.assign(years.size() + 1, 1);
  if (!years_.empty()) {
    slot_passes_[0] = 0;
    for (size_t i = 0; i < years.size(); ++i) {
      slot_passes_[i + 1] = std::any_of(years_.begin(), years_.end(), [&](const YearRange& r) {
        return years[i] >= r.low && years[i] <= r.high;
      });
    }
  }
  // And which pairs pass both.
  const std::span<const index::FacetColumns::Pair> pairs = columns.pairs();
  pair_passes_.clear();
  if (has_filters()) {
    pair_passes_.resize(pairs.size());
    for (size_t p = 0; p < pairs.size(); ++p) {
      pair_passes_[p] = set_passes_[pairs[p].category_set] & slot_passes_[pairs[p].year_slot];
    }
  }
}

uint64_t FacetCounter::Count(std::span<const uint32_t> matches, std::vector<uint32_t>* passing) {
  if (matches.empty()) return 0;
  const index::SegmentReader& segment = *segment_;
  const index::FacetColumns& columns = *columns_;
  const std::span<const int32_t> years = columns.years();

  // One walk of the matches counts each pair of categories and year; with filters, a match whose
  // pair passes both is the page's. Scattered matches are each a cache miss: asked for ahead.
  // The counts are a buffer of the thread's, all zero between walks.
  const std::span<const index::FacetColumns::Pair> pairs = columns.pairs();
  thread_local std::vector<uint32_t> by_pair;  // a segment holds under 2^32 documents
  if (by_pair.size() < pairs.size()) by_pair.resize(pairs.size(), 0);
  constexpr size_t kAhead = 16;
  const bool scattered = matches.size() < segment.doc_count() / 16;
  uint32_t* const counts = by_pair.data();
  for (size_t i = 0; i < matches.size(); ++i) {
    if (scattered && i + kAhead < matches.size()) columns.Prefetch(matches[i + kAhead]);
    const uint32_t pair = columns.pair_of(matches[i]);
    ++counts[pair];
    if (passing && !pair_passes_.empty() && pair_passes_[pair]) passing->push_back(matches[i]);
  }

  // Each counted pair to its set within the year filter and to its year within the category
  // filter, its count zeroed again; the pairs counted are found from the matches when they are
  // fewer than the pairs.
  std::vector<uint64_t> by_set(set_passes_.size(), 0);
  std::vector<uint64_t> by_slot(slot_passes_.size(), 0);
  uint64_t total = 0;
  auto fold = [&](uint32_t p) {
    const uint64_t n = counts[p];
    counts[p] = 0;
    const uint8_t in_categories = set_passes_[pairs[p].category_set];
    const uint8_t in_years = slot_passes_[pairs[p].year_slot];
    if (in_years) by_set[pairs[p].category_set] += n;
    if (in_categories) by_slot[pairs[p].year_slot] += n;
    if (in_categories && in_years) total += n;
  };
  if (matches.size() < pairs.size()) {
    for (const uint32_t d : matches) {
      if (counts[columns.pair_of(d)]) fold(columns.pair_of(d));
    }
  } else {
    for (uint32_t p = 0; p < pairs.size(); ++p) {
      if (counts[p]) fold(p);
    }
  }

  // Sets to their categories (arXiv's alone are offered), slots to their years.
  std::vector<uint64_t> by_id;
  for (uint32_t s = 1; s < by_set.size(); ++s) {
    if (by_set[s] == 0) continue;
    for (const uint16_t id : columns.categories_of_set(s)) {
      if (id >= by_id.size()) by_id.resize(size_t{id} + 1, 0);
      by_id[id] += by_set[s];
    }
  }
  for (uint16_t id = 0; id < by_id.size(); ++id) {
    if (by_id[id] == 0) continue;
    const std::string_view name = segment.category_name(id);
    if (auto it = category_counts_.find(name); it != category_counts_.end()) {
      it->second += by_id[id];
    } else if (IsArxivCategory(name)) {
      category_counts_.emplace(name, by_id[id]);
    }
  }
  for (size_t i = 0; i < years.size(); ++i) {
    if (by_slot[i + 1]) year_counts_[years[i]] += by_slot[i + 1];
  }
  return total;
}

Facets FacetCounter::Take() {
  Facets facets;
  for (const auto& [name, n] : category_counts_) facets.categories.push_back({name, n});
  std::stable_sort(facets.categories.begin(), facets.categories.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  for (auto it = year_counts_.rbegin(); it != year_counts_.rend(); ++it) {
    facets.years.push_back({std::to_string(it->first), it->second});
  }
  return facets;
}

}  // namespace paperdeck::search
