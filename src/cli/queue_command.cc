#include "cli/queue_command.h"

#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "present/paper_json.h"

namespace paperdeck::cli {

int RunQueue(const QueueOptions& options) {
  auto workspace = OpenWorkspace(options.data, "queue");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck queue: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto queue = (*corpus)->Queue();
  if (!queue.ok()) {
    fmt::print(stderr, "paperdeck queue: {}\n", queue.status().message());
    return kExitFailed;
  }
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const library::Corpus::QueueEntry& e : *queue) {
      nlohmann::json paper = present::PaperJson(e.paper);
      paper["marked_at"] = e.marked_at;
      out.push_back(std::move(paper));
    }
    fmt::print("{}\n", out.dump(2));
    return kExitOk;
  }
  if (queue->empty()) fmt::print("nothing to read (paperdeck mark ID to-read)\n");
  for (const library::Corpus::QueueEntry& e : *queue) {
    fmt::print("{}  {}  {}\n", e.marked_at.substr(0, 10), e.paper.record.id, e.paper.record.title);
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
