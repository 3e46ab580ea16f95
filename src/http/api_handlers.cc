#include "http/api_handlers.h"

#include <chrono>
#include <cmath>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "cite/cited_paper.h"
#include "cite/export_format.h"
#include "library/citation_key.h"
#include "model/calendar.h"
#include "present/card.h"
#include "present/expansion.h"
#include "present/explanation_json.h"
#include "present/highlight_spans.h"
#include "present/library_json.h"
#include "present/note_html.h"
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

// The year filters as given: "2024", or "2021-2024" for a range.
nlohmann::json YearsJson(const std::vector<search::YearRange>& years) {
  nlohmann::json out = nlohmann::json::array();
  for (const search::YearRange& y : years) {
    out.push_back(y.low == y.high ? std::to_string(y.low)
                                  : std::to_string(y.low) + "-" + std::to_string(y.high));
  }
  return out;
}

constexpr size_t kMaxTagsPerChange = 100;

bool ValidId(std::string_view id) { return !id.empty() && id.size() <= 256 && IsValidUtf8(id); }

ApiResponse BadId() {
  return ErrorResponse(400, "a paper id is an arXiv id, a DOI or a canonical id", "id");
}

// body[key], absent or an array of at most kMaxTagsPerChange strings.
Result<std::vector<std::string>> TagList(const nlohmann::json& body, const char* key) {
  std::vector<std::string> out;
  auto it = body.find(key);
  if (it == body.end()) return out;
  if (!it->is_array() || it->size() > kMaxTagsPerChange) {
    return Status::InvalidArgument(std::string(key) + " is a list of at most " +
                                   std::to_string(kMaxTagsPerChange) + " tag names");
  }
  for (const nlohmann::json& name : *it) {
    if (!name.is_string()) return Status::InvalidArgument(std::string(key) + " holds a tag name that is not a string");
    out.push_back(name.get<std::string>());
  }
  return out;
}

// body["text"]: a string.
Result<std::string> NoteText(const nlohmann::json& body) {
  auto it = body.find("text");
  if (it == body.end() || !it->is_string()) return Status::InvalidArgument("text is the note's Markdown, a string");
  return it->get<std::string>();
}

// A note id from the path: a positive whole number.
std::optional<int64_t> NoteId(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v > 0 ? std::optional<int64_t>(v) : std::nullopt;
}

// The key PinCitationKeys would give the paper now: its pinned key, else the first candidate no
// other paper holds. Reads only.
Result<std::pair<std::string, bool>> CitationKeyToShow(library::Corpus& corpus,
                                                       const library::StoredPaper& paper) {
  auto pinned = corpus.CitationKeyOf(paper.key);
  if (!pinned.ok()) return pinned.status();
  if (*pinned) return std::make_pair(**pinned, true);
  const std::string base = library::CitationKeyBase(paper.record);
  for (int n = 0;; ++n) {
    std::string candidate = library::CitationKeyCandidate(base, n);
    auto holder = corpus.Find(candidate);
    if (!holder.ok()) return holder.status();
    if (!*holder || (*holder)->key == paper.key) return std::make_pair(candidate, false);
  }
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message, std::string_view param) {
  ApiResponse r;
  r.status = status;
  r.body = {{"error", message}};
  if (!param.empty()) r.body["param"] = param;
  return r;
}

ApiResponse FailedResponse(const Status& status) {
  switch (status.code()) {
    case Status::Code::kInvalidArgument: return ErrorResponse(400, status.message());
    case Status::Code::kNotFound: return ErrorResponse(404, status.message());
    case Status::Code::kBusy: return ErrorResponse(409, status.message());
    default: return ErrorResponse(500, status.message());
  }
}

Result<nlohmann::json> BodyObject(std::string_view body) {
  if (!IsValidUtf8(body)) return Status::InvalidArgument("the body is not UTF-8");
  nlohmann::json j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("the body is not valid JSON");
  if (!j.is_object()) return Status::InvalidArgument("the body is a JSON object");
  return j;
}

