// FacetCounter: the category and year counts a results page shows beside the cards, counted
// disjunctively, as faceted search counts them: each facet over the matches of the query and of
// every other facet's filter, never of its own. A category's count is then exactly the total that
// choosing it alone gives, and choosing a second category (OR within a facet) adds to the list
// rather than narrowing it to nothing.
//
// FacetFilter is the request's facet filters tested per document: categories as `cat:` reads
// them (a category exactly, case aside, or a whole archive: "cs" for "cs.CL"), and years in one of
// the request's ranges. The searcher walks the query's matches without the facet filters once,
// asks the filter about each, adds the document to the page when it passes both, to the category
// counts when it passes the year filter, and to the year counts when it passes the category
// filter.
//
// The category facet offers arXiv's categories only (model/arxiv_taxonomy.h): MSC and ACM classes
// and archive-wide names stay searchable with `cat:` but are not counted.
//
// Threading: one per search; not shared.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/segment_reader.h"
#include "search/searcher.h"

namespace paperdeck::search {

class FacetFilter {
 public:
  FacetFilter(const std::vector<std::string>& categories, const std::vector<YearRange>& years);

  bool has_categories() const { return !categories_.empty(); }
  bool has_years() const { return !years_.empty(); }

  // REQUIRES: segment outlives the calls that follow, up to the next StartSegment.
  void StartSegment(const index::SegmentReader* segment);
  // True when doc of the current segment is in one of the categories (or none were asked for).
  bool InCategories(uint32_t doc);
  // True when doc's year is in one of the ranges (or none were asked for).
  bool InYears(uint32_t doc) const;

 private:
  std::vector<std::string> categories_;  // lowercased, as the index's category terms are
  std::vector<YearRange> years_;
  static constexpr int8_t kUnknown = -1;
  bool Passes(uint16_t id);

  const index::SegmentReader* segment_ = nullptr;
  // By the current segment's category id: 1 when it passes the filter, 0 when not, kUnknown
  // until a match carries it.
  std::vector<int8_t> category_passes_;
};

class FacetCounter {
 public:
  // REQUIRES: segment outlives the calls that follow, up to the next StartSegment or Take.
  void StartSegment(const index::SegmentReader* segment);
  // Counts doc's categories when in_years (it passes the year filter), its year when
  // in_categories.
  void Count(uint32_t doc, bool in_categories, bool in_years) {
    if (in_years) {
      for (uint16_t id : segment_->category_ids(doc)) ++segment_categories_[id];
    }
    if (in_categories) {
      if (int32_t year = segment_->year(doc); year != 0) ++years_[year];
    }
  }
  // The counts: arXiv's categories by count (ties by name), years newest first.
  Facets Take();

 private:
  void Flush();

  const index::SegmentReader* segment_ = nullptr;
  std::unordered_map<uint16_t, uint64_t> segment_categories_;
  std::map<std::string, uint64_t> categories_;  // by name, so ties sort by name
  std::map<int32_t, uint64_t> years_;
};

}  // namespace paperdeck::search
