// Proximity: documents in which the query's words occur near each other rank higher. A bonus in
// the manner of BM25TP (Büttcher, Clarke and Lushman, SIGIR 2006), applied as a rerank of the
// best BM25F candidates so that the cost is bounded and pruning is untouched:
//
//   in each text field (title, abstract), the occurrences of the query's terms are merged in
//   position order; every two consecutive occurrences of different terms t, u at distance
//   d <= kProximityWindow add  w_f * idf(u) / d  to acc(t) and  w_f * idf(t) / d  to acc(u)
//   (BM25TP divides by d^2; 1/d over a wider window measured better: EVAL.md);
//   bonus = sum over t of  min(1, idf(t)) * acc(t) * (k1 + 1) / (acc(t) + K),
//           K = k1 * (1 - b + b * len / avglen) of the abstract;
//   score = BM25F + weight * bonus.
//
// The bonus is never negative, so a reranked hit never scores below its BM25F score: the hits
// past the reranked pool, in BM25F order, still rank below. The pool is the exact top of BM25F
// (pruning never changes it), so a pruned search reranks the very same hits.
//
// Threading: pure functions over a snapshot that may be shared.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "search/bm25f.h"
#include "search/score_explanation.h"
#include "search/top_k_collector.h"

namespace paperdeck::search {

inline constexpr uint32_t kProximityWindow = 16;

// Adds the proximity bonus (weight * bonus) to the score of each of hits[0, pool) and sorts that
// range again by score (stable: equal scores keep their relevance order). terms are the query's
// distinct positive terms; no bonus without two of them. REQUIRES: each hit's segment and doc
// name its live document in reader, as the searcher collected it. ask_ahead: the index is not all
// in memory (the search waited on the disk), so each segment's positions of the pool are asked
// for at once before they are read.
void RerankByProximity(const std::vector<std::string>& terms, float weight, size_t pool,
                       const Bm25f& bm25f, const index::IndexReader& reader, bool ask_ahead,
                       std::vector<CollectedHit>* hits);

// The bonus RerankByProximity adds to the score of the document doc of segment (weight * bonus,
// by the same code), with each term's part. REQUIRES: segment is one of reader's.
ProximityExplanation ExplainProximity(const std::vector<std::string>& terms, float weight,
                                      const Bm25f& bm25f, const index::IndexReader& reader,
                                      const index::SegmentReader& segment, uint32_t doc);

}  // namespace paperdeck::search
