#include "search/term_set_matcher.h"

#include <algorithm>
#include <utility>

#include "search/term_matcher.h"

namespace paperdeck::search {
namespace {

// Adds what one cursor's impact allows to the set's: its tfs on top, its lengths at the least.
void AddImpact(const index::Impact& one, index::Impact* sum, bool first) {
  for (int f = 0; f < index::kNumFields; ++f) {
    sum->max_tf[f] += one.max_tf[f];
    sum->max_ntf[f] += one.max_ntf[f];
    sum->min_field_length[f] =
        first ? one.min_field_length[f] : std::min(sum->min_field_length[f], one.min_field_length[f]);
  }
}

}  // namespace

TermSetMatcher::TermSetMatcher(std::vector<std::unique_ptr<index::SegmentPostingCursor>> cursors,
                               index::FieldMask match_fields, float idf, const Bm25f& bm25f,
                               const index::SegmentReader& segment)
    : cursors_(std::move(cursors)),
      match_fields_(match_fields),
      scored_fields_(bm25f.Scored(match_fields)),
      idf_(idf),
      bm25f_(bm25f),
      segment_(segment),
      ntf_scale_(bm25f.ScaleFor(segment)) {
  index::Impact sum;
  for (size_t i = 0; i < cursors_.size(); ++i) {
    check_fields_.push_back(NeedsFieldCheck(*cursors_[i], match_fields_));
    AddImpact(cursors_[i]->list_impact(), &sum, i == 0);
    cost_ += cursors_[i]->size();
  }
  max_score_ = bm25f_.Bound(idf_, scored_fields_, sum, ntf_scale_);
  Settle();
}

void TermSetMatcher::Settle() {
  for (;;) {
    uint32_t least = kEndDoc;
    for (const auto& c : cursors_) least = std::min(least, c->doc());
    doc_ = least;
    if (least == kEndDoc) return;
    bool in_fields = false;
    for (size_t i = 0; i < cursors_.size() && !in_fields; ++i) {
      const auto& c = *cursors_[i];
      in_fields = c.doc() == least && (!check_fields_[i] || InFields(c, match_fields_));
    }
    if (in_fields) return;
    for (const auto& c : cursors_) {
      if (c->doc() == least) c->Next();
    }
  }
}

void TermSetMatcher::Next() {
  for (const auto& c : cursors_) {
    if (c->doc() == doc_) c->Next();
  }
  Settle();
}

void TermSetMatcher::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  for (const auto& c : cursors_) c->NextGeq(target);
  Settle();
}

template <typename OnCursor>
void TermSetMatcher::ReadCounts(FieldCounts* tf, FieldCounts* length, OnCursor&& on_cursor) const {
  FieldCounts one;
  tf->fill(0);
  for (size_t i = 0; i < cursors_.size(); ++i) {
    const auto& c = cursors_[i];
    if (c->doc() != doc_) continue;
    c->tfs(one.data());
    on_cursor(i, one);
    for (int f = 0; f < index::kNumFields; ++f) (*tf)[f] += one[f];
  }
  segment_.field_lengths(doc_, length->data());
}

float TermSetMatcher::Score() {
  FieldCounts tf, length;
  ReadCounts(&tf, &length, [](size_t, const FieldCounts&) {});
  return bm25f_.Score(idf_, scored_fields_, tf, length);
}

float TermSetMatcher::Explain(ScoreExplanation* out) {
  FieldCounts tf, length;
  std::vector<uint32_t> per_cursor(cursors_.size(), 0);
  ReadCounts(&tf, &length, [&](size_t i, const FieldCounts& one) {
    for (int f = 0; f < index::kNumFields; ++f) {
      if (scored_fields_ & (1u << f)) per_cursor[i] += one[f];
    }
  });
  TermExplanation& term = out->terms.emplace_back();
  const float score = bm25f_.Explain(idf_, scored_fields_, tf, length, &term);
  term.term_tfs = std::move(per_cursor);
  return score;
}

ScoreBound TermSetMatcher::BlockBound() {
  // Every cursor's current block covers doc_ onward (a cursor past doc_ has no match before its
  // own doc); the run ends where the first of those blocks ends.
  index::Impact sum;
  uint32_t last = kEndDoc;
  bool first = true;
  for (const auto& c : cursors_) {
    if (c->doc() == kEndDoc) continue;
    c->ShallowAdvance(doc_);
    AddImpact(c->block_impact(), &sum, first);
    first = false;
    last = std::min(last, c->block_last_doc());
  }
  return {bm25f_.Bound(idf_, scored_fields_, sum, ntf_scale_), last};
}

}  // namespace paperdeck::search
