// TopKCollector: keeps the best k hits seen so far under one sort order, in a bounded heap, so a
// search over any number of matches holds k entries.
//
// The order is total, so pages never overlap or skip:
//   kRelevance  higher score, then newer date, then smaller paper_key
//   kNewest     newer date (unknown last), then the relevance order
//   kCitations  more citations (unknown last), then the relevance order
//   kUpvotes    more upvotes (unknown last), then the relevance order
//   kAdded      first stored in the corpus later (a larger paper key), then the relevance order
//   kLibrary    added to the library later (papers outside it, 0, last), then the relevance order
// Unknown values are the columns' sentinels (kNoDate, -1), which sort last in descending order.
//
// Competes() lets the caller skip work (scoring) for a hit that cannot enter: it is exact about
// what it rules out, so skipping never changes the result.
//
// Threading: one collector per search, one thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "index/segment_reader.h"

#include "search/searcher.h"

namespace paperdeck::search {

struct CollectedHit {
  int64_t sort_key = 0;  // the column sorted on (kNewest: date; kCitations; kUpvotes; kAdded: paper key; kLibrary: rank); unused for kRelevance
  float score = 0;
  // Where the hit was found: its segment's place in the snapshot and its doc there.
  uint32_t segment = 0;
  uint32_t doc = 0;
  // The tie-breakers, read from the segment's columns only when two hits tie before them (the
  // key alone when the caller needs it: PaperKeyOf): most hits never tie, and a column read is a
  // page fault when the index is not in memory.
  mutable bool known = false;
  mutable int32_t date = 0;
  mutable uint64_t paper_key = 0;
};

using SegmentList = std::vector<std::shared_ptr<const index::SegmentReader>>;

// hit's paper key: known, or read from its segment (its date, which only breaks ties, is not).
// REQUIRES: hit.segment names one of segments (those it was collected from).
uint64_t PaperKeyOf(const SegmentList& segments, const CollectedHit& hit);

class TopKCollector {
 public:
  // segments: those the hits are collected from (their tie-breakers are read there).
  TopKCollector(SortOrder order, size_t k, const SegmentList& segments);

  size_t k() const { return k_; }
  bool full() const { return heap_.size() >= k_; }

  // False when a hit whose sort key is sort_key and whose score is at most score_bound cannot
  // enter (ties on everything known so far still compete). Ignored for kRelevance: sort_key.
  bool Competes(int64_t sort_key, float score_bound) const;

  // kRelevance: the least score a hit needs to compete once full (the worst kept score: a tie
  // may still win on date or key). REQUIRES: full().
  float min_competitive_score() const { return heap_.front().score; }

  // Keeps hit if it is among the best k.
  void Add(const CollectedHit& hit);

  // The kept hits, best first (a hit's tie-breakers may be unknown: PaperKeyOf). Leaves the
  // collector empty.
  std::vector<CollectedHit> TakeSorted();

 private:
  // True if a ranks before b.
  bool Before(const CollectedHit& a, const CollectedHit& b) const;

  SortOrder order_;
  size_t k_;
  const SegmentList* segments_;
  std::vector<CollectedHit> heap_;  // a heap whose top is the worst kept hit
};

}  // namespace paperdeck::search