ApiHandlers::ApiHandlers(workspace::Workspace& workspace)
    : workspace_(workspace), pulls_(workspace) {}

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
  request.exact = p.exact;
  request.explain = p.explain;
  request.expand = p.expand;
  const auto started = std::chrono::steady_clock::now();
  auto page = p.hybrid ? workspace_.SearchHybrid(request) : workspace_.Search(request);
  const double took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
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
    present::Card card = present::MakeCard(found.paper.record, found.library, today);
    nlohmann::json j = present::PaperJson(found.paper);
    j["url"] = present::PaperUrl(found.paper.record);
    j["pdf"] = present::PaperPdfUrl(found.paper.record);
    j["score"] = found.score;
    j.update(present::LibraryFieldsJson(found.library));
    j["card"] = present::CardJson(card);
    if (found.explanation) j["explanation"] = present::ExplanationJson(*found.explanation);
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
              {"years", YearsJson(p.years)},
              {"total", response.total},
              {"mode", p.hybrid && page->hybrid_fallback.empty() ? "hybrid" : "keyword"},
              {"took_ms", std::round(took_ms * 10) / 10},
              {"facets",
               {{"categories", FacetsJson(response.facets.categories, kMaxCategoryFacets)},
                {"years", FacetsJson(response.facets.years, response.facets.years.size())}}},
              {"results", std::move(results)}};
  if (!page->hybrid_fallback.empty()) out.body["hybrid_fallback"] = page->hybrid_fallback;
  if (p.expand) out.body["expansion"] = present::ExpansionJson(response);
  out.body["notice"] = response.notice
                           ? nlohmann::json{{"position", response.notice->position},
                                            {"message", response.notice->message},
                                            {"kind", response.notice->kind ==
                                                             search::QueryNotice::Kind::kReadAs
                                                         ? "read_as"
                                                         : "not_parsed"}}
                           : nlohmann::json();
  out.body["suggestion"] = response.suggestion
                               ? nlohmann::json{{"query", response.suggestion->query},
                                                {"total", response.suggestion->total},
                                                {"showing", response.showing_suggestion}}
                               : nlohmann::json();
  return out;
}

ApiResponse ApiHandlers::Paper(std::string_view id) {
  if (!ValidId(id)) return BadId();
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto found = (*corpus)->Find(id);
  if (!found.ok()) return ErrorResponse(500, found.status().message());
  if (!*found) return ErrorResponse(404, "no paper with id '" + std::string(id) + "' in the corpus");
  const library::StoredPaper& paper = **found;
  ApiResponse out;
  out.body = present::PaperDetailJson(paper);
  out.body["url"] = present::PaperUrl(paper.record);
  out.body["pdf"] = present::PaperPdfUrl(paper.record);
  out.body["card"] = present::CardJson(present::MakeCard(paper.record, Today()));
  auto library = (*corpus)->LibraryOf(paper.key);
  if (!library.ok()) return ErrorResponse(500, library.status().message());
  out.body["library"] = present::LibraryEntryPageJson(*library);
  auto provenance = (*corpus)->ProvenanceOf(paper.key);
  if (!provenance.ok()) return ErrorResponse(500, provenance.status().message());
  out.body["provenance"] = nlohmann::json::array();
  for (const library::Corpus::Provenance& p : *provenance) {
    out.body["provenance"].push_back({{"source", p.source}, {"origin", p.origin},
                                      {"field", p.field}, {"value", p.value},
                                      {"seen_at", p.seen_at}});
  }
  return out;
}

