// `paperdeck eval DIR`: scores PaperDeck's ranking on a test collection (eval/collection.h)
// beside two baselines run on the same queries in the same process — Xapian BM25
// (eval/xapian_system.h) and SQLite FTS5 bm25() (eval/fts5_system.h) — and prints nDCG@10, MAP,
// recall@100 and P@10 for each (eval/metrics.h), as a table or as JSON:
//   {"paperdeck": {"ndcg@10", "map", "recall@100", "p@10"}, "xapian": {...}, "fts5": {...},
//    "queries": N}
// N is the number of queries with at least one relevant judgment (the ones averaged).
// --feedback adds PaperDeck without and with pseudo-relevance feedback (search/feedback.h) as
// the systems "paperdeck-fb" and "paperdeck+fb".
// --per-query FILE also writes every query's scores as TSV, one line per system and query.
// --sweep GRID scores PaperDeck's ranking over a grid of parameters on several collections
// (eval/sweep.h): the tool the defaults were chosen with. --cv adds the baselines and the
// leave-one-collection-out table (eval/cross_validation.h).
#pragma once

#include <string>
#include <vector>

namespace paperdeck::cli {

struct EvalOptions {
  std::vector<std::string> dirs;  // one, or several with sweep
  bool json = false;
  std::string per_query_file;  // empty: none
  // Non-empty: score PaperDeck alone over this grid of ranking parameters (eval/sweep.h) on
  // every directory, one TSV line per point.
  std::string sweep;
  bool cross_validate = false;  // with sweep: the leave-one-collection-out table
  bool title_only = false;  // every system searches the documents' titles alone
  // Also score PaperDeck with feedback off ("paperdeck-fb") and on with the chosen parameters
  // ("paperdeck+fb"; search/feedback.h's kChosenFeedback), beside the default ranking.
  bool feedback = false;
  // "keyword", or "hybrid": word vectors learned from the collection's own documents, and rows
  // for the dense ranking alone and fused with the keyword one (vectors/rank_fusion.h).
  std::string mode = "keyword";
};

// Returns the process exit code (cli/exit_code.h): 0, or 1 with a message on stderr when the
// collection cannot be read or a system fails.
int RunEval(const EvalOptions& options);

}  // namespace paperdeck::cli
