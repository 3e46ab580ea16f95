// ApiHandlers: the JSON API of `paperdeck serve`, apart from HTTP. Each handler takes the decoded
// request and returns a status code and a JSON body (docs/http-api.md):
//   Search  GET /api/search?q=&sort=&page=&limit=&cat=&year=   total, facets, cards, highlights
//   Paper   GET /api/papers/{id}                               one paper (canonical id, arXiv id, DOI)
//   Stats   GET /api/stats                                     what the corpus and index hold
//   Pull    /api/pull                                          501 with the `paperdeck pull` command
// Errors are JSON too: {"error": "...", "param": "..."} with 400 for a bad parameter, 404 for an
// unknown paper, 500 when the data directory cannot be read.
//
// Threading: every handler may run on many threads at once (the Workspace lends each request a
// corpus connection and shares one index snapshot).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "http/request_params.h"
#include "workspace/workspace.h"

namespace paperdeck::http {

struct ApiResponse {
  int status = 200;
  nlohmann::json body;
};

// {"error": message} (and "param" when one parameter is at fault).
ApiResponse ErrorResponse(int status, std::string_view message, std::string_view param = {});

class ApiHandlers {
 public:
  // REQUIRES: workspace outlives the handlers.
  explicit ApiHandlers(workspace::Workspace& workspace);

  ApiResponse Search(const QueryParams& params);
  ApiResponse Paper(std::string_view id);
  ApiResponse Stats();
  ApiResponse Pull(const QueryParams& params);

 private:
  workspace::Workspace& workspace_;
};

}  // namespace paperdeck::http
