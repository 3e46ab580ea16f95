#include "cli/tag_command.h"

#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "library/library_data.h"
#include "workspace/find_papers.h"

namespace paperdeck::cli {

int RunTag(const TagOptions& options) {
  std::vector<std::string> ids, add, remove;
  for (const std::string& arg : options.args) {
    if (arg.size() > 1 && (arg[0] == '+' || arg[0] == '-')) {
      Result<std::string> name = library::CleanTagName(std::string_view(arg).substr(1));
      if (!name.ok()) {
        fmt::print(stderr, "paperdeck tag: {}\n", name.status().message());
        return kExitUsage;
      }
      (arg[0] == '+' ? add : remove).push_back(*name);
    } else {
      ids.push_back(arg);
    }
  }
  if (ids.empty() || (add.empty() && remove.empty())) {
    fmt::print(stderr, "paperdeck tag: give at least one id and one +NAME or -NAME\n");
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "tag");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck tag: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto found = workspace::FindPapers(**corpus, ids);
  if (!found.ok()) {
    fmt::print(stderr, "paperdeck tag: {}\n", found.status().message());
    return kExitFailed;
  }
  if (!found->missing.empty()) {
    for (const std::string& id : found->missing) {
      fmt::print(stderr, "paperdeck tag: no paper with id '{}' in the corpus\n", id);
    }
    fmt::print(stderr, "paperdeck tag: nothing was changed\n");
    return kExitFailed;
  }
  const std::vector<int64_t> keys = found->keys();
  if (Status s = (*corpus)->ChangeTags(keys, add, remove); !s.ok()) {
    fmt::print(stderr, "paperdeck tag: {}\n", s.message());
    return kExitFailed;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const library::StoredPaper& paper : found->papers) {
    auto tags = (*corpus)->TagsOf(paper.key);
    if (!tags.ok()) {
      fmt::print(stderr, "paperdeck tag: {}\n", tags.status().message());
      return kExitFailed;
    }
    if (options.json) {
      out.push_back({{"id", paper.record.id}, {"tags", *tags}});
      continue;
    }
    std::string line;
    for (const std::string& t : *tags) line += (line.empty() ? "" : ", ") + t;
    fmt::print("{}  {}\n", paper.record.id, line.empty() ? "(no tags)" : line);
  }
  if (options.json) fmt::print("{}\n", out.dump(2));
  return kExitOk;
}

}  // namespace paperdeck::cli
