#include "serve/api_handlers.h"

#include <string>
#include <utility>
#include <vector>

#include "model/calendar.h"
#include "search/highlighter.h"
#include "serve/card.h"
#include "serve/paper_json.h"
#include "text/analyzer.h"

namespace paperdeck::serve {
namespace {

constexpr size_t kMaxCategoryFacets = 30;

// Where the title links: the arXiv abstract page when the paper has an arXiv id, else its first
// link, else nothing.
nlohmann::json PaperUrl(const PaperRecord& r) {
  if (!r.arxiv_id.empty()) return "https://arxiv.org/abs/" + r.arxiv_id;
  for (const std::string& link : r.links) {
    if (link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0) return link;
  }
  return nullptr;
}

nlohmann::json CardJson(const Card& card) {
  return {{"badge", card.badge},   {"when", card.when},       {"signal", card.signal},
          {"title", card.title},   {"authors", card.authors}, {"abstract", card.abstract},
          {"meta", card.MetaParts()}};
}

// Byte spans [begin, end) into text, as pairs.
nlohmann::json SpansJson(std::string_view text, const std::vector<std::string>& terms,
                         text::Analyzer& analyzer) {
  nlohmann::json spans = nlohmann::json::array();
  for (const search::HighlightSpan& s : search::Highlight(text, terms, analyzer)) {
    spans.push_back({s.begin, s.end});
  }
  return spans;
}

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

ApiHandlers::ApiHandlers(const DataDir& data)
    : data_(data), snapshots_(data.index_dir()), corpora_(data.root) {}

ApiResponse ApiHandlers::Search(const QueryParams& params) {
  SearchParams p;
  ParamError bad;
  if (!ParseSearchParams(params, &p, &bad)) return ErrorResponse(400, bad.message, bad.param);

  auto snapshot = snapshots_.Current();
  if (!snapshot.ok()) return ErrorResponse(500, snapshot.status().message());
  search::SearchRequest request;
  request.query = p.q;
  request.sort = p.order;
  request.limit = p.limit;
  request.offset = (p.page - 1) * p.limit;
  request.categories = p.categories;
  request.years = p.years;
  request.facets = true;
  auto response = snapshot->searcher->Search(request);
  if (!response.ok()) return ErrorResponse(400, response.status().message());

  std::vector<int64_t> keys;
  for (const search::SearchHit& hit : response->hits) {
    keys.push_back(static_cast<int64_t>(hit.paper_key));
  }
  auto corpus = corpora_.Borrow();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto papers = (*corpus)->Get(keys);
  if (!papers.ok()) return ErrorResponse(500, papers.status().message());

  thread_local text::Analyzer analyzer;
  const int32_t today = Today();
  nlohmann::json results = nlohmann::json::array();
  // Get leaves out papers removed since the snapshot; scores follow the keys that remain.
  size_t h = 0;
  for (const library::StoredPaper& paper : *papers) {
    while (h < response->hits.size() &&
           static_cast<int64_t>(response->hits[h].paper_key) != paper.key) {
      ++h;
    }
    Card card = MakeCard(paper.record, today);
    nlohmann::json j = PaperJson(paper);
    j["url"] = PaperUrl(paper.record);
    j["score"] = h < response->hits.size() ? response->hits[h].score : 0.0f;
    j["card"] = CardJson(card);
    j["highlights"] = {{"title", SpansJson(card.title, response->highlight_terms, analyzer)},
                       {"abstract", SpansJson(card.abstract, response->highlight_terms, analyzer)}};
    results.push_back(std::move(j));
  }

  ApiResponse out;
  out.body = {{"query", p.q},
              {"sort", p.sort},
              {"page", p.page},
              {"limit", p.limit},
              {"categories", p.categories},
              {"years", p.years},
              {"total", response->total},
              {"facets",
               {{"categories", FacetsJson(response->facets.categories, kMaxCategoryFacets)},
                {"years", FacetsJson(response->facets.years, response->facets.years.size())}}},
              {"results", std::move(results)}};
  out.body["notice"] = response->notice
                           ? nlohmann::json{{"position", response->notice->position},
                                            {"message", response->notice->message}}
                           : nlohmann::json();
  return out;
}

ApiResponse ApiHandlers::Paper(std::string_view id) {
  if (id.empty() || id.size() > 256 || !IsValidUtf8(id)) {
    return ErrorResponse(400, "a paper id is an arXiv id, a DOI or a canonical id", "id");
  }
  auto corpus = corpora_.Borrow();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto found = (*corpus)->Find(id);
  if (!found.ok()) return ErrorResponse(500, found.status().message());
  if (!*found) return ErrorResponse(404, "no paper with id '" + std::string(id) + "' in the corpus");
  const library::StoredPaper& paper = **found;
  const PaperRecord& r = paper.record;
  ApiResponse out;
  out.body = PaperJson(paper);
  out.body["url"] = PaperUrl(r);
  out.body["card"] = CardJson(MakeCard(r, Today()));
  out.body["arxiv_id"] = r.arxiv_id;
  out.body["doi"] = r.doi;
  out.body["updated"] = r.updated;
  out.body["badges"] = r.badges;
  out.body["links"] = r.links;
  out.body["comments"] = r.comments;
  out.body["journal_ref"] = r.journal_ref;
  out.body["versions"] = nlohmann::json::array();
  for (const auto& v : r.versions) {
    out.body["versions"].push_back({{"name", v.name}, {"date", v.date}});
  }
  return out;
}

ApiResponse ApiHandlers::Stats() {
  auto corpus = corpora_.Borrow();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto stats = (*corpus)->Stats();
  if (!stats.ok()) return ErrorResponse(500, stats.status().message());
  auto snapshot = snapshots_.Current();
  if (!snapshot.ok()) return ErrorResponse(500, snapshot.status().message());
  const index::IndexReader& index = *snapshot->reader;
  ApiResponse out;
  out.body["papers"] = stats->papers;
  out.body["revision"] = stats->revision;
  out.body["earliest"] = stats->earliest_date;
  out.body["latest"] = stats->latest_date;
  out.body["categories"] = stats->top_categories;
  out.body["sources"] = stats->by_source;
  out.body["database_bytes"] = stats->database_bytes;
  nlohmann::json& j = out.body["index"];
  j["documents"] = index.live_doc_count();
  j["segments"] = index.segments().size();
  j["bytes"] = index.size_bytes();
  j["revision"] = index.corpus_revision();
  j["behind"] = index.corpus_revision() < stats->revision;
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

}  // namespace paperdeck::serve
