#include "cli/tags_command.h"

#include <cstdio>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "present/library_json.h"

namespace paperdeck::cli {

int RunTags(const TagsOptions& options) {
  auto workspace = OpenWorkspace(options.data, "tags");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck tags: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto tags = (*corpus)->Tags();
  if (!tags.ok()) {
    fmt::print(stderr, "paperdeck tags: {}\n", tags.status().message());
    return kExitFailed;
  }
  if (options.json) {
    fmt::print("{}\n", present::TagCountsJson(*tags).dump(2));
    return kExitOk;
  }
  if (tags->empty()) fmt::print("no tags yet (paperdeck tag ID +NAME)\n");
  for (const library::TagCount& t : *tags) fmt::print("{:>6}  {}\n", t.papers, t.name);
  return kExitOk;
}

}  // namespace paperdeck::cli
