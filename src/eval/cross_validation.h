// Cross-validation of ranking parameters over collections: leave one collection out, choose the
// grid point on the others, score it on the one left out. The choice maximises the worst
// collection's lead over the better of the two baselines (Xapian, FTS5), not the mean: a
// researcher's corpus is always a collection the parameters were not chosen on, and a parameter
// that wins big on one set while losing on another should not ship.
//
// Threading: pure functions.
#pragma once

#include <cstddef>
#include <vector>

namespace paperdeck::eval {

// ndcg[p][c]: nDCG@10 of grid point p on collection c; baseline[c]: the better baseline's.
struct SweepScores {
  std::vector<std::vector<double>> ndcg;
  std::vector<double> baseline;
};

// The point whose least lead over the baseline, over the collections `among` marks, is largest
// (the first such point on a tie). REQUIRES: at least one point and one marked collection.
size_t ChoosePoint(const SweepScores& scores, const std::vector<bool>& among);

struct HeldOut {
  size_t point = 0;    // chosen on every other collection
  double ndcg = 0;     // that point's nDCG@10 on this collection
  double lead = 0;     // ndcg minus the better baseline's
};

// For each collection, the point chosen without it and its score on it.
// REQUIRES: at least two collections.
std::vector<HeldOut> LeaveOneCollectionOut(const SweepScores& scores);

}  // namespace paperdeck::eval
