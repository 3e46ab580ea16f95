// `paperdeck pull QUERY`: a pull from arXiv into the corpus (feed/arxiv_pull.h), page by page,
// each page one transaction; then the index caught up and the run recorded (shown by
// `paperdeck stats`).
//
// Threading: run from main, one command per process.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct PullCommandOptions {
  std::filesystem::path data;  // the data directory
  std::string query;
  int max_results = 100;
  std::string since;  // YYYY-MM-DD, empty for no bound
};

// Exit codes as cli/exit_code.h: 0 done, 1 failed (nothing fetched), 2 bad arguments,
// 3 partial (stopped early or skipped malformed entries; what was fetched is kept).
int RunPull(const PullCommandOptions& options);

}  // namespace paperdeck::cli
