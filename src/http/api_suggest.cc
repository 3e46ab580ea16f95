// ApiHandlers' suggestions as a person types: GET /api/suggest?q=&limit= answers the
// completions of the search box's text (workspace/suggestions.h), each with its kind, what it
// shows and the query choosing it searches.
#include "http/api_handlers.h"

namespace paperdeck::http {

ApiResponse ApiHandlers::Suggest(const QueryParams& params) {
  SuggestParams p;
  ParamError bad;
  if (!ParseSuggestParams(params, &p, &bad)) return ErrorResponse(400, bad.message, bad.param);
  Result<std::vector<workspace::TypedSuggestion>> found = workspace_.Suggest(p.q, p.limit);
  if (!found.ok()) return ErrorResponse(500, found.status().message());
  nlohmann::json list = nlohmann::json::array();
  for (const workspace::TypedSuggestion& s : *found) {
    nlohmann::json j = {{"kind", workspace::SuggestionKindName(s.kind)},
                        {"text", s.text},
                        {"query", s.query}};
    if (s.papers > 0) j["papers"] = s.papers;
    list.push_back(std::move(j));
  }
  return {200, {{"q", p.q}, {"suggestions", std::move(list)}}};
}

}  // namespace paperdeck::http
