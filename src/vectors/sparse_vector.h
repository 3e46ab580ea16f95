// SparseVector: a paper's tf-idf vector over the forward index's terms (global term ids of one
// ForwardIndex), sorted by term id and of unit length, so the dot product of two is their cosine.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace paperdeck::vectors {

struct TermWeight {
  uint32_t term = 0;
  float weight = 0;
};

using SparseVector = std::vector<TermWeight>;

// The dot product of two vectors sorted by term (their cosine when both have unit length).
float Dot(std::span<const TermWeight> a, std::span<const TermWeight> b);

// The terms both hold, by the product of their weights (what adds most to the cosine) heaviest
// first, at most limit.
std::vector<TermWeight> SharedTerms(std::span<const TermWeight> a, std::span<const TermWeight> b,
                                    size_t limit);

// The limit heaviest terms of v, heaviest first.
std::vector<TermWeight> HeaviestTerms(std::span<const TermWeight> v, size_t limit);

// Scales v to unit length (a zero vector stays zero).
void Normalize(SparseVector* v);

}  // namespace paperdeck::vectors