ApiResponse ApiHandlers::Stats() {
  Result<library::CorpusStats> stats = [&]() -> Result<library::CorpusStats> {
    auto corpus = workspace_.Corpus();
    if (!corpus.ok()) return corpus.status();
    std::lock_guard<std::mutex> lock(stats_mutex_);
    Result<int64_t> revision = (*corpus)->Revision();
    if (!revision.ok()) return revision.status();
    if (!stats_ || stats_->revision != *revision) {
      Result<library::CorpusStats> read = (*corpus)->Stats();
      if (!read.ok()) return read.status();
      stats_ = std::move(*read);
    }
    return *stats_;
  }();
  if (!stats.ok()) return ErrorResponse(500, stats.status().message());
  auto index = workspace_.IndexStateAt(stats->revision);
  if (!index.ok()) return ErrorResponse(500, index.status().message());
  ApiResponse out;
  out.body = present::StatsJson(*stats, *index);
  return out;
}

ApiResponse ApiHandlers::Queue() {
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto queue = (*corpus)->Queue();
  if (!queue.ok()) return ErrorResponse(500, queue.status().message());
  const int32_t today = Today();
  nlohmann::json papers = nlohmann::json::array();
  for (const library::Corpus::QueueEntry& e : *queue) {
    auto library = (*corpus)->LibraryOf(e.paper.key);
    if (!library.ok()) return ErrorResponse(500, library.status().message());
    nlohmann::json j = present::PaperJson(e.paper);
    j["url"] = present::PaperUrl(e.paper.record);
    j["card"] = present::CardJson(present::MakeCard(e.paper.record, today));
    j["marked_at"] = e.marked_at;
    j["tags"] = library->tags;
    j["state"] = library->state ? nlohmann::json(library::ReadingStateName(library->state->state))
                                : nlohmann::json();
    papers.push_back(std::move(j));
  }
  ApiResponse out;
  out.body = {{"total", papers.size()}, {"papers", std::move(papers)}};
  return out;
}

ApiResponse ApiHandlers::Tags() {
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto tags = (*corpus)->Tags();
  if (!tags.ok()) return ErrorResponse(500, tags.status().message());
  ApiResponse out;
  out.body = {{"tags", present::TagCountsJson(*tags)}};
  return out;
}

ApiResponse ApiHandlers::Cite(std::string_view id, const QueryParams& params) {
  std::string format = "bibtex";
  if (params.count("format") > 1) return ErrorResponse(400, "format is given once", "format");
  if (auto it = params.find("format"); it != params.end()) format = it->second;
  return Citation(id, format, /*pin=*/false);
}

ApiResponse ApiHandlers::PinCite(std::string_view id, std::string_view body) {
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  std::string format = "bibtex";
  if (auto it = j->find("format"); it != j->end()) {
    if (!it->is_string()) return ErrorResponse(400, "format is a string", "format");
    format = it->get<std::string>();
  }
  return Citation(id, format, /*pin=*/true);
}

ApiResponse ApiHandlers::Citation(std::string_view id, std::string_view format_name, bool pin) {
  std::optional<cite::ExportFormat> format = cite::ParseExportFormat(format_name);
  if (!format || *format == cite::ExportFormat::kJsonl) {
    return ErrorResponse(400, "format is one of bibtex, biblatex, csl-json, ris", "format");
  }
  if (!ValidId(id)) return BadId();
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto found = (*corpus)->Find(id);
  if (!found.ok()) return ErrorResponse(500, found.status().message());
  if (!*found) return ErrorResponse(404, "no paper with id '" + std::string(id) + "' in the corpus");
  std::vector<cite::CitedPaper> papers;
  bool pinned = pin;
  if (pin) {
    const int64_t key = (*found)->key;
    auto gathered = cite::GatherCitedPapers(**corpus, std::span<const int64_t>(&key, 1));
    if (!gathered.ok()) return ErrorResponse(500, gathered.status().message());
    papers = std::move(gathered).value();
  } else {
    auto key = CitationKeyToShow(**corpus, **found);
    if (!key.ok()) return ErrorResponse(500, key.status().message());
    auto library = (*corpus)->LibraryOf((*found)->key);
    if (!library.ok()) return ErrorResponse(500, library.status().message());
    pinned = key->second;
    papers.push_back(cite::CitedPaper{**found, key->first, std::move(library).value()});
  }
  if (papers.empty()) return ErrorResponse(404, "no paper with id '" + std::string(id) + "' in the corpus");
  ApiResponse out;
  out.body = {{"id", papers[0].paper.record.id},
              {"format", std::string(format_name)},
              {"key", papers[0].citation_key},
              {"pinned", pinned},
              {"text", cite::WriteCitations(*format, papers)}};
  return out;
}

