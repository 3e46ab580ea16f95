// FacetCounter: the category and year counts a results page shows beside the cards, counted
// disjunctively, as faceted search counts them: each facet over the matches of the query and of
// every other facet's filter, never of its own. A category's count is then exactly the total that
// choosing it alone gives, and choosing a second category (OR within a facet) adds to the list
// rather than narrowing it to nothing.
//
// Counted segment by segment: the searcher lists the live matches of the query without the facet
// filters (from the terms' bitmaps, search/bitmap_count.h, or as its walk ranks the page, asking
// Passes of each), and one walk of them counts each match's pair of categories and year from the
// segment's facet column (index/facet_columns.h); each pair then counts for its categories within
// the year filter, for its year within the category filter, and its matches are the page's when
// it passes both.
// The filters are the request's: categories as `cat:` reads them (a category exactly, case aside,
// or a whole archive: "cs" for "cs.CL"), and years in one of the request's ranges.
//
// The category facet offers arXiv's categories only (model/arxiv_taxonomy.h): MSC and ACM classes
// and archive-wide names stay searchable with `cat:` but are not counted.
//
// Threading: one per search; not shared.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "index/segment_reader.h"
#include "search/searcher.h"

namespace paperdeck::search {

class FacetCounter {
 public:
  FacetCounter(const std::vector<std::string>& categories, const std::vector<YearRange>& years);

  bool has_filters() const { return !categories_.empty() || !years_.empty(); }
  // Starts counting over segment: the calls below are about its documents. REQUIRES: segment
  // outlives them and Take.
  void StartSegment(const index::SegmentReader& segment);
  // Whether doc passes both filters (a match that does is the page's).
  bool Passes(uint32_t doc) const {
    return pair_passes_.empty() || pair_passes_[columns_->pair_of(doc)];
  }
  // Counts the facets of matches, the live documents of the segment that the query without the
  // facet filters matches (ascending), and returns how many of them pass both filters: the
  // search's total there. passing, when given and there are filters, gets those documents.
  uint64_t Count(std::span<const uint32_t> matches, std::vector<uint32_t>* passing);
  // The counts: arXiv's categories by count (ties by name), years newest first.
  Facets Take();

 private:
  // Whether a category (as indexed) passes the category filter.
  bool CategoryPasses(std::string_view category) const;

  std::vector<std::string> categories_;  // lowercased, as the index's category terms are
  std::vector<YearRange> years_;
  // The current segment, and by its category set, year slot and pair: 1 when it passes the
  // filters (pairs: both; empty without filters).
  const index::SegmentReader* segment_ = nullptr;
  const index::FacetColumns* columns_ = nullptr;
  std::vector<uint8_t> set_passes_;
  std::vector<uint8_t> slot_passes_;
  std::vector<uint8_t> pair_passes_;
  std::map<std::string, uint64_t, std::less<>> category_counts_;  // by name: ties sort by name
  std::map<int32_t, uint64_t> year_counts_;
};

}  // namespace paperdeck::search
