#include "http/api_handlers.h"

#include <string>
#include <utility>
#include <vector>

#include "model/calendar.h"
#include "present/card.h"
#include "present/highlight_spans.h"
#include "present/paper_json.h"
#include "present/stats_json.h"
#include "text/analyzer.h"

namespace paperdeck::http {
namespace {

constexpr size_t kMaxCategoryFacets = 30;

nlohmann::json FacetsJson(const std::vector<search::FacetCount>& counts, size_t max) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < counts.size() && i < max; ++i) {
    out.push_back({{"value", counts[i].value}, {"count", counts[i].count}});
  }
  return out;
}

std::string QuoteForShell(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message, std::string_view param) {
  ApiResponse r;
  r.status = status;
  r.body = {{"error", message}};
  if (!param.empty()) r.body["param"] = param;
  return r;
}

ApiHandlers::ApiHandlers(workspace::Workspace& workspace) : workspace_(workspace) {}

ApiResponse ApiHandlers::Search(const QueryParams& params) {
  SearchParams p;
  ParamError bad;
  if (!ParseSearchParams(params, &p, &bad)) return ErrorResponse(400, bad.message, bad.param);

  search::SearchRequest request;
  request.query = p.q;
  request.sort = p.order;
  request.limit = p.limit;
  request.offset = (p.page - 1) * p.limit;
  request.categories = p.categories;
  request.years = p.years;
  request.facets = true;
  auto page = workspace_.Search(request);
  if (!page.ok()) {
    // The request was checked above: what fails now is the data directory, or a page the
    // searcher cannot serve.
    return ErrorResponse(page.status().code() == Status::Code::kInvalidArgument ? 400 : 500,
                         page.status().message());
  }
  const search::SearchResponse& response = page->response;

  thread_local text::Analyzer analyzer;
  const int32_t today = Today();
  nlohmann::json results = nlohmann::json::array();
  for (const workspace::FoundPaper& found : page->papers) {
    present::Card card = present::MakeCard(found.paper.record, today);
    nlohmann::json j = present::PaperJson(found.paper);
    j["url"] = present::PaperUrl(found.paper.record);
    j["score"] = found.score;
    j["card"] = present::CardJson(card);
    j["highlights"] = {
        {"title", present::SpansJson(present::HighlightSpans(card.title, response.highlight_terms,
                                                             analyzer))},
        {"abstract", present::SpansJson(present::HighlightSpans(
                         card.abstract, response.highlight_terms, analyzer))}};
    results.push_back(std::move(j));
  }

  ApiResponse out;
  out.body = {{"query", p.q},
              {"sort", p.sort},
              {"page", p.page},
              {"limit", p.limit},
              {"categories", p.categories},
              {"years", p.years},
              {"total", response.total},
              {"facets",
               {{"categories", FacetsJson(response.facets.categories, kMaxCategoryFacets)},
                {"years", FacetsJson(response.facets.years, response.facets.years.size())}}},
              {"results", std::move(results)}};
  out.body["notice"] = response.notice
                           ? nlohmann::json{{"position", response.notice->position},
                                            {"message", response.notice->message}}
                           : nlohmann::json();
  return out;
}

ApiResponse ApiHandlers::Paper(std::string_view id) {
  if (id.empty() || id.size() > 256 || !IsValidUtf8(id)) {
    return ErrorResponse(400, "a paper id is an arXiv id, a DOI or a canonical id", "id");
  }
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto found = (*corpus)->Find(id);
  if (!found.ok()) return ErrorResponse(500, found.status().message());
  if (!*found) return ErrorResponse(404, "no paper with id '" + std::string(id) + "' in the corpus");
  const library::StoredPaper& paper = **found;
  ApiResponse out;
  out.body = present::PaperDetailJson(paper);
  out.body["url"] = present::PaperUrl(paper.record);
  out.body["card"] = present::CardJson(present::MakeCard(paper.record, Today()));
  return out;
}

ApiResponse ApiHandlers::Stats() {
  Result<library::CorpusStats> stats = [&]() -> Result<library::CorpusStats> {
    auto corpus = workspace_.Corpus();
    if (!corpus.ok()) return corpus.status();
    return (*corpus)->Stats();
  }();
  if (!stats.ok()) return ErrorResponse(500, stats.status().message());
  auto index = workspace_.IndexStateAt(stats->revision);
  if (!index.ok()) return ErrorResponse(500, index.status().message());
  ApiResponse out;
  out.body = present::StatsJson(*stats, *index);
  return out;
}

ApiResponse ApiHandlers::Pull(const QueryParams& params) {
  std::string q;
  if (auto it = params.find("q"); it != params.end() && it->second.size() <= kMaxQueryBytes &&
                                  IsValidUtf8(it->second)) {
    q = it->second;
  }
  ApiResponse out = ErrorResponse(
      501, "the server does not pull from arXiv (it needs the network): run the command, then "
           "search again");
  out.body["command"] = "paperdeck pull " + QuoteForShell(q.empty() ? "QUERY" : q);
  return out;
}

}  // namespace paperdeck::http
