// Bm25f: the relevance score, BM25F with per-field length normalisation and one saturation.
//
// For a term t and a document d, over the fields F the term is scored in:
//   tf~   = sum over f in F of  w_f * tf_f / (1 - b_f + b_f * len_f / avglen_f)
//   score = idf(t) * tf~ * (k1 + 1) / (k1 + tf~)
//   idf   = ln(1 + (N - df + 0.5) / (df + 0.5))   N live documents, df documents with t
// A query's score is the sum of its terms' scores (a phrase counts as one term whose idf is the
// sum of its words' idfs and whose tf_f is the number of times it occurs in f).
//
// Bound() computes the same formula from an index::Impact, field by field the smaller of two
// bounds: the largest tf over the shortest length's normalisation (every step of Score is
// monotone in tf and antitone in length), and the largest stored normalised tf rescaled to this
// search's average lengths (index/length_norm.h; NtfScale gives the factors per segment), which
// is much tighter because it comes from one document. Either way the bound is never below a
// score it covers. Pruning (search/top_k_collector.h) relies on that.
//
// Threading: immutable after construction; share freely.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>

#include "index/field.h"
#include "index/length_norm.h"
#include "index/posting_cursor.h"
#include "index/segment_reader.h"
#include "search/score_explanation.h"

namespace paperdeck::search {

struct Bm25fParams {
  float k1 = 1.2f;
  std::array<float, index::kNumFields> b = {0.75f, 0.75f, 0.75f, 0.75f};
  // title, abstract, authors, venue. A field of weight 0 still matches (`venue:`), unscored.
  std::array<float, index::kNumFields> weight = {3.0f, 1.0f, 1.0f, 0.0f};
};

// Per-field term frequencies or field lengths of one document.
using FieldCounts = std::array<uint32_t, index::kNumFields>;

class Bm25f {
 public:
  Bm25f(const Bm25fParams& params, const std::array<double, index::kNumFields>& average_length);

  static float Idf(uint64_t doc_freq, uint64_t live_doc_count);

  // The fields of mask whose weight is above zero: the ones that add to a score.
  index::FieldMask Scored(index::FieldMask mask) const;

  // REQUIRES: fields == Scored(fields).
  float Score(float idf, index::FieldMask fields, const FieldCounts& tf,
              const FieldCounts& length) const;
  // Score, handing on_field(f, norm, weighted_tf) each field's part as it is added: the one
  // formula both scoring and explaining (search/score_explanation.h) run. Score passes a
  // callback that does nothing, which compiles away.
  template <typename OnField>
  float ScoreParts(float idf, index::FieldMask fields, const FieldCounts& tf,
                   const FieldCounts& length, OnField&& on_field) const;
  // Score through ScoreParts, recording into out its idf, k1, pseudo_tf, score and a
  // FieldExplanation per field that adds to it (each field's share of the score computed from
  // them). Returns what Score returns. REQUIRES: fields == Scored(fields).
  float Explain(float idf, index::FieldMask fields, const FieldCounts& tf,
                const FieldCounts& length, TermExplanation* out) const;
  // Per field, what a stored normalised tf of segment is multiplied by to bound this search's:
  // max(1, avglen / the segment's avglen) with a margin for rounding, or infinity (unusable)
  // where this search's b is not index::kImpactB.
  using NtfScale = std::array<float, index::kNumFields>;
  NtfScale ScaleFor(const index::SegmentReader& segment) const;

  // An upper bound of Score over the postings impact describes, in a segment whose NtfScale is
  // scale.
  float Bound(float idf, index::FieldMask fields, const index::Impact& impact,
              const NtfScale& scale) const;

  // Bound's factors for one block, so that a bound per document of the block (from the
  // document's own tfs, DocBound) costs one multiplication a field and one division: per field,
  // what a tf is multiplied by (the weight over the block's shortest normalisation, raised by a
  // margin for rounding) and the cap the block's largest normalised tf puts on the product. A
  // field not scored, or without the term in the block, has both 0.
  struct BlockFactors {
    std::array<float, index::kNumFields> per_tf{};
    std::array<float, index::kNumFields> cap{};
  };
  BlockFactors FactorsFor(index::FieldMask fields, const index::Impact& block,
                          const NtfScale& scale) const;
  // An upper bound of Score for a document of the block with these tfs: Bound with the block's
  // largest tfs replaced by the document's.
  float DocBound(float idf, const BlockFactors& block, const FieldCounts& tf) const;

  const Bm25fParams& params() const { return params_; }
  double average_length(index::Field f) const { return average_length_[static_cast<int>(f)]; }

 private:
  float Saturate(float pseudo_tf) const;

  Bm25fParams params_;
  std::array<double, index::kNumFields> average_length_;
  // The length normalisation of field f is base_[f] + per_position_[f] * length.
  std::array<float, index::kNumFields> base_{};
  std::array<float, index::kNumFields> per_position_{};
};

// Inline: called for every scored posting.
inline float Bm25f::Saturate(float t) const {
  // t * (k1 + 1) / (k1 + t), written so that each operation is monotone in t: a larger t can
  // never round to a smaller result.
  float k1 = params_.k1;
  return (k1 + 1.0f) - (k1 + 1.0f) * k1 / (k1 + t);
}

template <typename OnField>
inline float Bm25f::ScoreParts(float idf, index::FieldMask fields, const FieldCounts& tf,
                               const FieldCounts& length, OnField&& on_field) const {
  float pseudo_tf = 0;
  for (int f = 0; f < index::kNumFields; ++f) {
    if (!(fields & (1u << f)) || tf[f] == 0) continue;
    // Monotone in tf and, through norm, antitone in length: Bound() relies on it.
    float norm = base_[f] + per_position_[f] * static_cast<float>(length[f]);
    float weighted = params_.weight[f] * static_cast<float>(tf[f]) / norm;
    on_field(f, norm, weighted);
    pseudo_tf += weighted;
  }
  if (pseudo_tf == 0) return 0;
  return idf * Saturate(pseudo_tf);
}

inline float Bm25f::DocBound(float idf, const BlockFactors& block, const FieldCounts& tf) const {
  float pseudo_tf = 0;
  for (int f = 0; f < index::kNumFields; ++f) {
    pseudo_tf += std::min(block.per_tf[f] * static_cast<float>(tf[f]), block.cap[f]);
  }
  if (pseudo_tf == 0) return 0;
  return idf * Saturate(pseudo_tf);
}

inline float Bm25f::Score(float idf, index::FieldMask fields, const FieldCounts& tf,
                          const FieldCounts& length) const {
  return ScoreParts(idf, fields, tf, length, [](int, float, float) {});
}

}  // namespace paperdeck::search
