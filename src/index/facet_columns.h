// FacetColumns: a segment's categories and years as one dense column in memory, made for counting
// the results page's facets over many matches (search/facet_counter.h). Papers share few distinct
// sets of categories ("cs.LG stat.ML" is one) and few years, and fewer still pairs of the two: each
// document is kept as the id of its pair. Counting a query's matches then reads one small value
// per match, in doc order, into a count per pair, and adds each pair's count to its categories
// and year once at the end, where the segment's own columns would give each match a
// variable-length list and a year, read at random.
//
// Beside it, each year's documents in a list (a year filter then walks a year's documents rather
// than the whole year column: search/column_range_matcher.h).
//
// Built from the segment's category and year columns the first time a search counts facets or
// filters by year over the segment (one pass, 50 to 100 ms a million documents), then kept with
// it: the segment file is shared by every snapshot naming it. Not on disk: derived, eight bytes a
// document.
//
// Threading: immutable once built; LazyFacetColumns builds once, from whichever thread asks first.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

namespace paperdeck::index {

class SegmentFile;

class FacetColumns {
 public:
  // A set of categories (an index into category sets) and a year slot: 0 when the year is
  // unknown, else 1 + the year's index in years().
  struct Pair {
    uint32_t category_set;
    uint32_t year_slot;
  };

  explicit FacetColumns(const SegmentFile& file);

  // The id of doc's pair: pairs are numbered most documents first. REQUIRES: doc < the
  // segment's doc count.
  uint32_t pair_of(uint32_t doc) const { return pair_of_doc_[doc]; }
  // Starts bringing pair_of(doc) into the cache, for a walk of scattered documents.
  void Prefetch(uint32_t doc) const { __builtin_prefetch(pair_of_doc_.data() + doc); }
  std::span<const Pair> pairs() const { return pairs_; }
  uint32_t category_set_count() const { return static_cast<uint32_t>(set_starts_.size() - 1); }
  // The category ids (SegmentFile::category_name) of a set; set 0 is the empty set.
  std::span<const uint16_t> categories_of_set(uint32_t set) const {
    return {set_ids_.data() + set_starts_[set], set_starts_[set + 1] - set_starts_[set]};
  }
  // The segment's known years, ascending.
  std::span<const int32_t> years() const { return years_; }
  // The documents of years()[i], ascending (how a year filter finds a year's few documents).
  std::span<const uint32_t> docs_of_year(size_t i) const {
    return {year_docs_.data() + year_starts_[i], year_starts_[i + 1] - year_starts_[i]};
  }
  size_t size_bytes() const;

 private:
  std::vector<uint32_t> pair_of_doc_;
  std::vector<Pair> pairs_;
  std::vector<uint32_t> set_starts_;  // set s: set_ids_[set_starts_[s] .. set_starts_[s + 1])
  std::vector<uint16_t> set_ids_;
  std::vector<int32_t> years_;
  std::vector<uint32_t> year_starts_;  // years_[i]: year_docs_[year_starts_[i] .. year_starts_[i + 1])
  std::vector<uint32_t> year_docs_;
};

class LazyFacetColumns {
 public:
  const FacetColumns& Get(const SegmentFile& file) const {
    std::call_once(once_, [&] { built_ = std::make_unique<const FacetColumns>(file); });
    return *built_;
  }

 private:
  mutable std::once_flag once_;
  mutable std::unique_ptr<const FacetColumns> built_;
};

}  // namespace paperdeck::index
