#include "cli/search_command.h"

#include <algorithm>
#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/index_lag.h"
#include "cli/open_workspace.h"
#include "cli/shell_quote.h"
#include "model/calendar.h"
#include "model/digit_groups.h"
#include "present/card.h"
#include "present/card_printer.h"
#include "present/expansion.h"
#include "present/explanation_json.h"
#include "present/explanation_text.h"
#include "present/highlight_spans.h"
#include "present/paper_json.h"
#include "search/searcher.h"
#include "text/analyzer.h"

namespace paperdeck::cli {
namespace {

std::optional<search::SortOrder> ParseSort(const std::string& s) {
  if (s == "relevance") return search::SortOrder::kRelevance;
  if (s == "newest" || s == "date") return search::SortOrder::kNewest;
  if (s == "citations" || s == "cited") return search::SortOrder::kCitations;
  if (s == "upvotes") return search::SortOrder::kUpvotes;
  if (s == "added") return search::SortOrder::kAdded;
  if (s == "library") return search::SortOrder::kLibrary;
  return std::nullopt;
}

// Where the query was not understood, or read other than as written, pointed at under the query.
void PrintNotice(const std::string& query, const search::QueryNotice& notice) {
  if (notice.kind == search::QueryNotice::Kind::kReadAs) {
    fmt::print(stderr, "paperdeck: at column {}: {}\n", notice.position + 1, notice.message);
    fmt::print(stderr, "  {}\n  {}^\n", query, std::string(notice.position, ' '));
    return;
  }
  fmt::print(stderr, "paperdeck: could not read the query as operators at column {}: {}\n",
             notice.position + 1, notice.message);
  fmt::print(stderr, "  {}\n  {}^\n", query, std::string(notice.position, ' '));
  fmt::print(stderr, "Searched for the words instead.\n");
}

// A query as one shell word: bare when the shell reads it as written (`attention`), else quoted.
std::string AsShellWord(const std::string& query) {
  const bool bare = !query.empty() && std::all_of(query.begin(), query.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.' || c == ':' || c == ',' || c == '/';
  });
  return bare && query[0] != '-' ? query : ShellQuote(query);
}

}  // namespace