ApiResponse ApiHandlers::ChangeLibrary(
    std::string_view id, const std::function<Status(library::Corpus&, int64_t key)>& change) {
  if (!ValidId(id)) return BadId();
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto found = (*corpus)->Find(id);
  if (!found.ok()) return ErrorResponse(500, found.status().message());
  if (!*found) return ErrorResponse(404, "no paper with id '" + std::string(id) + "' in the corpus");
  const int64_t key = (*found)->key;
  if (change) {
    Status changed = change(**corpus, key);
    if (!changed.ok()) return FailedResponse(changed);
  }
  auto library = (*corpus)->LibraryOf(key);
  if (!library.ok()) return ErrorResponse(500, library.status().message());
  ApiResponse out;
  out.body = {{"id", (*found)->record.id}, {"library", present::LibraryEntryPageJson(*library)}};
  return out;
}

ApiResponse ApiHandlers::ChangeTags(std::string_view id, std::string_view body) {
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  auto add = TagList(*j, "add");
  if (!add.ok()) return ErrorResponse(400, add.status().message(), "add");
  auto remove = TagList(*j, "remove");
  if (!remove.ok()) return ErrorResponse(400, remove.status().message(), "remove");
  if (add->empty() && remove->empty()) {
    return ErrorResponse(400, "nothing to change: give tag names in add or remove");
  }
  return ChangeLibrary(id, [&](library::Corpus& corpus, int64_t key) {
    return corpus.ChangeTags(std::span<const int64_t>(&key, 1), *add, *remove);
  });
}

ApiResponse ApiHandlers::SetState(std::string_view id, std::string_view body) {
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  auto it = j->find("state");
  std::optional<library::ReadingState> state;
  if (it == j->end() || !(it->is_null() || it->is_string()) ||
      (it->is_string() && !(state = library::ParseReadingState(it->get<std::string>())))) {
    return ErrorResponse(400, "state is \"to-read\", \"reading\", \"read\" or null", "state");
  }
  return ChangeLibrary(id, [&](library::Corpus& corpus, int64_t key) {
    return corpus.SetReadingState(std::span<const int64_t>(&key, 1), state);
  });
}

ApiResponse ApiHandlers::AddNote(std::string_view id, std::string_view body) {
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  auto text = NoteText(*j);
  if (!text.ok()) return ErrorResponse(400, text.status().message(), "text");
  return ChangeLibrary(id, [&](library::Corpus& corpus, int64_t key) {
    return corpus.AddNote(key, *text).status();
  });
}

ApiResponse ApiHandlers::EditNote(std::string_view id, std::string_view note_id,
                                  std::string_view body) {
  std::optional<int64_t> note = NoteId(note_id);
  if (!note) return ErrorResponse(400, "a note id is a positive whole number", "note_id");
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  auto text = NoteText(*j);
  if (!text.ok()) return ErrorResponse(400, text.status().message(), "text");
  return ChangeLibrary(id, [&](library::Corpus& corpus, int64_t key) {
    return corpus.EditNote(key, *note, *text);
  });
}

ApiResponse ApiHandlers::DeleteNote(std::string_view id, std::string_view note_id) {
  std::optional<int64_t> note = NoteId(note_id);
  if (!note) return ErrorResponse(400, "a note id is a positive whole number", "note_id");
  return ChangeLibrary(id, [&](library::Corpus& corpus, int64_t key) {
    return corpus.DeleteNote(key, *note);
  });
}

}  // namespace paperdeck::http
