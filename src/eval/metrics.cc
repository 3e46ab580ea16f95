#include "eval/metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace paperdeck::eval {

std::vector<ScoredDoc> TrecOrder(std::vector<ScoredDoc> docs) {
  std::sort(docs.begin(), docs.end(), [](const ScoredDoc& a, const ScoredDoc& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.id > b.id;
  });
  if (docs.size() > kRunDepth) docs.resize(kRunDepth);
  return docs;
}

std::optional<Scores> QueryMetrics(std::vector<ScoredDoc> retrieved, const Judgments& judgments) {
  size_t relevant = 0;
  std::vector<int> gains;
  for (const auto& [id, grade] : judgments) {
    if (grade >= 1) ++relevant;
    if (grade > 0) gains.push_back(grade);
  }
  if (relevant == 0) return std::nullopt;

  const std::vector<ScoredDoc> ranking = TrecOrder(std::move(retrieved));
  Scores s;
  double dcg = 0;
  size_t found = 0;
  double precision_sum = 0;
  for (size_t i = 0; i < ranking.size(); ++i) {
    auto it = judgments.find(ranking[i].id);
    const int grade = it == judgments.end() ? 0 : it->second;
    if (i < 10 && grade > 0) dcg += grade / std::log2(static_cast<double>(i) + 2);
    if (grade >= 1) {
      ++found;
      precision_sum += static_cast<double>(found) / static_cast<double>(i + 1);
      if (i < 10) s.p10 += 1;
      if (i < 100) s.recall100 += 1;
    }
  }
  s.p10 /= 10;
  s.recall100 /= static_cast<double>(relevant);
  s.map = precision_sum / static_cast<double>(relevant);

  std::sort(gains.begin(), gains.end(), std::greater<>());
  double ideal = 0;
  for (size_t i = 0; i < gains.size() && i < 10; ++i) {
    ideal += gains[i] / std::log2(static_cast<double>(i) + 2);
  }
  s.ndcg10 = ideal > 0 ? dcg / ideal : 0;
  return s;
}

Scores Mean(const std::vector<Scores>& scores) {
  Scores m;
  if (scores.empty()) return m;
  for (const Scores& s : scores) {
    m.ndcg10 += s.ndcg10;
    m.map += s.map;
    m.recall100 += s.recall100;
    m.p10 += s.p10;
  }
  const double n = static_cast<double>(scores.size());
  m.ndcg10 /= n;
  m.map /= n;
  m.recall100 /= n;
  m.p10 /= n;
  return m;
}

}  // namespace paperdeck::eval
