// Routes: which answer a request gets, apart from how it travelled. A request (method, decoded
// path, query parameters, headers, body) is matched against the table of `paperdeck serve`'s
// paths in order, as docs/http-api.md lists them: the JSON API under /api/ (http/
// api_handlers.h), each saved search's Atom feed at /feeds/{name}.atom (http/atom_feeds.h),
// the results page at / with its first results drawn (http/results_page.h), the paper page at
// /paper/{id}, the views /queue and /feed, and the page's embedded assets by exact name
// (http/embedded_assets.h). Every text answer is gzip-compressed for a client that accepts it
// (http/content_encoding.h). Writes (POST, PUT, DELETE) pass the WriteGuard
// first. A path some route answers with other methods is a 405 with an `Allow` header naming
// them; a path no route answers is a 404: JSON under /api/, else an HTML page for a person.
//
// A route says whether its answer is quick (an embedded asset: bytes already in memory) or real
// work (the index, the corpus, a write): the server answers the first at once and hands the
// second to a worker, so its event loop never waits on work.
//
// Threading: immutable after construction; Route and the answers it returns may run on any
// thread at once (the handlers are; http/api_handlers.h).
#pragma once

#include <functional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "http/api_handlers.h"
#include "http/atom_feeds.h"
#include "http/request_framing.h"
#include "http/request_params.h"
#include "http/write_guard.h"

namespace paperdeck::http {

// A request as the server read it.
struct Request {
  std::string method;           // as sent: GET, HEAD, POST, PUT, DELETE...
  std::string path;             // percent-decoded; may hold any byte
  QueryParams params;           // decoded ('+' is a space)
  std::vector<Header> headers;  // as received
  std::string body;

  // The first header called name (any case), or empty.
  std::string_view header(std::string_view name) const;
};

// The answer to send.
struct Reply {
  int status = 200;
  std::string content_type;       // empty: no body (a 304)
  std::string body;
  std::string_view static_body;   // when set, the body: bytes that outlive the server (an asset)
  std::vector<Header> headers;    // besides Content-Type and those every answer carries
};

// The API's answer as JSON, never cached.
Reply JsonReply(const ApiResponse& api);

class Routes {
 public:
  // How a request is answered: at once, or by work that belongs on a worker.
  struct Dispatch {
    bool work = false;
    std::function<Reply()> answer;
  };

  // REQUIRES: workspace, api, feeds and guard outlive the routes; guard is not changed while
  // Route runs.
  Routes(workspace::Workspace& workspace, ApiHandlers& api, AtomFeeds& feeds,
         const WriteGuard& guard);

  // The answer to request. The returned function reads request: REQUIRES request outlives it.
  Dispatch Route(const Request& request) const;

 private:
  using Captures = std::vector<std::string>;
  struct Entry {
    std::string_view method;
    std::regex path;
    bool work;
    std::function<Reply(const Request&, const Captures&)> answer;
    bool assets;  // the embedded files by name: a path it matches is known only if a file has it
  };
  void Add(std::string_view method, const char* path, bool work,
           std::function<Reply(const Request&, const Captures&)> answer, bool assets = false);
  // Runs write unless the guard refuses the request.
  Reply Guarded(const Request& request, const std::function<ApiResponse()>& write) const;

  const WriteGuard& guard_;
  std::vector<Entry> entries_;
};

}  // namespace paperdeck::http
