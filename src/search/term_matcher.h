// TermMatcher: the documents where one analysed term occurs in one of a set of fields
// (`attention` in title, abstract or authors; `title:attention` in the title only). Over a
// segment's posting list (TermMatcher), or over the postings of a form equal to its stem
// (StemFormMatcher: index/stem_form_cursor.h).
#pragma once

#include <memory>

#include "index/segment_reader.h"
#include "index/stem_form_cursor.h"
#include "search/bm25f.h"
#include "search/matcher.h"

namespace paperdeck::search {

// What a term matches in match_fields, for TermMatcher and for counting its matches apart
// (search/match_counter.h): true when some posting of the list has the term only in fields
// outside match_fields, so each posting must be checked...
template <class Cursor>
bool NeedsFieldCheck(const Cursor& cursor, index::FieldMask match_fields) {
  for (int f = 0; f < index::kNumFields; ++f) {
    if (!(match_fields & (1u << f)) && cursor.list_impact().max_tf[f] > 0) return true;
  }
  return false;
}
// ...and whether the cursor's current posting has the term in one of match_fields.
template <class Cursor>
bool InFields(const Cursor& cursor, index::FieldMask match_fields) {
  for (int f = 0; f < index::kNumFields; ++f) {
    if ((match_fields & (1u << f)) && cursor.tf(static_cast<index::Field>(f)) > 0) return true;
  }
  return false;
}

// Cursor: a final index::PostingCursor, so that its calls inline.
template <class Cursor>
class BasicTermMatcher final : public Matcher {
 public:
  // Matches postings of cursor with a tf above zero in a field of match_fields, and scores them
  // over bm25f.Scored(match_fields). REQUIRES: cursor != nullptr; segment and bm25f outlive this.
  BasicTermMatcher(std::unique_ptr<Cursor> cursor, index::FieldMask match_fields,
              float idf, const Bm25f& bm25f, const index::SegmentReader& segment);

  uint32_t doc() const override { return doc_; }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override;
  // term_tfs holds the term's occurrences in the scored fields.
  float Explain(ScoreExplanation* out) override;
  ScoreBound BlockBound() override;
  float DocBound() override;
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return cursor_->size(); }
  // Passes over whole blocks whose bound is below min_score, reading only the block index.
  void SetMinCompetitiveScore(float min_score) override;

 private:
  // Moves forward to a posting with the term in a field of match_fields_, in a block that may
  // compete.
  void SkipToMatch();
  // The current document's term frequencies and field lengths, as Score reads them.
  void ReadCounts(FieldCounts* tf, FieldCounts* length) const;
  // The bound of the block the cursor's block pointer is on.
  float CurrentBlockBound();

  std::unique_ptr<Cursor> cursor_;
  uint32_t doc_ = kEndDoc;  // cursor_->doc(), kept here: read far more often than it moves
  index::FieldMask match_fields_;
  index::FieldMask scored_fields_;
  bool check_fields_ = false;  // some postings have the term only outside match_fields_
  float idf_;
  const Bm25f& bm25f_;
  const index::SegmentReader& segment_;
  Bm25f::NtfScale ntf_scale_;
  float max_score_;
  // The bound of the block last asked about, keyed by its last doc.
  uint32_t bound_block_ = kEndDoc;
  float block_bound_ = 0;
  // DocBound's factors for the block of the cursor's block pointer, keyed by its last doc.
  uint32_t factors_block_ = kEndDoc;
  Bm25f::BlockFactors factors_;
  float min_score_ = 0;
  // Postings up to here are in a block known to compete with min_score_.
  uint32_t competitive_through_ = 0;
  bool competitive_known_ = false;
};

using TermMatcher = BasicTermMatcher<index::SegmentPostingCursor>;
using StemFormMatcher = BasicTermMatcher<index::StemFormCursor>;

extern template class BasicTermMatcher<index::SegmentPostingCursor>;
extern template class BasicTermMatcher<index::StemFormCursor>;

}  // namespace paperdeck::search
