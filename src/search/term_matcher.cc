#include "search/term_matcher.h"

#include <utility>

namespace paperdeck::search {

TermMatcher::TermMatcher(std::unique_ptr<index::PostingCursor> cursor, index::FieldMask match_fields,
                         float idf, const Bm25f& bm25f, const index::SegmentReader& segment)
    : cursor_(std::move(cursor)),
      match_fields_(match_fields),
      scored_fields_(bm25f.Scored(match_fields)),
      idf_(idf),
      bm25f_(bm25f),
      segment_(segment),
      max_score_(bm25f.Bound(idf, scored_fields_, cursor_->list_impact())) {
  // When no posting has the term outside match_fields, every posting matches: no need to look.
  for (int f = 0; f < index::kNumFields; ++f) {
    if (!(match_fields_ & (1u << f)) && cursor_->list_impact().max_tf[f] > 0) check_fields_ = true;
  }
  SkipToMatch();
}

void TermMatcher::SkipToMatch() {
  if (!check_fields_) return;
  while (cursor_->doc() != kEndDoc) {
    for (int f = 0; f < index::kNumFields; ++f) {
      if ((match_fields_ & (1u << f)) && cursor_->tf(static_cast<index::Field>(f)) > 0) return;
    }
    cursor_->Next();
  }
}

void TermMatcher::Next() {
  cursor_->Next();
  SkipToMatch();
}

void TermMatcher::NextGeq(uint32_t target) {
  if (cursor_->doc() >= target) return;
  cursor_->NextGeq(target);
  SkipToMatch();
}

float TermMatcher::Score() {
  uint32_t d = cursor_->doc();
  FieldCounts tf{}, length{};
  for (int f = 0; f < index::kNumFields; ++f) {
    if (!(scored_fields_ & (1u << f))) continue;
    auto field = static_cast<index::Field>(f);
    tf[f] = cursor_->tf(field);
    if (tf[f] > 0) length[f] = segment_.field_length(d, field);
  }
  return bm25f_.Score(idf_, scored_fields_, tf, length);
}

ScoreBound TermMatcher::BlockBound() {
  uint32_t block = cursor_->block_last_doc();
  if (block != bound_block_) {
    bound_block_ = block;
    block_bound_ = bm25f_.Bound(idf_, scored_fields_, cursor_->block_impact());
  }
  return {block_bound_, block};
}

}  // namespace paperdeck::search
