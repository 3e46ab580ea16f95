// MatchCounter: counts a query's live matches in one segment without scoring them, for the
// queries where that is much cheaper than walking a matcher: one term, a category, or a
// disjunction of those, and a conjunction of such parts where frequent words have bitmaps. A
// term whose postings all match and a segment without deletions give the count from the
// document frequency alone; where the segment keeps bitmaps of the words, the count is their
// union's or intersection's (search/bitmap_count.h); otherwise the lists mark a bitmap of the
// segment's documents, and the count is its live bits.
//
// Counting apart from ranking is what lets a ranked search skip documents that cannot reach
// its page (Matcher::SetMinCompetitiveScore) and still answer with the exact total.
//
// Threading: free function; the segment must outlive the call.
#pragma once

#include <cstdint>
#include <optional>

#include "index/segment_reader.h"
#include "search/query_planner.h"

namespace paperdeck::search {

// The number of live documents of segment that node matches (as search/matcher_builder.h's
// matcher for node would), or nullopt when node is not of a kind counted this way.
std::optional<uint64_t> CountLiveMatches(const PlanNode& node, const index::SegmentReader& segment);

}  // namespace paperdeck::search
