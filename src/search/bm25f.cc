#include "search/bm25f.h"

#include <algorithm>
#include <cmath>

namespace paperdeck::search {

Bm25f::Bm25f(const Bm25fParams& params, const std::array<double, index::kNumFields>& average_length)
    : params_(params) {
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

float Bm25f::Bound(float idf, index::FieldMask fields, const index::Impact& impact) const {
  return Score(idf, fields, impact.max_tf, impact.min_field_length);
}

}  // namespace paperdeck::search
