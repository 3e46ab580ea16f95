// BuildMatcher: the Matcher that walks one segment's matches of a QueryPlan node. Terms missing
// from the segment make the parts that need them vanish: nullptr means "matches nothing here".
#pragma once

#include <memory>

#include "index/segment_reader.h"
#include "search/bm25f.h"
#include "search/matcher.h"
#include "search/query_planner.h"

namespace paperdeck::search {

// explain: each scored leaf is wrapped in an ExplainedMatcher (search/explained_matcher.h), so
// that Matcher::Explain names what it scored; the matchers walk and score as without it.
// REQUIRES: segment and bm25f outlive the matcher; with explain, node too.
std::unique_ptr<Matcher> BuildMatcher(const PlanNode& node, const index::SegmentReader& segment,
                                      const Bm25f& bm25f, bool explain = false);

}  // namespace paperdeck::search
