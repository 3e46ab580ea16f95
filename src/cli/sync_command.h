// `paperdeck sync`: brings the corpus up to date for every saved search (cli/remote_sync.h):
// arXiv's new submissions for the pulling searches, Hugging Face's daily papers, Semantic
// Scholar's numbers for the papers they match; the quota meter at the end. `--dry-run` prints
// the requests and changes nothing.
//
// Threading: run from main, one command per process.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct SyncCommandOptions {
  std::filesystem::path data;
  bool dry_run = false;
  int max_requests = 0;  // 0: no cap
  std::string max_age;   // "7d"; empty: enrich.max_age
  bool no_huggingface = false;
  bool no_scholar = false;
};

// Exit codes as cli/exit_code.h: 0 done, 1 failed (or another sync runs), 2 bad arguments or
// settings, 3 stopped early (a fault or --max-requests; what came before is kept).
int RunSync(const SyncCommandOptions& options);

}  // namespace paperdeck::cli
