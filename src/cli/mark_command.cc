#include "cli/mark_command.h"

#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "library/library_data.h"
#include "workspace/find_papers.h"

namespace paperdeck::cli {

int RunMark(const MarkOptions& options) {
  if (options.args.size() < 2) {
    fmt::print(stderr, "paperdeck mark: give one or more ids, then to-read, reading, read or none\n");
    return kExitUsage;
  }
  const std::string& state_name = options.args.back();
  std::optional<library::ReadingState> state = library::ParseReadingState(state_name);
  if (!state && state_name != "none") {
    fmt::print(stderr, "paperdeck mark: '{}' is not a state: to-read, reading, read or none\n",
               state_name);
    return kExitUsage;
  }
  const std::vector<std::string> ids(options.args.begin(), options.args.end() - 1);
  auto workspace = OpenWorkspace(options.data, "mark");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck mark: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto found = workspace::FindPapers(**corpus, ids);
  if (!found.ok()) {
    fmt::print(stderr, "paperdeck mark: {}\n", found.status().message());
    return kExitFailed;
  }
  if (!found->missing.empty()) {
    for (const std::string& id : found->missing) {
      fmt::print(stderr, "paperdeck mark: no paper with id '{}' in the corpus\n", id);
    }
    fmt::print(stderr, "paperdeck mark: nothing was changed\n");
    return kExitFailed;
  }
  const std::vector<int64_t> keys = found->keys();
  if (Status s = (*corpus)->SetReadingState(keys, state); !s.ok()) {
    fmt::print(stderr, "paperdeck mark: {}\n", s.message());
    return kExitFailed;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const library::StoredPaper& paper : found->papers) {
    if (options.json) {
      out.push_back({{"id", paper.record.id},
                     {"state", state ? nlohmann::json(std::string(library::ReadingStateName(*state)))
                                     : nlohmann::json(nullptr)}});
    } else {
      fmt::print("{}  {}\n", paper.record.id, state_name);
    }
  }
  if (options.json) fmt::print("{}\n", out.dump(2));
  return kExitOk;
}

}  // namespace paperdeck::cli
