// Metrics: the relevance measures of one query's ranking, with trec_eval's definitions
// (relevance_level 1: a document is relevant when its grade is >= 1).
//
//   ranking   the retrieved documents sorted by score descending, ties by document id
//             descending (byte-wise), cut to kRunDepth — trec_eval's order;
//   P@10      relevant documents in the first 10 / 10 (a short ranking still divides by 10);
//   recall@100  relevant documents in the first 100 / all relevant documents judged;
//   MAP       (average precision) sum over relevant documents retrieved at rank r of
//             (relevant documents in the first r) / r, divided by all relevant documents;
//   nDCG@10   (ndcg_cut.10) DCG of the first 10, gain = the grade (0 and below gain nothing),
//             discount log2(rank + 1); divided by the DCG of the ideal ranking of all judged
//             documents by grade.
// A query with no relevant judgment has no defined score: QueryMetrics returns nullopt and the
// mean skips it, as trec_eval does.
//
// Threading: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "eval/collection.h"
#include "eval/run.h"

namespace paperdeck::eval {

struct Scores {
  double ndcg10 = 0;
  double map = 0;
  double recall100 = 0;
  double p10 = 0;
};

// Sorts docs into trec_eval's order and cuts it to kRunDepth.
std::vector<ScoredDoc> TrecOrder(std::vector<ScoredDoc> docs);

// The scores of one query, or nullopt when judgments hold no relevant document.
std::optional<Scores> QueryMetrics(std::vector<ScoredDoc> retrieved, const Judgments& judgments);

// The arithmetic mean of each measure (all zero for no scores).
Scores Mean(const std::vector<Scores>& scores);

}  // namespace paperdeck::eval
