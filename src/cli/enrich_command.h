// `paperdeck enrich`: citations and venues from Semantic Scholar for the arXiv papers in the
// corpus whose numbers are older than the max age (or never fetched), upvotes from Hugging Face's
// daily papers of a date and per-paper lookups (feed/enrichment.h); then the index caught up.
//
// Threading: run from main, one command per process.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct EnrichCommandOptions {
  std::filesystem::path data;
  std::string date;      // the daily papers of this date (YYYY-MM-DD); empty: today
  std::string max_age;   // "7d", "12h", ...; empty: the enrich.max_age setting
  bool all = false;      // refetch every number, however fresh
  int max_lookups = 20;  // Hugging Face per-paper lookups, for papers not in the listing
};

// Exit codes as cli/exit_code.h: 0 done, 1 the index could not be caught up, 2 bad arguments,
// 3 a source stopped early (what it gave is kept).
int RunEnrich(const EnrichCommandOptions& options);

}  // namespace paperdeck::cli
