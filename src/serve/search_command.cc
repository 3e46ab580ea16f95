#include "serve/search_command.h"

#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "index/index_reader.h"
#include "library/corpus.h"
#include "model/calendar.h"
#include "search/highlighter.h"
#include "search/searcher.h"
#include "serve/card.h"
#include "serve/card_printer.h"
#include "serve/exit_code.h"
#include "serve/paper_json.h"
#include "text/analyzer.h"

namespace paperdeck::serve {
namespace {

std::optional<search::SortOrder> ParseSort(const std::string& s) {
  if (s == "relevance") return search::SortOrder::kRelevance;
  if (s == "newest" || s == "date") return search::SortOrder::kNewest;
  if (s == "citations" || s == "cited") return search::SortOrder::kCitations;
  if (s == "upvotes") return search::SortOrder::kUpvotes;
  return std::nullopt;
}

std::vector<ByteSpan> Spans(std::string_view text, const std::vector<std::string>& terms,
                            text::Analyzer& analyzer) {
  std::vector<ByteSpan> spans;
  for (const auto& s : search::Highlight(text, terms, analyzer)) spans.push_back({s.begin, s.end});
  return spans;
}

std::string QuoteForShell(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Where the query was not understood, pointed at under the query.
void PrintNotice(const std::string& query, const search::QueryNotice& notice) {
  fmt::print(stderr, "paperdeck: could not read the query as operators at column {}: {}\n",
             notice.position + 1, notice.message);
  fmt::print(stderr, "  {}\n  {}^\n", query, std::string(notice.position, ' '));
  fmt::print(stderr, "Searched for the words instead.\n");
}

}  // namespace

int RunSearch(const SearchOptions& options) {
  auto sort = ParseSort(options.sort);
  if (!sort) {
    fmt::print(stderr, "paperdeck search: unknown --sort '{}' (relevance, newest, citations, "
                       "upvotes)\n", options.sort);
    return kExitUsage;
  }
  if (options.page == 0 || options.limit == 0 || options.limit > 1000) {
    fmt::print(stderr, "paperdeck search: --page must be 1 or more and --limit 1 to 1000\n");
    return kExitUsage;
  }
  auto corpus = library::Corpus::Open(options.data.root);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck search: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto reader = index::IndexReader::Open(options.data.index_dir());
  if (!reader.ok()) {
    fmt::print(stderr, "paperdeck search: {}\nRun `paperdeck reindex` to rebuild the index.\n",
               reader.status().message());
    return kExitFailed;
  }
  if (auto revision = (*corpus)->Revision(); revision.ok() && *revision > (*reader)->corpus_revision()) {
    fmt::print(stderr, "paperdeck: the index is behind the corpus (an import did not finish); "
                       "results may miss recent papers. Run `paperdeck reindex`.\n");
  }

  search::Searcher searcher(*reader);
  search::SearchRequest request;
  request.query = options.query;
  request.mode = options.plain ? search::QueryMode::kPlainText : search::QueryMode::kOperators;
  request.sort = *sort;
  request.limit = options.limit;
  request.offset = (options.page - 1) * options.limit;
  auto response = searcher.Search(request);
  if (!response.ok()) {
    fmt::print(stderr, "paperdeck search: {}\n", response.status().message());
    return kExitUsage;
  }
  if (response->notice) PrintNotice(options.query, *response->notice);

  std::vector<int64_t> keys;
  for (const auto& hit : response->hits) keys.push_back(static_cast<int64_t>(hit.paper_key));
  auto papers = (*corpus)->Get(keys);
  if (!papers.ok()) {
    fmt::print(stderr, "paperdeck search: {}\n", papers.status().message());
    return kExitFailed;
  }

  if (options.json) {
    nlohmann::json out;
    out["total"] = response->total;
    out["page"] = options.page;
    out["limit"] = options.limit;
    out["results"] = nlohmann::json::array();
    for (size_t i = 0; i < papers->size(); ++i) {
      nlohmann::json j = PaperJson((*papers)[i]);
      j["score"] = response->hits[i].score;
      out["results"].push_back(std::move(j));
    }
    if (response->notice) {
      out["notice"] = {{"position", response->notice->position},
                       {"message", response->notice->message}};
    }
    fmt::print("{}\n", out.dump());
    return kExitOk;
  }

  Terminal terminal = Terminal::For(stdout);
  Style style = Style::For(terminal);
  uint64_t total = response->total;
  if (total == 0) {
    fmt::print("No results in your corpus for {}.\n", options.query);
    return kExitOk;
  }
  fmt::print("{}{} result{} in your corpus{}\n\n", style.bold, total, total == 1 ? "" : "s",
             style.reset);
  CardPrinter printer(stdout, terminal);
  text::Analyzer analyzer;
  int32_t today = Today();
  for (const auto& paper : *papers) {
    Card card = MakeCard(paper.record, today);
    printer.Print(card, Spans(card.title, response->highlight_terms, analyzer),
                  Spans(card.abstract, response->highlight_terms, analyzer));
  }
  uint64_t first = request.offset + 1, last = request.offset + papers->size();
  if (first > total) {
    fmt::print("Page {} is past the last result.\n", options.page);
  } else if (last < total || first > 1) {
    fmt::print("{}Showing {}–{} of {}.{}", style.dim, first, last, total, style.reset);
    if (last < total) {
      std::string flags = " --page " + std::to_string(options.page + 1);
      if (options.limit != SearchOptions().limit) flags += " --limit " + std::to_string(options.limit);
      if (options.sort != SearchOptions().sort) flags += " --sort " + options.sort;
      if (options.plain) flags += " --plain";
      fmt::print("{} Next: paperdeck search {}{}{}", style.dim, QuoteForShell(options.query), flags,
                 style.reset);
    }
    fmt::print("\n");
  }
  return kExitOk;
}

}  // namespace paperdeck::serve
