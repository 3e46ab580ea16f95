// Run: what one retrieval system returned for each query of a collection, as trec_eval reads a
// run file: per query, documents with scores. Order within a query does not matter: the
// metrics (eval/metrics.h) rank by score, ties by document id, as trec_eval does.
//
// Threading: a plain value.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace paperdeck::eval {

struct ScoredDoc {
  std::string id;
  double score = 0;
};

// Query id -> the documents retrieved for it (at most kRunDepth). A query absent from the run
// retrieved nothing.
using Run = std::map<std::string, std::vector<ScoredDoc>>;

// How many documents a system retrieves per query: MAP is computed over this depth.
inline constexpr size_t kRunDepth = 1000;

}  // namespace paperdeck::eval
