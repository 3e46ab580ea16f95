#include "http/results_page.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/html_template.h"
#include "model/calendar.h"
#include "model/digit_groups.h"
#include "present/card.h"
#include "present/card_html.h"
#include "present/highlight_spans.h"
#include "present/paper_json.h"
#include "text/analyzer.h"

namespace paperdeck::http {
namespace {

using present::HtmlEscaped;

constexpr size_t kMaxCategoryFacets = 30;  // as /api/search offers them
constexpr size_t kFoldedFacetValues = 8;   // web/facets.js: values shown before "Show all"
constexpr const char* kSorts[] = {"relevance", "newest", "citations", "upvotes", "added", "library"};

// The page's state as its address says it (web/app.js readUrl).
struct PageState {
  std::string q;
  std::string sort = "relevance";
  std::vector<std::string> cat;
  std::vector<std::string> year;
  bool exact = false;
  bool hybrid = false;  // mode=hybrid: search by meaning too
  uint32_t n = kPageCards;
};

std::string FormComponent(std::string_view s) {
  // application/x-www-form-urlencoded, as URLSearchParams writes it: a space as '+'.
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        ch == '*' || ch == '-' || ch == '.' || ch == '_') {
      out += ch;
    } else if (ch == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// The address of state s (web/app.js urlOf), as an attribute's value.
std::string UrlOf(const PageState& s) {
  std::string qs;
  auto add = [&](std::string_view name, std::string_view value) {
    qs += qs.empty() ? "" : "&";
    qs += std::string(name) + "=" + FormComponent(value);
  };
  if (!s.q.empty()) add("q", s.q);
  if (s.sort != "relevance") add("sort", s.sort);
  for (const std::string& c : s.cat) add("cat", c);
  for (const std::string& y : s.year) add("year", y);
  if (s.exact) add("exact", "1");
  if (s.hybrid) add("mode", "hybrid");
  if (s.n > kPageCards) add("n", std::to_string(s.n));
  return HtmlEscaped(qs.empty() ? "/" : "/?" + qs);
}

const std::string* One(const QueryParams& params, const char* name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

std::vector<std::string> All(const QueryParams& params, const char* name) {
  std::vector<std::string> out;
  auto [from, to] = params.equal_range(name);
  for (auto it = from; it != to; ++it) {
    if (!it->second.empty()) out.push_back(it->second);
  }
  return out;
}

PageState ReadState(const QueryParams& params) {
  PageState s;
  if (const std::string* q = One(params, "q")) s.q = *q;
  if (const std::string* sort = One(params, "sort")) {
    for (const char* known : kSorts) {
      if (*sort == known) s.sort = *sort;
    }
  }
  s.cat = All(params, "cat");
  s.year = All(params, "year");
  if (const std::string* exact = One(params, "exact")) s.exact = *exact == "1";
  if (const std::string* mode = One(params, "mode")) s.hybrid = *mode == "hybrid";
  if (const std::string* n = One(params, "n")) {
    long v = 0;
    for (char c : *n) {
      if (c < '0' || c > '9' || v > kMaxShownCards) break;
      v = v * 10 + (c - '0');
    }
    s.n = static_cast<uint32_t>(std::clamp<long>(v, kPageCards, kMaxShownCards));
  }
  return s;
}

// "Searched by keywords only: ..." (web/app.js says the same).
std::string HybridFallbackLine(std::string_view why) {
  return "Searched by keywords only: " + std::string(why) + ".";
}

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

// "8,930 results in your corpus · 3 ms" (web/app.js countLine).
std::string CountLine(uint64_t total, double took_ms) {
  std::string line = WithCommas(total) + (total == 1 ? " result" : " results") + " in your corpus";
  const double shown = std::round(took_ms * 10) / 10;
  line += " · " + (shown < 1 ? std::string("<1") : WithCommas(static_cast<uint64_t>(std::lround(shown)))) + " ms";
  return HtmlEscaped(line);
}

// One facet's values as links (web/facets.js draws the same list as buttons): the chosen ones
// kept (0 when nothing matches them now), those past the first few folded (hidden) unless chosen.
std::string FacetHtml(const PageState& s, bool years, const std::vector<search::FacetCount>& counts,
                      size_t max, size_t* shown_count) {
  struct Shown {
    std::string value;
    std::optional<uint64_t> count;
  };
  std::vector<Shown> shown;
  for (size_t i = 0; i < counts.size() && i < max; ++i) shown.push_back({counts[i].value, counts[i].count});
  const std::vector<std::string>& selected = years ? s.year : s.cat;
  for (const std::string& v : selected) {
    bool listed = false;
    for (const Shown& x : shown) listed = listed || x.value == v;
    if (!listed) {
      shown.push_back({v, v.find('-') == std::string::npos ? std::optional<uint64_t>(0) : std::nullopt});
    }
  }
  *shown_count = shown.size();
  const bool fold = shown.size() > kFoldedFacetValues + 2;
  std::string h;
  for (size_t i = 0; i < shown.size(); ++i) {
    const Shown& f = shown[i];
    bool chosen = false;
    for (const std::string& v : selected) chosen = chosen || v == f.value;
    PageState next = s;
    next.n = kPageCards;
    std::vector<std::string>& list = years ? next.year : next.cat;
    if (chosen) {
      std::erase(list, f.value);
    } else {
      list.push_back(f.value);
    }
    std::string label = f.value;
    if (years) {
      if (size_t dash = label.find('-'); dash != std::string::npos) label.replace(dash, 1, "–");
    }
    h += fold && i >= kFoldedFacetValues && !chosen ? "<li hidden>" : "<li>";
    h += "<a class=\"facet-value\" href=\"" + UrlOf(next) + "\"";
    if (chosen) h += " aria-current=\"true\"";
    h += "><span class=\"v\">" + HtmlEscaped(label) + "</span>";
    if (f.count) h += "<span class=\"n\">" + WithCommas(*f.count) + "</span>";
    h += "</a></li>";
  }
  return h;
}

nlohmann::json FacetsJson(const std::vector<search::FacetCount>& counts, size_t max) {
  nlohmann::json out = nlohmann::json::array();
  for (size_t i = 0; i < counts.size() && i < max; ++i) {
    out.push_back({{"value", counts[i].value}, {"count", counts[i].count}});
  }
  return out;
}

// JSON inside a <script> element: no "</script>" or "<!--" can close or bend it.
std::string DataBlock(const nlohmann::json& data) {
  std::string json = data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out = "<script type=\"application/json\" id=\"first-page\">";
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else {
      out += c;
    }
  }
  return out + "</script>";
}

// Every slot hidden or empty: the page before any view is drawn.
Slots ShellSlots() {
  Slots slots;
  slots["title"] = "PaperDeck";
  for (const char* name : {"facets_hidden", "facet_cat_hidden", "density_hidden", "notice_hidden",
                           "mode_notice_hidden",
                           "suggestion_hidden", "welcome_hidden", "empty_hidden",
                           "empty_filters_hidden", "error_hidden", "more_hidden"}) {
    slots[name] = " hidden";
  }
  slots["sort_relevance"] = " selected";
  slots["more_href"] = "/";
  return slots;
}

void SetState(const PageState& s, Slots* slots) {
  Slots& out = *slots;
  out["title"] = HtmlEscaped(s.q.empty() ? "PaperDeck" : s.q + " – PaperDeck");
  out["q"] = HtmlEscaped(s.q);
  out["sort_relevance"].clear();
  out["sort_" + s.sort] = " selected";
  if (s.hybrid) out["mode_hybrid"] = " checked";
  std::string filters;
  for (const std::string& c : s.cat) {
    filters += "<input type=\"hidden\" name=\"cat\" value=\"" + HtmlEscaped(c) + "\">";
  }
  for (const std::string& y : s.year) {
    filters += "<input type=\"hidden\" name=\"year\" value=\"" + HtmlEscaped(y) + "\">";
  }
  out["form_filters"] = filters;
}

}  // namespace

std::string_view ShellPage(std::string_view page_template) {
  static const std::string page = FillTemplate(page_template, ShellSlots());
  return page;
}

std::string ResultsPageHtml(workspace::Workspace& workspace, std::string_view page_template,
                            const QueryParams& params) {
  Slots slots = ShellSlots();
  // A saved search marks its new papers, which its script reads first: the script draws it.
  if (params.count("watch")) return std::string(ShellPage(page_template));
  const PageState s = ReadState(params);
  SetState(s, &slots);
  if (Blank(s.q) && s.cat.empty() && s.year.empty()) {
    slots["welcome_hidden"].clear();
    return FillTemplate(page_template, slots);
  }

  // The parameters as /api/search reads them: the same checks, the same messages.
  QueryParams api;
  api.emplace("q", s.q);
  api.emplace("sort", s.sort);
  for (const std::string& c : s.cat) api.emplace("cat", c);
  for (const std::string& y : s.year) api.emplace("year", y);
  if (s.exact) api.emplace("exact", "1");
  if (s.hybrid) api.emplace("mode", "hybrid");
  SearchParams p;
  ParamError bad;
  std::optional<std::string> error;
  if (!ParseSearchParams(api, &p, &bad)) error = bad.message;

  search::SearchRequest request;
  request.query = p.q;
  request.sort = p.order;
  // As many cards as the address says were shown, in whole pages: the script adds pages of 20.
  request.limit = (s.n + kPageCards - 1) / kPageCards * kPageCards;
  request.offset = 0;
  request.categories = p.categories;
  request.years = p.years;
  request.facets = true;
  request.exact = p.exact;
  Result<workspace::SearchPage> page = Status::InvalidArgument("not searched");
  double took_ms = 0;
  if (!error) {
    const auto started = std::chrono::steady_clock::now();
    page = p.hybrid ? workspace.SearchHybrid(request) : workspace.Search(request);
    took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                  .count();
    if (!page.ok()) error = page.status().message();
  }
  if (error) {
    // The script asks again and says the same; without it, this is what the person reads.
    slots["error_hidden"].clear();
    slots["error_message"] = HtmlEscaped(*error);
    return FillTemplate(page_template, slots);
  }
  const search::SearchResponse& response = page->response;

  thread_local text::Analyzer analyzer;
  const int32_t today = Today();
  std::string cards;
  nlohmann::json results = nlohmann::json::array();
  for (const workspace::FoundPaper& found : page->papers) {
    const present::Card card = present::MakeCard(found.paper.record, found.library, today);
    cards += present::CardHtml(
        found.paper, card, present::HighlightSpans(card.title, response.highlight_terms, analyzer),
        present::HighlightSpans(card.abstract, response.highlight_terms, analyzer));
    nlohmann::json r = present::LibraryFieldsJson(found.library);
    r["id"] = found.paper.record.id;
    results.push_back(std::move(r));
  }
  const size_t shown = page->papers.size();
  const uint64_t total = response.total;
  slots["cards"] = std::move(cards);
  if (total > 0) slots["count"] = CountLine(total, took_ms);
  if (shown > 0) slots["density_hidden"].clear();

  size_t cat_values = 0, year_values = 0;
  slots["facet_cat"] = FacetHtml(s, false, response.facets.categories, kMaxCategoryFacets, &cat_values);
  slots["facet_year"] =
      FacetHtml(s, true, response.facets.years, response.facets.years.size(), &year_values);
  if (cat_values > 0) slots["facet_cat_hidden"].clear();
  if (!s.cat.empty() || !s.year.empty() || cat_values > 0 || year_values > 0) {
    slots["facets_hidden"].clear();
  }

  if (response.notice) {
    std::string message = response.notice->message;
    if (response.notice->kind == search::QueryNotice::Kind::kReadAs) {
      if (!message.empty() && message[0] >= 'a' && message[0] <= 'z') message[0] -= 'a' - 'A';
      message += ".";
    } else {
      message = "Could not read the query as operators (" + message +
                "); searched for the words instead.";
    }
    slots["notice"] = HtmlEscaped(message);
    slots["notice_hidden"].clear();
  }
  if (!page->hybrid_fallback.empty()) {
    slots["mode_notice"] = HtmlEscaped(HybridFallbackLine(page->hybrid_fallback));
    slots["mode_notice_hidden"].clear();
  }
  nlohmann::json suggestion;
  if (response.suggestion) {
    const std::string& to = response.suggestion->query;
    PageState corrected = s, as_typed = s;
    corrected.q = to;
    corrected.exact = false;
    corrected.n = as_typed.n = kPageCards;
    as_typed.exact = true;
    const std::string link = "<a class=\"suggested-query\" href=\"" + UrlOf(corrected) + "\">" +
                             HtmlEscaped(to) + "</a>";
    if (response.showing_suggestion) {
      slots["suggestion"] = "Showing results for " + link + ". Search instead for <a href=\"" +
                            UrlOf(as_typed) + "\">" + HtmlEscaped(s.q) + "</a>.";
    } else {
      const uint64_t n = response.suggestion->total;
      slots["suggestion"] = "Did you mean: " + link + " (" + WithCommas(n) +
                            (n == 1 ? " result" : " results") + ")?";
    }
    slots["suggestion_hidden"].clear();
    suggestion = {{"query", to},
                  {"total", response.suggestion->total},
                  {"showing", response.showing_suggestion}};
  }
  if (total == 0) {
    slots["empty_hidden"].clear();
    slots["empty_query"] = HtmlEscaped(s.q);
    if (!s.cat.empty() || !s.year.empty()) slots["empty_filters_hidden"].clear();
  }
  if (shown > 0 && shown < total) {
    PageState more = s;
    more.n = static_cast<uint32_t>(shown) + kPageCards;
    slots["more_href"] = UrlOf(more);
    slots["more_hidden"].clear();
  }

  nlohmann::json data = {
      {"total", total},
      {"took_ms", std::round(took_ms * 10) / 10},
      {"facets",
       {{"categories", FacetsJson(response.facets.categories, kMaxCategoryFacets)},
        {"years", FacetsJson(response.facets.years, response.facets.years.size())}}},
      {"suggestion", std::move(suggestion)},
      {"results", std::move(results)}};
  slots["first_page"] = DataBlock(data);
  return FillTemplate(page_template, slots);
}

}  // namespace paperdeck::http
