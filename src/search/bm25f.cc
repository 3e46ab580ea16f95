#include "search/bm25f.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace paperdeck::search {

Bm25f::Bm25f(const Bm25fParams& params, const std::array<double, index::kNumFields>& average_length)
    : params_(params), average_length_(average_length) {
  for (int f = 0; f < index::kNumFields; ++f) {
    const float b = params.b[f];
    if (average_length[f] > 0) {
      base_[f] = 1.0f - b;
      per_position_[f] = static_cast<float>(b / average_length[f]);
    } else {
      base_[f] = 1.0f;  // no text in this field anywhere: nothing to normalise
      per_position_[f] = 0.0f;
    }
  }
}

float Bm25f::Idf(uint64_t doc_freq, uint64_t live_doc_count) {
  // df counts deleted documents too (until a merge), so it may exceed N: never let idf go
  // negative, and keep a rare term above a common one.
  double n = static_cast<double>(std::max(live_doc_count, doc_freq));
  double df = static_cast<double>(doc_freq);
  return static_cast<float>(std::log(1.0 + (n - df + 0.5) / (df + 0.5)));
}

index::FieldMask Bm25f::Scored(index::FieldMask mask) const {
  index::FieldMask out = 0;
  for (int f = 0; f < index::kNumFields; ++f) {
    if ((mask & (1u << f)) && params_.weight[f] > 0) out |= static_cast<index::FieldMask>(1u << f);
  }
  return out;
}

Bm25f::NtfScale Bm25f::ScaleFor(const index::SegmentReader& segment) const {
  NtfScale scale;
  scale.fill(std::numeric_limits<float>::infinity());
  if (segment.doc_count() == 0) return scale;
  for (int f = 0; f < index::kNumFields; ++f) {
    if (params_.b[f] != index::kImpactB) continue;
    const double segment_average =
        static_cast<double>(segment.total_field_length(static_cast<index::Field>(f))) /
        segment.doc_count();
    if (segment_average <= 0) continue;
    // The margin covers float rounding in Score and in the stored values.
    scale[f] = static_cast<float>(std::max(1.0, average_length_[f] / segment_average) * 1.0001);
  }
  return scale;
}

float Bm25f::Explain(float idf, index::FieldMask fields, const FieldCounts& tf,
                     const FieldCounts& length, TermExplanation* out) const {
  out->idf = idf;
  out->k1 = params_.k1;
  out->pseudo_tf = 0;
  const float score = ScoreParts(idf, fields, tf, length, [&](int f, float norm, float weighted) {
    FieldExplanation part;
    part.field = static_cast<index::Field>(f);
    part.tf = tf[f];
    part.length = length[f];
    part.average_length = average_length_[f];
    part.b = params_.b[f];
    part.weight = params_.weight[f];
    part.norm = norm;
    part.weighted_tf = weighted;
    out->fields.push_back(part);
    out->pseudo_tf += weighted;  // in ScoreParts' order: the same float
  });
  out->score = score;
  for (FieldExplanation& part : out->fields) {
    part.score = out->pseudo_tf > 0 ? score * (part.weighted_tf / out->pseudo_tf) : 0;
  }
  return score;
}

float Bm25f::Bound(float idf, index::FieldMask fields, const index::Impact& impact,
                   const NtfScale& scale) const {
  // Field by field as Score adds them, each term at least Score's for any posting covered.
  float pseudo_tf = 0;
  for (int f = 0; f < index::kNumFields; ++f) {
    if (!(fields & (1u << f)) || impact.max_tf[f] == 0) continue;
    float norm = base_[f] + per_position_[f] * static_cast<float>(impact.min_field_length[f]);
    float by_extremes = params_.weight[f] * static_cast<float>(impact.max_tf[f]) / norm;
    float by_ntf = params_.weight[f] * (impact.max_ntf[f] * scale[f]);
    pseudo_tf += std::min(by_extremes, by_ntf);
  }
  if (pseudo_tf == 0) return 0;
  return idf * Saturate(pseudo_tf);
}

Bm25f::BlockFactors Bm25f::FactorsFor(index::FieldMask fields, const index::Impact& block,
                                      const NtfScale& scale) const {
  // tf * (weight / norm) may round below Score's weight * tf / norm: the margin (2^-20, far
  // above a few roundings' 2^-23 each) keeps the product above it.
  constexpr float kMargin = 1.0f + 1.0f / (1 << 20);
  BlockFactors out;
  for (int f = 0; f < index::kNumFields; ++f) {
    if (!(fields & (1u << f)) || block.max_tf[f] == 0) continue;
    const float norm = base_[f] + per_position_[f] * static_cast<float>(block.min_field_length[f]);
    out.per_tf[f] = params_.weight[f] / norm * kMargin;
    const float by_extremes = params_.weight[f] * static_cast<float>(block.max_tf[f]) / norm;
    const float by_ntf = params_.weight[f] * (block.max_ntf[f] * scale[f]);
    // A document's product never needs to pass the field's bound for the whole block.
    out.cap[f] = std::min(by_extremes, by_ntf) * kMargin;
  }
  return out;
}

}  // namespace paperdeck::search
