// ApiHandlers' discovery: GET /api/papers/{id}/related?limit= answers the papers most like one
// paper (workspace/related_papers.h), GET /api/recommend?q=&limit=&since=&method= the papers
// like the ones q selects (workspace/recommendations.h); both in present/discovery_json.h's
// shapes, each paper with its reason.
#include <charconv>
#include <chrono>

#include "http/api_handlers.h"
#include "model/calendar.h"
#include "present/discovery_json.h"

namespace paperdeck::http {
namespace {

constexpr uint32_t kMaxDiscoverLimit = 100;

// The one value of name, if given; false (and *error) when given twice.
bool One(const QueryParams& params, const std::string& name, std::optional<std::string>* out,
         ParamError* error) {
  auto [begin, end] = params.equal_range(name);
  if (begin == end) return true;
  if (std::next(begin) != end) {
    *error = {name, name + " is given more than once"};
    return false;
  }
  *out = begin->second;
  return true;
}

bool Limit(const QueryParams& params, uint32_t* limit, ParamError* error) {
  std::optional<std::string> text;
  if (!One(params, "limit", &text, error)) return false;
  if (!text) return true;
  uint32_t v = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || ptr != text->data() + text->size() || v < 1 || v > kMaxDiscoverLimit) {
    *error = {"limit", "limit must be a number from 1 to " + std::to_string(kMaxDiscoverLimit)};
    return false;
  }
  *limit = v;
  return true;
}

double MsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

ApiResponse ApiHandlers::Related(std::string_view id, const QueryParams& params) {
  if (id.empty() || id.size() > 256 || !IsValidUtf8(id)) {
    return ErrorResponse(400, "a paper id is 1 to 256 bytes of UTF-8", "id");
  }
  workspace::RelatedOptions options;
  ParamError bad;
  if (!Limit(params, &options.limit, &bad)) return ErrorResponse(400, bad.message, bad.param);
  const auto start = std::chrono::steady_clock::now();
  Result<workspace::RelatedPapers> related = workspace_.Related(id, options);
  if (!related.ok()) return FailedResponse(related.status());
  return {200, present::RelatedJson(*related, MsSince(start))};
}

ApiResponse ApiHandlers::Recommend(const QueryParams& params) {
  workspace::RecommendOptions options;
  ParamError bad;
  std::optional<std::string> q, since, method;
  if (!One(params, "q", &q, &bad) || !One(params, "since", &since, &bad) ||
      !One(params, "method", &method, &bad) || !Limit(params, &options.limit, &bad)) {
    return ErrorResponse(400, bad.message, bad.param);
  }
  if (!q || q->empty() || q->size() > kMaxQueryBytes || !IsValidUtf8(*q)) {
    return ErrorResponse(400, "q, the query selecting the papers you like (e.g. tag:thesis), is "
                              "1 to 1024 bytes of UTF-8", "q");
  }
  if (since) {
    options.since = ParseIsoDate(*since);
    if (!options.since) return ErrorResponse(400, "since must be a date (YYYY-MM-DD)", "since");
  }
  if (method && *method == "centroid") {
    options.method = workspace::RecommendMethod::kCentroid;
  } else if (method && *method != "svm") {
    return ErrorResponse(400, "method must be svm or centroid", "method");
  }
  const auto start = std::chrono::steady_clock::now();
  Result<workspace::Recommendations> found = workspace_.Recommend(*q, options);
  if (!found.ok()) return FailedResponse(found.status());
  return {200, present::RecommendationsJson(*found, *q, options.method, MsSince(start), Today())};
}

}  // namespace paperdeck::http
