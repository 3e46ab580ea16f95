// Sweep: PaperDeck's ranking scored over a grid of ranking parameters on several collections at
// once, to choose the defaults on development collections (EVAL.md has the grid and the choice).
// Each collection is indexed once; every grid point re-runs its queries.
//
// A grid is written as `name=v1,v2,...` terms separated by `;`; the points are the Cartesian
// product, the other parameters keep the product's defaults. Names:
//   k1, b_title, b_abstract, w_title, w_abstract   BM25F (search/bm25f.h)
//   proximity, pool                                 proximity bonus weight and pool (search/proximity.h)
//   question_words                                  1: drop question words, 0: keep them
//   exact                                           a bare word's exact-form weight (search/query_planner.h)
//   fb_docs, fb_terms, fb_weight                    feedback: hits read, terms added, their weight
//                                                   (search/feedback.h; weight 0: off)
//   b_title_alone, w_title_alone,                   b and weight of a field searched alone
//   b_authors_alone, w_authors_alone                (SearcherOptions::b_alone, weight_alone)
//
// Threading: one thread.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "eval/query_fields.h"
#include "model/status.h"
#include "search/searcher.h"

namespace paperdeck::eval {

struct GridPoint {
  std::string label;  // "k1=1.2 w_title=2"
  search::SearcherOptions options;
};

// The points of grid, or what is wrong with it.
Result<std::vector<GridPoint>> ParseGrid(const std::string& grid);

// Scores every point on every collection directory and writes one TSV line per point:
// label, then nDCG@10 of each collection, then the mean nDCG@10 and the mean MAP over collections.
// With cross_validate (two collections or more), also runs both baselines on each collection and
// writes, after the points, the leave-one-collection-out table (eval/cross_validation.h): per
// collection the point chosen on the others, its nDCG@10 there, the point chosen on all of them
// ("tuned") and its nDCG@10, the better baseline's, both leads, then Xapian's and FTS5's; and then
// every measure (nDCG@10, MAP, recall@100, P@10) per collection of PaperDeck cross-validated and
// tuned, Xapian and FTS5.
// fields: what every system's queries search (eval/query_fields.h).
// The grid `paperdeck eval --cv` sweeps when given none: the ranking parameters chosen across
// collections, each at its shipped value and the runner-up of its own sweep (EVAL.md).
inline constexpr const char* kShippedGrid =
    "k1=1.2,1.6;w_title=3,2;exact=0,0.1;fb_weight=0.1,0;pool=50,20";

Status RunSweep(const std::vector<std::string>& dirs, const std::string& grid, std::ostream& out,
                bool cross_validate = false, QueryFields fields = QueryFields::kAll);

}  // namespace paperdeck::eval
