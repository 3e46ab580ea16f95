// The `paperdeck pull` and `paperdeck status` commands: settings from the data directory's
// paperdeck.conf and the environment (net/source_settings.h), a pull from arXiv into the corpus
// (feed/arxiv_pull.h), the index caught up, and the pull recorded; `status` shows the corpus,
// the source settings and the latest pulls.
//
// Threading: run from main, one command per process.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::feed {

struct PullCommandOptions {
  std::filesystem::path data;  // the data directory
  std::string query;
  int max_results = 100;
  std::string since;  // YYYY-MM-DD, empty for no bound
};

// Exit codes as serve/exit_code.h: 0 done, 1 failed (nothing fetched), 2 bad arguments,
// 3 partial (stopped early or skipped malformed entries; what was fetched is kept).
int RunPull(const PullCommandOptions& options);

struct HarvestCommandOptions {
  std::filesystem::path data;
  std::string format = "arXiv";  // arXiv or arXivRaw
  std::string from, until, set;
  int max_pages = 0;  // 0: to the end of the list
};

// `paperdeck harvest`: OAI-PMH ListRecords into the corpus, resumable (feed/oai_harvest.h).
// Exit codes as RunPull.
int RunHarvest(const HarvestCommandOptions& options);

struct EnrichCommandOptions {
  std::filesystem::path data;
  std::string date;     // the daily papers of this date (YYYY-MM-DD); empty: today
  std::string max_age;  // "7d", "12h", ...; empty: the enrich.max_age setting
  bool all = false;     // refetch every number, however fresh
  int max_lookups = 20;  // Hugging Face per-paper lookups, for papers not in the listing
};

// `paperdeck enrich`: citations and venues from Semantic Scholar for the arXiv papers in the
// corpus whose numbers are older than the max age (or never fetched), upvotes from Hugging
// Face's daily papers of date.
int RunEnrich(const EnrichCommandOptions& options);

int RunStatus(const std::filesystem::path& data);

}  // namespace paperdeck::feed
