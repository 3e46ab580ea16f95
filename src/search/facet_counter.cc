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

FacetFilter::FacetFilter(const std::vector<std::string>& categories,
                         const std::vector<YearRange>& years)
    : years_(years) {
  for (const std::string& c : categories) categories_.push_back(Lower(c));
}

void FacetFilter::StartSegment(const index::SegmentReader* segment) {
  segment_ = segment;
  category_passes_.clear();
}

bool FacetFilter::Passes(uint16_t id) {
  // Each category id of the segment is judged once, when a match first carries it.
  if (id >= category_passes_.size()) category_passes_.resize(size_t{id} + 1, kUnknown);
  int8_t& passes = category_passes_[id];
  if (passes == kUnknown) {
    const std::string name = Lower(segment_->category_name(id));
    const std::string archive = name.substr(0, name.find('.'));
    passes = std::find_if(categories_.begin(), categories_.end(), [&](const std::string& c) {
               return c == name || c == archive;
             }) != categories_.end();
  }
  return passes == 1;
}

bool FacetFilter::InCategories(uint32_t doc) {
  if (categories_.empty()) return true;
  for (uint16_t id : segment_->category_ids(doc)) {
    if (Passes(id)) return true;
  }
  return false;
}

bool FacetFilter::InYears(uint32_t doc) const {
  if (years_.empty()) return true;
  const int32_t year = segment_->year(doc);
  if (year == 0) return false;
  for (const YearRange& r : years_) {
    if (year >= r.low && year <= r.high) return true;
  }
  return false;
}

void FacetCounter::StartSegment(const index::SegmentReader* segment) {
  Flush();
  segment_ = segment;
}

void FacetCounter::Flush() {
  if (segment_) {
    for (const auto& [id, n] : segment_categories_) {
      std::string_view name = segment_->category_name(id);
      if (IsArxivCategory(name)) categories_[std::string(name)] += n;
    }
  }
  segment_categories_.clear();
  segment_ = nullptr;
}

Facets FacetCounter::Take() {
  Flush();
  Facets facets;
  for (const auto& [name, n] : categories_) facets.categories.push_back({name, n});
  std::stable_sort(facets.categories.begin(), facets.categories.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  for (auto it = years_.rbegin(); it != years_.rend(); ++it) {
    facets.years.push_back({std::to_string(it->first), it->second});
  }
  return facets;
}

}  // namespace paperdeck::search
