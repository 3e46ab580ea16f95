#include "search/term_matcher.h"

#include <utility>

namespace paperdeck::search {

template <class Cursor>
BasicTermMatcher<Cursor>::BasicTermMatcher(std::unique_ptr<Cursor> cursor, index::FieldMask match_fields,
                         float idf, const Bm25f& bm25f, const index::SegmentReader& segment)
    : cursor_(std::move(cursor)),
      match_fields_(match_fields),
      scored_fields_(bm25f.Scored(match_fields)),
      idf_(idf),
      bm25f_(bm25f),
      segment_(segment),
      ntf_scale_(bm25f.ScaleFor(segment)),
      max_score_(bm25f.Bound(idf, scored_fields_, cursor_->list_impact(), ntf_scale_)) {
  // When no posting has the term outside match_fields, every posting matches: no need to look.
  check_fields_ = NeedsFieldCheck(*cursor_, match_fields_);
  SkipToMatch();
}

template <class Cursor>
void BasicTermMatcher<Cursor>::SetMinCompetitiveScore(float min_score) {
  if (min_score <= min_score_) return;
  min_score_ = min_score;
  competitive_known_ = false;  // the next move checks blocks again
}

template <class Cursor>
float BasicTermMatcher<Cursor>::CurrentBlockBound() {
  uint32_t block = cursor_->block_last_doc();
  if (block != bound_block_) {
    bound_block_ = block;
    block_bound_ = bm25f_.Bound(idf_, scored_fields_, cursor_->block_impact(), ntf_scale_);
  }
  return block_bound_;
}

template <class Cursor>
void BasicTermMatcher<Cursor>::SkipToMatch() {
  for (;;) {
    const uint32_t d = doc_ = cursor_->doc();
    if (d == kEndDoc) return;
    if (min_score_ > 0 && (!competitive_known_ || d > competitive_through_)) {
      // Walk the block index from d to the first block that may compete; only that one decodes.
      uint32_t target = d;
      for (;;) {
        cursor_->ShallowAdvance(target);
        const uint32_t last = cursor_->block_last_doc();
        if (last == kEndDoc) {
          cursor_->NextGeq(kEndDoc);
          doc_ = kEndDoc;
          return;
        }
        if (CurrentBlockBound() >= min_score_) {
          competitive_through_ = last;
          competitive_known_ = true;
          break;
        }
        target = last + 1;
      }
      if (target != d) {
        cursor_->NextGeq(target);
        continue;
      }
    }
    if (!check_fields_ || InFields(*cursor_, match_fields_)) return;
    cursor_->Next();
  }
}

template <class Cursor>
void BasicTermMatcher<Cursor>::Next() {
  cursor_->Next();
  SkipToMatch();
}

template <class Cursor>
void BasicTermMatcher<Cursor>::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  cursor_->NextGeq(target);
  SkipToMatch();
}

template <class Cursor>
void BasicTermMatcher<Cursor>::ReadCounts(FieldCounts* tf, FieldCounts* length) const {
  cursor_->tfs(tf->data());
  segment_.field_lengths(doc_, length->data());
}

template <class Cursor>
float BasicTermMatcher<Cursor>::Score() {
  FieldCounts tf, length;
  ReadCounts(&tf, &length);
  return bm25f_.Score(idf_, scored_fields_, tf, length);
}

template <class Cursor>
float BasicTermMatcher<Cursor>::Explain(ScoreExplanation* out) {
  FieldCounts tf, length;
  ReadCounts(&tf, &length);
  TermExplanation& term = out->terms.emplace_back();
  const float score = bm25f_.Explain(idf_, scored_fields_, tf, length, &term);
  uint32_t in_fields = 0;
  for (const FieldExplanation& f : term.fields) in_fields += f.tf;
  term.term_tfs.push_back(in_fields);
  return score;
}

template <class Cursor>
float BasicTermMatcher<Cursor>::DocBound() {
  // This document's tfs over the shortest lengths of its block (and the block's normalised
  // maxima): a bound of its score that reads no column. The block's factors are worked out once.
  const uint32_t block = cursor_->block_last_doc();
  if (block != factors_block_) {
    factors_block_ = block;
    factors_ = bm25f_.FactorsFor(scored_fields_, cursor_->block_impact(), ntf_scale_);
  }
  FieldCounts tf;
  cursor_->tfs(tf.data());
  return bm25f_.DocBound(idf_, factors_, tf);
}

template <class Cursor>
ScoreBound BasicTermMatcher<Cursor>::BlockBound() {
  float bound = CurrentBlockBound();
  return {bound, bound_block_};
}

template class BasicTermMatcher<index::SegmentPostingCursor>;
template class BasicTermMatcher<index::StemFormCursor>;

}  // namespace paperdeck::search
