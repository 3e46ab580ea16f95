// Matcher: walks the documents of one segment that match a piece of a query, in increasing doc
// id order, and scores the current one. Matchers compose (and_matcher.h, or_matcher.h, ...) the
// way the query's tree does; the leaves read postings cursors or columns.
//
// A new matcher is on its first match. Deleted documents are not skipped here (the searcher
// does it), so a matcher's walk depends on the segment's postings alone.
//
// Scores: Score() is the BM25F score of the current document; BlockBound() bounds the score of
// every match in a run of documents, from the block impacts of the postings blocks under the
// cursors, so a searcher can skip scoring a whole run at the cost of one call; MaxScore() bounds
// the whole segment. Filters score 0. SetMinCompetitiveScore lets a ranked search skip what
// cannot enter its page (dynamic pruning: block-max skipping in term_matcher.h, MaxScore in
// or_matcher.h).
//
// Threading: a matcher is used by one thread; the segment it reads must outlive it.
#pragma once

#include <cstdint>
#include <limits>

#include "index/posting_cursor.h"
#include "search/score_explanation.h"

namespace paperdeck::search {

using index::kEndDoc;

// An upper bound of Score() for every match from doc() to last_doc, inclusive.
struct ScoreBound {
  float score = 0;
  uint32_t last_doc = kEndDoc;
};

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
  // Score() through the same code, each scored leaf appending its TermExplanation to out (numbers
  // only: search/explained_matcher.h names them). Returns the very float Score() returns. Filters,
  // which score 0, append nothing. REQUIRES: doc() != kEndDoc.
  virtual float Explain(ScoreExplanation* /*out*/) { return Score(); }
  // A bound of Score() over the matches from doc() to the end of the blocks the cursors are in.
  // A child positioned past doc() has no match before its own doc(), so its block bound holds
  // from doc() too. REQUIRES: doc() != kEndDoc.
  virtual ScoreBound BlockBound() = 0;
  // A bound of Score() for the current document alone, cheaper than Score(): from what the
  // cursors hold already (the document's term frequencies, the block's shortest lengths), without
  // reading columns. A search skips scoring a document whose bound cannot reach its page.
  // Infinity when a matcher has nothing cheaper than Score(). It leaves doc() where it is, though
  // a disjunction brings children that trail behind to it, as Score() would.
  // REQUIRES: doc() != kEndDoc.
  virtual float DocBound() { return std::numeric_limits<float>::infinity(); }
  // An upper bound of Score() for every document of the segment.
  virtual float MaxScore() const = 0;

  // About how many documents this matcher may visit: conjunctions lead with the cheapest.
  virtual uint64_t cost() const = 0;

  // Says that only documents scoring min_score or more are still wanted (a ranked search whose
  // page is full, and which counts its matches another way): from now on Next and NextGeq may
  // pass over matches scoring below it, never over one scoring at least it; doc() stays a match.
  // It does not move the matcher: doc() is unchanged until the next Next or NextGeq. Called
  // with rising values. A matcher that cannot use it ignores it.
  virtual void SetMinCompetitiveScore(float /*min_score*/) {}
};

}  // namespace paperdeck::search
