#include "cli/feed_command.h"

#include <cstdio>
#include <vector>

#include <fmt/core.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/index_lag.h"
#include "cli/open_workspace.h"
#include "cli/shell_quote.h"
#include "model/calendar.h"
#include "present/card.h"
#include "present/card_printer.h"
#include "present/saved_search_atom.h"
#include "present/saved_search_json.h"
#include "present/terminal.h"

namespace paperdeck::cli {
namespace {

int Fail(const Status& status) {
  fmt::print(stderr, "paperdeck feed: {}\n", status.message());
  return status.code() == Status::Code::kNotFound ? kExitUsage : kExitFailed;
}

void PrintFeed(const workspace::SavedSearchFeed& feed, const FeedOptions& options,
               present::CardPrinter& printer, const present::Style& style, int32_t today) {
  const library::SavedSearch& s = feed.search;
  const bool recommend = s.kind == library::SavedSearchKind::kRecommend;
  fmt::print("{}{}{}  {}{}{}{}\n", style.bold, s.name, style.reset, style.dim,
             recommend ? "papers like " : "", s.query, style.reset);
  const std::string since =
      s.looked_at.empty() ? "never looked at" : "since you looked, " + s.looked_at;
  if (!feed.problem.empty()) {
    fmt::print("  {}\n\n", feed.problem);
    return;
  }
  if (feed.new_count == 0) {
    fmt::print("  nothing new ({})\n\n", since);
    return;
  }
  fmt::print("  {} new ({}){}\n\n", feed.new_count, since,
             options.peek ? "; --peek: still new" : "");
  for (size_t i = 0; i < feed.papers.size(); ++i) {
    const workspace::FoundPaper& found = feed.papers[i];
    present::Card card =
        present::AsPlainText(present::MakeCard(found.paper.record, found.library, today));
    card.version = present::NewVersionLabel(found.paper.record);
    printer.Print(card, {}, {});
    if (i < feed.reasons.size() && !feed.reasons[i].empty()) {
      fmt::print("  {}for: {}{}\n\n", style.dim, fmt::join(feed.reasons[i], ", "), style.reset);
    }
  }
  if (recommend && feed.papers.size() < feed.new_count) {
    fmt::print("{}  ... and {} more: paperdeck recommend {}{}\n\n", style.dim,
               feed.new_count - feed.papers.size(), ShellQuote(s.query), style.reset);
  } else if (feed.papers.size() < feed.new_count) {
    fmt::print("{}  ... and {} more: paperdeck search {} --sort added{}\n\n", style.dim,
               feed.new_count - feed.papers.size(), ShellQuote(s.query), style.reset);
  }
}

// The saved search's Atom feed on standard output.
int PrintAtom(workspace::Workspace& workspace, const FeedOptions& options) {
  std::optional<library::SavedSearch> search;
  {
    auto corpus = workspace.Corpus();
    if (!corpus.ok()) return Fail(corpus.status());
    Result<std::optional<library::SavedSearch>> found = (*corpus)->FindSavedSearch(options.name);
    if (!found.ok()) return Fail(found.status());
    search = std::move(*found);
  }
  if (!search) {
    return Fail(Status::NotFound("no saved search is named " + options.name +
                                 " (paperdeck watch list shows them)"));
  }
  Result<std::string> feed = present::SavedSearchAtom(workspace, *search, options.base_url);
  if (!feed.ok()) return Fail(feed.status());
  std::fwrite(feed->data(), 1, feed->size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitFailed;
}

// A base URL as the feed's links need it: http(s)://HOST[:PORT], any trailing '/' dropped.
bool TrimBaseUrl(std::string& url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  const bool scheme = url.starts_with("http://") || url.starts_with("https://");
  const size_t host = url.find("//") + 2;
  return scheme && url.size() > host &&
         url.find_first_of(" \t\r\n\"<>", 0) == std::string::npos;
}

}  // namespace

int RunFeed(const FeedOptions& options_in) {
  FeedOptions options = options_in;
  if (options.format != "text" && options.format != "json" && options.format != "atom") {
    fmt::print(stderr, "paperdeck feed: --format is text, json or atom, not {}\n", options.format);
    return kExitUsage;
  }
  if (options.format == "json") options.json = true;
  const bool atom = options.format == "atom";
  if (atom && options.json) {
    fmt::print(stderr, "paperdeck feed: --json and --format atom are two formats; give one\n");
    return kExitUsage;
  }
  if (atom && options.name.empty()) {
    fmt::print(stderr, "paperdeck feed: --format atom is the feed of one saved search: "
                       "paperdeck feed NAME --format atom\n");
    return kExitUsage;
  }
  if (atom && !TrimBaseUrl(options.base_url)) {
    fmt::print(stderr, "paperdeck feed: --base-url is http://HOST[:PORT] or https://..., not {}\n",
               options_in.base_url);
    return kExitUsage;
  }
  if (options.limit > 1000) {
    fmt::print(stderr, "paperdeck feed: --limit is at most 1000\n");
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "feed");
  if (!workspace) return kExitFailed;
  if (atom) return PrintAtom(*workspace, options);
  std::vector<std::string> names;
  if (!options.name.empty()) {
    names.push_back(options.name);
  } else {
    auto corpus = workspace->Corpus();
    if (!corpus.ok()) return Fail(corpus.status());
    Result<std::vector<library::SavedSearch>> searches = (*corpus)->SavedSearches();
    if (!searches.ok()) return Fail(searches.status());
    for (const library::SavedSearch& s : *searches) names.push_back(s.name);
    if (names.empty() && !options.json) {
      fmt::print("no saved searches yet (paperdeck watch add NAME QUERY)\n");
      return kExitOk;
    }
  }

  const int32_t today = Today();
  std::vector<workspace::SavedSearchFeed> feeds;
  for (const std::string& name : names) {
    Result<workspace::SavedSearchFeed> feed =
        workspace->Feed(name, {.peek = options.peek, .limit = options.limit});
    if (!feed.ok()) return Fail(feed.status());
    feeds.push_back(std::move(*feed));
  }
  bool behind = false;
  for (const auto& f : feeds) behind = behind || f.index_behind;
  if (behind) {
    WarnIfIndexBehind(*workspace, "Papers not yet searchable stay new until they are.");
  }

  if (options.json) {
    if (!options.name.empty()) {
      fmt::print("{}\n", present::SavedSearchFeedJson(feeds.front(), today).dump());
      return kExitOk;
    }
    nlohmann::json out = {{"feeds", nlohmann::json::array()}};
    for (const auto& f : feeds) out["feeds"].push_back(present::SavedSearchFeedJson(f, today));
    fmt::print("{}\n", out.dump());
    return kExitOk;
  }
  present::Terminal terminal = present::Terminal::For(stdout);
  present::Style style = present::Style::For(terminal);
  present::CardPrinter printer(stdout, terminal);
  for (const auto& f : feeds) PrintFeed(f, options, printer, style, today);
  return kExitOk;
}

}  // namespace paperdeck::cli
