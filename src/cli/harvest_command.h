// `paperdeck harvest`: arXiv's metadata over OAI-PMH ListRecords into the corpus, resumable
// (feed/oai_harvest.h): the resumption token is saved after each committed page, so a stopped
// harvest continues where it stopped when run again.
//
// Threading: run from main, one command per process.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct HarvestCommandOptions {
  std::filesystem::path data;
  std::string format = "arXiv";  // arXiv or arXivRaw
  std::string from, until, set;
  int max_pages = 0;  // 0: to the end of the list
};

// Exit codes as RunPull (cli/pull_command.h).
int RunHarvest(const HarvestCommandOptions& options);

}  // namespace paperdeck::cli
