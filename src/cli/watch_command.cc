#include "cli/watch_command.h"

#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "cli/shell_quote.h"
#include "present/saved_search_json.h"

namespace paperdeck::cli {
namespace {

constexpr const char* kUsage =
    "usage: paperdeck watch add NAME [--recommend] QUERY [--no-pull] | list | rm NAME | "
    "rename OLD NEW";

int Fail(const Status& status) {
  fmt::print(stderr, "paperdeck watch: {}\n", status.message());
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
    case Status::Code::kNotFound:
      return kExitUsage;
    default:
      return kExitFailed;
  }
}

std::string JoinFrom(const std::vector<std::string>& words, size_t first) {
  std::string out;
  for (size_t i = first; i < words.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += words[i];
  }
  return out;
}

int List(workspace::Workspace& workspace, library::Corpus& corpus, bool json) {
  Result<std::vector<library::SavedSearch>> searches = corpus.SavedSearches();
  if (!searches.ok()) return Fail(searches.status());
  nlohmann::json out = nlohmann::json::array();
  if (!json && searches->empty()) {
    fmt::print("no saved searches yet (paperdeck watch add NAME QUERY)\n");
  }
  for (const library::SavedSearch& s : *searches) {
    Result<workspace::SavedSearchFeed> feed =
        workspace.Feed(s.name, {.peek = true, .limit = 0});
    if (!feed.ok()) return Fail(feed.status());
    if (json) {
      out.push_back(present::SavedSearchJson(s, feed->new_count));
      if (!feed->problem.empty()) out.back()["problem"] = feed->problem;
      continue;
    }
    if (s.kind == library::SavedSearchKind::kRecommend) {
      fmt::print("{:>6} new  {}  like {}{}\n", feed->new_count, s.name, s.query,
                 feed->problem.empty() ? "" : "  (" + feed->problem + ")");
      continue;
    }
    fmt::print("{:>6} new  {}  {}{}\n", feed->new_count, s.name, s.query,
               s.pull ? "" : "  (not pulled)");
  }
  if (json) fmt::print("{}\n", out.dump(2));
  return kExitOk;
}

}  // namespace

int RunWatch(const WatchOptions& options) {
  const std::vector<std::string>& a = options.args;
  const std::string action = a.empty() ? "list" : a[0];
  const bool shape_ok = (action == "list" && a.size() <= 1) ||
                        (action == "add" && a.size() >= 3) || (action == "rm" && a.size() == 2) ||
                        (action == "rename" && a.size() == 3);
  if (!shape_ok) {
    fmt::print(stderr, "paperdeck watch: {}\n", kUsage);
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "watch");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) return Fail(corpus.status());

  if (action == "list") return List(*workspace, **corpus, options.json);
  if (action == "add") {
    const std::string query = JoinFrom(a, 2);
    const auto kind = options.recommend ? library::SavedSearchKind::kRecommend
                                        : library::SavedSearchKind::kQuery;
    Result<library::SavedSearch> added =
        (*corpus)->AddSavedSearch(a[1], query, !options.no_pull, {}, kind);
    if (!added.ok()) return Fail(added.status());
    Result<workspace::SavedSearchFeed> feed =
        workspace->Feed(added->name, {.peek = true, .limit = 0});
    if (!feed.ok()) return Fail(feed.status());
    if (options.json) {
      nlohmann::json out = present::SavedSearchJson(*added, feed->new_count);
      if (!feed->problem.empty()) out["problem"] = feed->problem;
      fmt::print("{}\n", out.dump(2));
      return kExitOk;
    }
    if (added->kind == library::SavedSearchKind::kRecommend) {
      fmt::print("saved {}: papers like those {} selects ({} recommended now, all new until you "
                 "look: paperdeck feed {}); not pulled by sync\n",
                 added->name, added->query, feed->new_count, ShellQuote(added->name));
      if (!feed->problem.empty()) fmt::print(stderr, "paperdeck watch: {}\n", feed->problem);
      return kExitOk;
    }
    fmt::print("saved {}: {} ({} matching now, all new until you look: paperdeck feed {}){}\n",
               added->name, added->query, feed->new_count, ShellQuote(added->name),
               added->pull ? "" : "; not pulled by sync");
    if (feed->notice) {
      fmt::print(stderr, "paperdeck watch: the query is searched as words: {} (at {})\n",
                 feed->notice->message, feed->notice->position);
    }
    return kExitOk;
  }
  if (action == "rm") {
    if (Status s = (*corpus)->RemoveSavedSearch(a[1]); !s.ok()) return Fail(s);
    fmt::print("removed saved search {}\n", a[1]);
    return kExitOk;
  }
  if (Status s = (*corpus)->RenameSavedSearch(a[1], a[2]); !s.ok()) return Fail(s);
  fmt::print("renamed saved search {} to {}\n", a[1], a[2]);
  return kExitOk;
}

}  // namespace paperdeck::cli
