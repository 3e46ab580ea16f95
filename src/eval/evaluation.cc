#include "eval/evaluation.h"

#include <cstdio>

namespace paperdeck::eval {

Evaluation Evaluate(const Collection& collection, const Run& run) {
  Evaluation e;
  std::vector<Scores> all;
  for (const CollectionQuery& q : collection.queries) {
    auto judged = collection.qrels.find(q.id);
    if (judged == collection.qrels.end()) continue;
    auto retrieved = run.find(q.id);
    std::optional<Scores> s = QueryMetrics(
        retrieved == run.end() ? std::vector<ScoredDoc>{} : retrieved->second, judged->second);
    if (!s) continue;
    e.per_query.emplace_back(q.id, *s);
    all.push_back(*s);
  }
  e.mean = Mean(all);
  return e;
}

void WritePerQuery(const std::string& system, const Evaluation& evaluation, std::ostream& out) {
  char line[160];
  for (const auto& [qid, s] : evaluation.per_query) {
    std::snprintf(line, sizeof line, "\t%.4f\t%.4f\t%.4f\t%.4f\n", s.ndcg10, s.map, s.recall100,
                  s.p10);
    out << system << '\t' << qid << line;
  }
}

}  // namespace paperdeck::eval
