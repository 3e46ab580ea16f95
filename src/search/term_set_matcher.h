// TermSetMatcher: the documents holding any of a set of terms that stand for one word — the
// expansions of a prefix (`atten*`) or of a fuzzy word (`atention~1`) — scored as one term, the
// way Lucene scores a synonym set: per field the term frequencies of the set add up, and the
// sum is scored once with the set's one idf. A paper holding `attend` and `attention` scores as
// if one word occurred that often, never as two words, so an expansion does not outrank a paper
// matching the exact word of another query term.
//
// Bounds add up likewise: a block's bound is BM25F's bound over the sum of the cursors' block
// impacts (tfs and normalised tfs summed, shortest lengths the least), which no document of the
// run can beat.
#pragma once

#include <memory>
#include <vector>

#include "index/segment_reader.h"
#include "search/bm25f.h"
#include "search/matcher.h"

namespace paperdeck::search {

class TermSetMatcher final : public Matcher {
 public:
  // Matches the documents where some cursor's term occurs in a field of match_fields, scored
  // over bm25f.Scored(match_fields). REQUIRES: cursors not empty, none null; segment and bm25f
  // outlive this.
  TermSetMatcher(std::vector<std::unique_ptr<index::SegmentPostingCursor>> cursors,
                 index::FieldMask match_fields, float idf, const Bm25f& bm25f,
                 const index::SegmentReader& segment);

  uint32_t doc() const override { return doc_; }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override;
  // term_tfs holds each cursor's occurrences in the scored fields, in the cursors' order (0 for
  // a term this document lacks).
  float Explain(ScoreExplanation* out) override;
  ScoreBound BlockBound() override;
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return cost_; }

 private:
  // Sets doc_ to the least cursor doc at or past the cursors' positions where some term is in
  // match_fields_, moving past postings that hold their term only elsewhere.
  void Settle();
  // The set's term frequencies summed over the cursors on doc_, and doc_'s field lengths;
  // on_cursor(i, tfs) is told each cursor's.
  template <typename OnCursor>
  void ReadCounts(FieldCounts* tf, FieldCounts* length, OnCursor&& on_cursor) const;

  std::vector<std::unique_ptr<index::SegmentPostingCursor>> cursors_;
  std::vector<bool> check_fields_;  // per cursor: some postings hold the term outside the fields
  uint32_t doc_ = kEndDoc;
  index::FieldMask match_fields_;
  index::FieldMask scored_fields_;
  float idf_;
  const Bm25f& bm25f_;
  const index::SegmentReader& segment_;
  Bm25f::NtfScale ntf_scale_;
  float max_score_ = 0;
  uint64_t cost_ = 0;
};

}  // namespace paperdeck::search