int RunSearch(const SearchOptions& options) {
  auto sort = ParseSort(options.sort);
  if (!sort) {
    fmt::print(stderr, "paperdeck search: unknown --sort '{}' (relevance, newest, citations, "
                       "upvotes, added, library)\n", options.sort);
    return kExitUsage;
  }
  if (options.page == 0 || options.limit == 0 || options.limit > 1000) {
    fmt::print(stderr, "paperdeck search: --page must be 1 or more and --limit 1 to 1000\n");
    return kExitUsage;
  }
  if (options.mode != "keyword" && options.mode != "hybrid") {
    fmt::print(stderr, "paperdeck search: unknown --mode '{}' (keyword, hybrid)\n", options.mode);
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "search");
  if (!workspace) return kExitFailed;
  search::SearchRequest request;
  request.query = options.query;
  request.mode = options.plain ? search::QueryMode::kPlainText : search::QueryMode::kOperators;
  request.exact = options.exact;
  request.explain = options.explain;
  request.expand = options.expand;
  request.sort = *sort;
  request.limit = options.limit;
  request.offset = (options.page - 1) * options.limit;
  auto page = options.mode == "hybrid" ? workspace->SearchHybrid(request)
                                       : workspace->Search(request);
  if (page.ok() && !page->hybrid_fallback.empty()) {
    fmt::print(stderr, "paperdeck search: searching by keywords alone: {}\n",
               page->hybrid_fallback);
  }
  if (!page.ok()) {
    if (page.status().code() == Status::Code::kInvalidArgument) {
      fmt::print(stderr, "paperdeck search: {}\n", page.status().message());
      return kExitUsage;
    }
    fmt::print(stderr, "paperdeck search: {}\nRun `paperdeck reindex` to rebuild the index.\n",
               page.status().message());
    return kExitFailed;
  }
  if (page->index_behind) WarnIfIndexBehind(*workspace);
  const search::SearchResponse& response = page->response;
  if (response.notice) PrintNotice(options.query, *response.notice);

  if (options.json) {
    nlohmann::json out;
    out["total"] = response.total;
    out["page"] = options.page;
    out["limit"] = options.limit;
    out["mode"] = options.mode == "hybrid" && page->hybrid_fallback.empty() ? "hybrid" : "keyword";
    out["results"] = nlohmann::json::array();
    for (const workspace::FoundPaper& found : page->papers) {
      nlohmann::json j = present::PaperJson(found.paper);
      j["score"] = found.score;
      j.update(present::LibraryFieldsJson(found.library));
      if (found.explanation) j["explanation"] = present::ExplanationJson(*found.explanation);
      out["results"].push_back(std::move(j));
    }
    if (response.notice) {
      out["notice"] = {{"position", response.notice->position},
                       {"message", response.notice->message}};
    }
    if (response.suggestion) {
      out["suggestion"] = {{"query", response.suggestion->query},
                           {"total", response.suggestion->total},
                           {"showing", response.showing_suggestion}};
    }
    if (options.expand) out["expansion"] = present::ExpansionJson(response);
    fmt::print("{}\n", out.dump());
    return kExitOk;
  }

  present::Terminal terminal = present::Terminal::For(stdout);
  present::Style style = present::Style::For(terminal);
  uint64_t total = response.total;
  std::string flags;  // what a suggested command keeps of this one
  if (options.limit != SearchOptions().limit) flags += " --limit " + std::to_string(options.limit);
  if (options.sort != SearchOptions().sort) flags += " --sort " + options.sort;
  if (options.plain) flags += " --plain";
  if (options.explain) flags += " --explain";
  if (options.expand) flags += " --expand";
  if (response.showing_suggestion) {
    fmt::print("Showing results for {}{}{}. Search instead for {}: paperdeck search --exact {}{}\n",
               style.bold, response.suggestion->query, style.reset, options.query,
               AsShellWord(options.query), flags);
  } else if (response.suggestion) {
    fmt::print("Did you mean: {}{}{} ({} result{})? paperdeck search {}{}\n", style.bold,
               response.suggestion->query, style.reset, WithCommas(response.suggestion->total),
               response.suggestion->total == 1 ? "" : "s", AsShellWord(response.suggestion->query),
               flags);
  }
  if (options.expand) {
    fmt::print("{}{}{}\n", style.dim, present::ExpansionLine(response), style.reset);
  }
  if (total == 0) {
    fmt::print("No results in your corpus for {}.\n", options.query);
    return kExitOk;
  }
  fmt::print("{}{} result{} in your corpus{}\n\n", style.bold, total, total == 1 ? "" : "s",
             style.reset);
  present::CardPrinter printer(stdout, terminal);
  text::Analyzer analyzer;
  int32_t today = Today();
  for (const workspace::FoundPaper& found : page->papers) {
    present::Card card =
        present::AsPlainText(present::MakeCard(found.paper.record, found.library, today));
    printer.Print(card, present::HighlightSpans(card.title, response.highlight_terms, analyzer),
                  present::HighlightSpans(card.abstract, response.highlight_terms, analyzer));
    if (found.explanation) {
      for (const std::string& line : present::ExplanationLines(*found.explanation)) {
        fmt::print("{}{}{}\n", style.dim, line, style.reset);
      }
      fmt::print("\n");
    }
  }
  uint64_t first = request.offset + 1, last = request.offset + page->papers.size();
  if (first > total) {
    fmt::print("Page {} is past the last result.\n", options.page);
  } else if (last < total || first > 1) {
    fmt::print("{}Showing {}–{} of {}.{}", style.dim, first, last, total, style.reset);
    if (last < total) {
      std::string next = " --page " + std::to_string(options.page + 1) + flags;
      if (options.exact) next += " --exact";
      fmt::print("{} Next: paperdeck search {}{}{}", style.dim, ShellQuote(options.query), next,
                 style.reset);
    }
    fmt::print("\n");
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
