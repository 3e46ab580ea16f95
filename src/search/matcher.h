// Matcher: walks the documents of one segment that match a piece of a query, in increasing doc
// id order, and scores the current one. Matchers compose (and_matcher.h, or_matcher.h, ...) the
// way the query's tree does; the leaves read postings cursors or columns.
//
// A new matcher is on its first match. Deleted documents are not skipped here (the searcher
// does it), so a matcher's walk depends on the segment's postings alone.
//
// Scores: Score() is the BM25F score of the current document; UpperBound() a cheap bound of it
// from block impacts (never below Score()); MaxScore() a bound over the whole segment. Filters
// score 0.
//
// Threading: a matcher is used by one thread; the segment it reads must outlive it.
#pragma once

#include <cstdint>

#include "index/posting_cursor.h"

namespace paperdeck::search {

using index::kEndDoc;

class Matcher {
 public:
  virtual ~Matcher() = default;

  // The current match, or kEndDoc once exhausted.
  virtual uint32_t doc() const = 0;
  // Moves to the next match. REQUIRES: doc() != kEndDoc.
  virtual void Next() = 0;
  // Moves to the first match >= target; stays if doc() >= target already.
  virtual void NextGeq(uint32_t target) = 0;

  // REQUIRES: doc() != kEndDoc.
  virtual float Score() = 0;
  // An upper bound of Score() for the current document, from the blocks it lies in.
  // REQUIRES: doc() != kEndDoc.
  virtual float UpperBound() = 0;
  // An upper bound of Score() for every document of the segment.
  virtual float MaxScore() const = 0;

  // About how many documents this matcher may visit: conjunctions lead with the cheapest.
  virtual uint64_t cost() const = 0;
};

}  // namespace paperdeck::search
