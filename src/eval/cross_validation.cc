#include "eval/cross_validation.h"

#include <algorithm>
#include <limits>

namespace paperdeck::eval {

size_t ChoosePoint(const SweepScores& scores, const std::vector<bool>& among) {
  size_t best = 0;
  double best_worst = -std::numeric_limits<double>::infinity();
  for (size_t p = 0; p < scores.ndcg.size(); ++p) {
    double worst = std::numeric_limits<double>::infinity();
    for (size_t c = 0; c < scores.baseline.size(); ++c) {
      if (among[c]) worst = std::min(worst, scores.ndcg[p][c] - scores.baseline[c]);
    }
    if (worst > best_worst) {
      best_worst = worst;
      best = p;
    }
  }
  return best;
}

std::vector<HeldOut> LeaveOneCollectionOut(const SweepScores& scores) {
  const size_t n = scores.baseline.size();
  std::vector<HeldOut> out(n);
  for (size_t c = 0; c < n; ++c) {
    std::vector<bool> others(n, true);
    others[c] = false;
    HeldOut& h = out[c];
    h.point = ChoosePoint(scores, others);
    h.ndcg = scores.ndcg[h.point][c];
    h.lead = h.ndcg - scores.baseline[c];
  }
  return out;
}

}  // namespace paperdeck::eval
