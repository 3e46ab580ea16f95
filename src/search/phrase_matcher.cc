#include "search/phrase_matcher.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <utility>

namespace paperdeck::search {

PhraseMatcher::PhraseMatcher(std::vector<Part> parts, index::FieldMask match_fields, float idf,
                             const Bm25f& bm25f, const index::SegmentReader& segment)
    : parts_(std::move(parts)),
      match_fields_(match_fields),
      scored_fields_(bm25f.Scored(match_fields)),
      idf_(idf),
      bm25f_(bm25f),
      segment_(segment),
      ntf_scale_(bm25f.ScaleFor(segment)),
      positions_(parts_.size()) {
  by_size_.resize(parts_.size());
  std::iota(by_size_.begin(), by_size_.end(), 0);
  std::stable_sort(by_size_.begin(), by_size_.end(), [&](size_t a, size_t b) {
    return parts_[a].cursor->size() < parts_[b].cursor->size();
  });
  cost_ = parts_[by_size_[0]].cursor->size();
  max_score_ = BoundOf(/*whole_list=*/true);
  Settle();
}

bool PhraseMatcher::Align() {
  index::SegmentPostingCursor& lead = *parts_[by_size_[0]].cursor;
  for (;;) {
    uint32_t target = lead.doc();
    if (target == kEndDoc) return false;
    bool aligned = true;
    for (size_t i = 1; i < by_size_.size(); ++i) {
      index::SegmentPostingCursor& c = *parts_[by_size_[i]].cursor;
      c.NextGeq(target);
      if (c.doc() == kEndDoc) return false;
      if (c.doc() != target) {
        lead.NextGeq(c.doc());
        aligned = false;
        break;
      }
    }
    if (aligned) return true;
  }
}

void PhraseMatcher::Settle() {
  while (Align()) {
    if (CountOccurrences()) {
      doc_ = parts_[0].cursor->doc();
      return;
    }
    parts_[by_size_[0]].cursor->Next();
  }
  doc_ = kEndDoc;
}

bool PhraseMatcher::CountOccurrences() {
  bool any = false;
  for (int f = 0; f < index::kNumFields; ++f) {
    frequency_[f] = 0;
    if (!(match_fields_ & (1u << f))) continue;
    auto field = static_cast<index::Field>(f);
    bool all_present = true;
    for (const Part& p : parts_) {
      if (p.cursor->tf(field) == 0) {
        all_present = false;
        break;
      }
    }
    if (!all_present) continue;
    for (size_t i = 0; i < parts_.size(); ++i) parts_[i].cursor->Positions(field, &positions_[i]);
    // Walk the first part's positions; every other part keeps a pointer that only moves forward,
    // since the position it looks for grows with the anchor.
    std::vector<size_t>& at = at_;
    at.assign(parts_.size(), 0);
    uint32_t count = 0;
    for (uint32_t anchor : positions_[0]) {
      bool found = true;
      for (size_t i = 1; i < parts_.size() && found; ++i) {
        uint64_t want = static_cast<uint64_t>(anchor) + parts_[i].offset;
        const std::vector<uint32_t>& pos = positions_[i];
        while (at[i] < pos.size() && pos[at[i]] < want) ++at[i];
        found = at[i] < pos.size() && pos[at[i]] == want;
      }
      if (found) ++count;
    }
    frequency_[f] = count;
    any = any || count > 0;
  }
  return any;
}

void PhraseMatcher::Next() {
  parts_[by_size_[0]].cursor->Next();
  Settle();
}

void PhraseMatcher::NextGeq(uint32_t target) {
  if (doc_ >= target) return;
  parts_[by_size_[0]].cursor->NextGeq(target);
  Settle();
}

FieldCounts PhraseMatcher::Lengths() const {
  FieldCounts length{};
  for (int f = 0; f < index::kNumFields; ++f) {
    if ((scored_fields_ & (1u << f)) && frequency_[f] > 0) {
      length[f] = segment_.field_length(doc_, static_cast<index::Field>(f));
    }
  }
  return length;
}

float PhraseMatcher::Score() {
  return bm25f_.Score(idf_, scored_fields_, frequency_, Lengths());
}

float PhraseMatcher::Explain(ScoreExplanation* out) {
  return bm25f_.Explain(idf_, scored_fields_, frequency_, Lengths(), &out->terms.emplace_back());
}

ScoreBound PhraseMatcher::BlockBound() {
  ScoreBound out;
  out.score = BoundOf(/*whole_list=*/false);
  for (const Part& p : parts_) out.last_doc = std::min(out.last_doc, p.cursor->block_last_doc());
  return out;
}

float PhraseMatcher::BoundOf(bool whole_list) const {
  // The phrase occurs in a field at most as often as its rarest part does there, and only in
  // documents at least as long as every part's shortest; its normalised tf is at most each
  // part's in the same document.
  index::Impact bound;
  bound.max_tf.fill(UINT32_MAX);
  bound.min_field_length.fill(0);
  bound.max_ntf.fill(std::numeric_limits<float>::infinity());
  for (const Part& p : parts_) {
    const index::Impact& impact = whole_list ? p.cursor->list_impact() : p.cursor->block_impact();
    for (int f = 0; f < index::kNumFields; ++f) {
      bound.max_tf[f] = std::min(bound.max_tf[f], impact.max_tf[f]);
      bound.min_field_length[f] = std::max(bound.min_field_length[f], impact.min_field_length[f]);
      bound.max_ntf[f] = std::min(bound.max_ntf[f], impact.max_ntf[f]);
    }
  }
  return bm25f_.Bound(idf_, scored_fields_, bound, ntf_scale_);
}

}  // namespace paperdeck::search

