// LinearSvm: arxiv-sanity-lite's per-tag classifier, with the library its scikit-learn
// LinearSVC runs (LIBLINEAR, Debian's liblinear-dev): an L2-regularised L2-loss linear SVM
// (dual coordinate descent) with a bias, classes weighted to balance, C = 0.01, trained on
// tf-idf vectors with the selected papers positive and the rest negative.
//
// Threading: functions of their arguments only; LIBLINEAR keeps no state between calls (its
// progress printing is turned off once, process-wide).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "model/status.h"
#include "vectors/sparse_vector.h"

namespace paperdeck::vectors {

struct LinearSvmOptions {
  double c = 0.01;       // arxiv-sanity-lite's C
  double epsilon = 0.1;  // LIBLINEAR's stopping tolerance for the dual solver (its default)
};

// The learned hyperplane: a paper's score is Dot(weights, x) + bias (higher: more like the
// positives).
struct LinearModel {
  std::vector<float> weights;  // by term id, term_count long
  float bias = 0;
};

// REQUIRES: every vector's terms < term_count. InvalidArgument when either side is empty.
Result<LinearModel> TrainLinearSvm(std::span<const SparseVector> positives,
                                   std::span<const SparseVector> negatives, size_t term_count,
                                   const LinearSvmOptions& options = {});

}  // namespace paperdeck::vectors
