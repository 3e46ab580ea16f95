// BuildMatcher: the Matcher that walks one segment's matches of a QueryPlan node. Terms missing
// from the segment make the parts that need them vanish: nullptr means "matches nothing here".
#pragma once

#include <memory>

#include "index/segment_reader.h"
#include "search/bm25f.h"
#include "search/matcher.h"
#include "search/query_planner.h"

namespace paperdeck::search {

// The BM25F a node is scored with: `alone` for a word, set or phrase whose scored fields are one
// field (SearcherOptions::field_alone), `any` for the rest.
struct Scorers {
  const Bm25f& any;
  const Bm25f& alone;

  const Bm25f& For(index::FieldMask fields) const {
    const index::FieldMask scored = any.Scored(fields);
    return scored != 0 && (scored & (scored - 1)) == 0 ? alone : any;
  }
};

// explain: each scored leaf is wrapped in an ExplainedMatcher (search/explained_matcher.h), so
// that Matcher::Explain names what it scored; the matchers walk and score as without it.
// REQUIRES: segment and the scorers outlive the matcher; with explain, node too.
std::unique_ptr<Matcher> BuildMatcher(const PlanNode& node, const index::SegmentReader& segment,
                                      const Scorers& scorers, bool explain = false);

}  // namespace paperdeck::search
