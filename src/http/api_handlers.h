// ApiHandlers: the JSON API of `paperdeck serve`, apart from HTTP. Each handler takes the decoded
// request and returns a status code and a JSON body (docs/http-api.md):
//   Search  GET /api/search?q=&sort=&page=&limit=&cat=&year=   total, facets, cards, highlights
//   Paper   GET /api/papers/{id}                               one paper (canonical id, arXiv id, DOI)
//   Stats   GET /api/stats                                     what the corpus and index hold
//   Queue   GET /api/queue                                     papers marked to-read, oldest first
//   Tags    GET /api/tags                                      every tag with its count
//   Suggest GET /api/suggest?q=&limit=                         completions of what is typed: words,
//                                                              authors, titles, tags, saved searches
//   Cite    GET /api/papers/{id}/cite?format=                  the paper as BibTeX, biblatex, CSL
//           JSON or RIS, with the key it has or would be given (nothing written)
//   Related GET /api/papers/{id}/related?limit=                the papers most like it, each
//                                                              with the words they share
//   Recommend GET /api/recommend?q=&limit=&since=&method=      papers like the ones q selects
// and the writes to the user's library, each answering {"id", "library"} after the change:
//   ChangeTags  POST /api/papers/{id}/tags                {"add": [...], "remove": [...]}
//   SetState    PUT /api/papers/{id}/state                {"state": "to-read"|"reading"|"read"|null}
//   AddNote     POST /api/papers/{id}/notes               {"text": "..."}
//   EditNote    PUT /api/papers/{id}/notes/{note_id}      {"text": "..."}
//   DeleteNote  DELETE /api/papers/{id}/notes/{note_id}
//   PinCite     POST /api/papers/{id}/cite                {"format": "bibtex"}: as Cite, and the key
//                                                          pinned (answers {"id","format","key","pinned","text"})
// Pulls from arXiv, run in the server's background (http/pull_jobs.h):
//   StartPull   POST /api/pulls                  {"query": "...", "max": 100}: 202 and the pull's
//                                                progress; 409 while a run holds the data directory
//   PullProgress GET /api/pulls/{id}             the pull's progress, as it happens
// Saved searches (library::SavedSearch, workspace::Workspace::Feed):
//   Watches       GET /api/watches                 each with its count of new papers
//   AddWatch      POST /api/watches                {"name", "query", "pull"}: 201, or 409 for a taken name
//   RemoveWatch   DELETE /api/watches/{name}
//   WatchFeed     GET /api/watches/{name}/feed?limit=   its new papers, newest first, and the
//                                                  revision they were read at (marks nothing)
//   MarkWatchSeen POST /api/watches/{name}/seen    {"revision": R}: looked at up to R
// A write's body is given as received; who may write is decided before (http/write_guard.h).
// Errors are JSON too: {"error": "...", "param": "..."} with 400 for a bad parameter or body,
// 404 for an unknown paper or note, 500 when the data directory cannot be read.
//
// Threading: every handler may run on many threads at once (the Workspace lends each request a
// corpus connection and shares one index snapshot).
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "http/pull_jobs.h"
#include "http/request_params.h"
#include "workspace/workspace.h"

namespace paperdeck::http {

struct ApiResponse {
  int status = 200;
  nlohmann::json body;
};

// {"error": message} (and "param" when one parameter is at fault).
ApiResponse ErrorResponse(int status, std::string_view message, std::string_view param = {});
// The answer to a failed call: its message, with the status its code means (400 invalid, 404 not
// found, 409 busy, else 500).
ApiResponse FailedResponse(const Status& status);
// A write's body as a JSON object, or InvalidArgument saying what is wrong with it.
Result<nlohmann::json> BodyObject(std::string_view body);

class ApiHandlers {
 public:
  // REQUIRES: workspace outlives the handlers.
  explicit ApiHandlers(workspace::Workspace& workspace);

  ApiResponse Search(const QueryParams& params);
  ApiResponse Suggest(const QueryParams& params);
  ApiResponse Paper(std::string_view id);
  ApiResponse Stats();
  ApiResponse Queue();
  ApiResponse Tags();
  ApiResponse Cite(std::string_view id, const QueryParams& params);
  ApiResponse Related(std::string_view id, const QueryParams& params);
  ApiResponse Recommend(const QueryParams& params);
  ApiResponse PinCite(std::string_view id, std::string_view body);

  ApiResponse ChangeTags(std::string_view id, std::string_view body);
  ApiResponse SetState(std::string_view id, std::string_view body);
  ApiResponse AddNote(std::string_view id, std::string_view body);
  ApiResponse EditNote(std::string_view id, std::string_view note_id, std::string_view body);
  ApiResponse DeleteNote(std::string_view id, std::string_view note_id);

  ApiResponse StartPull(std::string_view body);
  ApiResponse PullProgress(std::string_view id);

  ApiResponse Watches();
  ApiResponse AddWatch(std::string_view body);
  ApiResponse RemoveWatch(std::string_view name);
  ApiResponse WatchFeed(std::string_view name, const QueryParams& params);
  ApiResponse MarkWatchSeen(std::string_view name, std::string_view body);

 private:
  // Finds the paper id names, runs change on it (none: only reads), and answers with the
  // paper's library data as it is after.
  ApiResponse ChangeLibrary(std::string_view id,
                            const std::function<Status(library::Corpus&, int64_t key)>& change);

  // The citation of the paper id names in format; pin: give it its key for good (a write).
  ApiResponse Citation(std::string_view id, std::string_view format, bool pin);

  workspace::Workspace& workspace_;
  PullJobs pulls_;
  // The corpus's figures (Stats) as of the revision they were read at: reading them walks every
  // paper (tens of seconds at millions), so it is done once a revision, by one request at a time,
  // the others waiting for it rather than walking too.
  std::mutex stats_mutex_;
  std::optional<library::CorpusStats> stats_;
};

}  // namespace paperdeck::http
