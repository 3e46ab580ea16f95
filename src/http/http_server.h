// HttpServer: `paperdeck serve` over HTTP. Serves the page's embedded assets (http/
// embedded_assets.h) at "/", "/app.css", "/app.js", and the JSON API (http/api_handlers.h)
// under "/api/", the paper page (web/paper.html) at "/paper/{id}", the results page's views
// "/queue" and "/feed", and each saved search's Atom feed at "/feeds/{name}.atom"
// (http/atom_feeds.h). Pulls from arXiv the page asks for run in the server's background
// (http/pull_jobs.h), stopped at their next request by Stop(). Every other path is a
// 404 with a JSON body; no path ever reaches the file system. Writes (POST, PUT, DELETE) pass
// http/write_guard.h first: from the page this server served, as JSON, with the token when the
// server listens beyond loopback. Request lines over 8 KiB are refused by the HTTP layer (414), request bodies over
// 64 KiB too (413); the API caps its own parameters (http/request_params.h).
//
// Threading: Run() blocks, serving on a pool of threads; Stop() may be called from any thread
// (e.g. a signal-waiting one) and makes Run() return.
#pragma once

#include <memory>
#include <string>

#include "model/status.h"
#include "workspace/workspace.h"

namespace paperdeck::http {

class HttpServer {
 public:
  // REQUIRES: workspace outlives the server.
  explicit HttpServer(workspace::Workspace& workspace);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0: any free port). Returns the port bound. When host is not a
  // loopback address, makes the token that writes must carry (access_token()).
  // REQUIRES: Bind has not succeeded before.
  Result<int> Bind(const std::string& host, int port);
  // The token writes need; empty when the server listens on loopback only (none is needed).
  const std::string& access_token() const;
  // Serves until Stop(). REQUIRES: Bind succeeded.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paperdeck::http
