#include "vectors/sparse_vector.h"

#include <algorithm>
#include <cmath>

namespace paperdeck::vectors {
namespace {

void KeepHeaviest(std::vector<TermWeight>* v, size_t limit) {
  auto heavier = [](const TermWeight& x, const TermWeight& y) {
    return x.weight != y.weight ? x.weight > y.weight : x.term < y.term;
  };
  if (v->size() > limit) {
    std::partial_sort(v->begin(), v->begin() + static_cast<std::ptrdiff_t>(limit), v->end(), heavier);
    v->resize(limit);
  } else {
    std::sort(v->begin(), v->end(), heavier);
  }
}

}  // namespace

float Dot(std::span<const TermWeight> a, std::span<const TermWeight> b) {
  float sum = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (b[j].term < a[i].term) {
      ++j;
    } else {
      sum += a[i++].weight * b[j++].weight;
    }
  }
  return sum;
}

std::vector<TermWeight> SharedTerms(std::span<const TermWeight> a, std::span<const TermWeight> b,
                                    size_t limit) {
  std::vector<TermWeight> shared;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].term < b[j].term) {
      ++i;
    } else if (b[j].term < a[i].term) {
      ++j;
    } else {
      shared.push_back({a[i].term, a[i].weight * b[j].weight});
      ++i, ++j;
    }
  }
  KeepHeaviest(&shared, limit);
  return shared;
}

std::vector<TermWeight> HeaviestTerms(std::span<const TermWeight> v, size_t limit) {
  std::vector<TermWeight> out(v.begin(), v.end());
  KeepHeaviest(&out, limit);
  return out;
}

void Normalize(SparseVector* v) {
  double sq = 0;
  for (const TermWeight& t : *v) sq += double{t.weight} * t.weight;
  if (sq <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(sq));
  for (TermWeight& t : *v) t.weight *= inv;
}

}  // namespace paperdeck::vectors
