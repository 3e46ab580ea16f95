// BitmapCount: a query's live matches in one segment counted (or gathered) from its terms' bitmaps
// (index/term_bitmaps.h): an OR of words is the cardinality of their bitmaps' union, an AND the
// cardinality of the intersection of its parts, less the deleted documents (an AND NOT
// cardinality with the segment's deletions). In an OR, a word without a bitmap there (a list
// below the threshold, a form, a word asked of other fields than a bare word's) adds its
// documents walked from its postings, so one frequent word is enough for the path; an AND is
// counted so only when every word of it has its bitmap.
//
// Threading: free function; the segment must outlive the call.
#pragma once

#include <cstdint>
#include <optional>

#include "index/owned_bitmap.h"
#include "index/segment_reader.h"
#include "search/query_planner.h"

namespace paperdeck::search {

// The number of live documents of segment that node matches (as search/matcher_builder.h's
// matcher for node would), or nullopt when node is not an OR of words and categories, or an AND
// of such parts, or when none of its words has a bitmap in segment (an AND: one word lacks it).
std::optional<uint64_t> CountFromBitmaps(const PlanNode& node, const index::SegmentReader& segment);

// The live documents of segment that node matches, as a bitmap built from the same bitmaps
// (search/facet_counter.h counts facets from it), or every live document for a node of every
// document (a query of filters alone); null where CountFromBitmaps gives nullopt otherwise.
index::OwnedBitmap MatchesFromBitmaps(const PlanNode& node, const index::SegmentReader& segment);

}  // namespace paperdeck::search
