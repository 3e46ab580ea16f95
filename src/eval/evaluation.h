// Evaluation: a run scored against a collection's judgments — the per-query scores
// (eval/metrics.h) of every query with a relevant judgment, in the collection's query order,
// and their mean. A judged query the run has no documents for scores zero (as trec_eval -c
// would count it), so systems are always averaged over the same queries.
//
// Threading: pure functions.
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "eval/collection.h"
#include "eval/metrics.h"
#include "eval/run.h"

namespace paperdeck::eval {

struct Evaluation {
  std::vector<std::pair<std::string, Scores>> per_query;  // query id, its scores
  Scores mean;
};

Evaluation Evaluate(const Collection& collection, const Run& run);

// Writes "system<TAB>qid<TAB>ndcg@10<TAB>map<TAB>recall@100<TAB>p@10" lines (no header), four
// decimals, for every query of evaluation.
void WritePerQuery(const std::string& system, const Evaluation& evaluation, std::ostream& out);

}  // namespace paperdeck::eval
