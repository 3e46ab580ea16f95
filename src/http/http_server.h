// HttpServer: `paperdeck serve` over HTTP/1.1. What each path answers is http/routes.h (the
// JSON API, the feeds, the page's embedded assets); this is how requests travel.
//
// The server is event-driven (GNU libmicrohttpd, Debian's libmicrohttpd-dev): one thread polls
// every connection with epoll, so a connection costs a socket and a little memory, never a
// thread, however long it stays open or idle. A request whose answer is real work (a search,
// the corpus, a write, a feed) is handed to a small pool of workers (http/worker_pool.h) while
// its connection is suspended; the embedded assets are answered by the polling thread at once.
// So neither idle clients nor a slow search hold up anyone else's request. Requests pipelined
// on one connection are answered in order.
//
// Limits, each refused with a JSON error and the connection closed (http/request_framing.h):
// a request line over 8 KiB (414), headers over 16 KiB or 64 lines (431), a body over 64 KiB
// (413), a Content-Length that is not a number or comes twice or beside Transfer-Encoding
// (400). Heads beyond what the HTTP layer holds for one connection (64 KiB) it refuses itself
// (414 or 431, with its own short body). A request must arrive whole within the request
// timeout of the connection opening or, on a kept-alive connection, of its request line; an
// idle kept-alive connection is closed after the idle timeout (http/request_deadlines.h).
// Every request must name the server in Host (http/write_guard.h), and writes pass the write
// guard.
//
// Threading: Run() blocks, serving; Stop() may be called from any thread (e.g. a
// signal-waiting one) and makes Run() return once the requests at work are answered.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "model/status.h"
#include "workspace/workspace.h"

namespace paperdeck::http {

struct ServerOptions {
  // The names the server answers to besides its own address (`serve --allow-host`; see
  // WriteGuard): "NAME" at the server's port, or "NAME:PORT". REQUIRES: CheckAllowedHost passes.
  std::vector<std::string> allowed_hosts;
  // A request (line, headers, body) must be whole within this of its start.
  std::chrono::milliseconds request_timeout{5000};
  // A kept-alive connection with no request for this long is closed.
  std::chrono::seconds idle_timeout{30};
  // The threads doing requests' work; 0: the machine's cores, at least 4.
  size_t workers = 0;
};

class HttpServer {
 public:
  // REQUIRES: workspace outlives the server.
  explicit HttpServer(workspace::Workspace& workspace, ServerOptions options = {});
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0: any free port) and listens, with the system's largest backlog.
  // Returns the port bound. When host is not a loopback address, makes the token that writes
  // must carry (access_token()). REQUIRES: Bind has not succeeded before.
  Result<int> Bind(const std::string& host, int port);
  // The token writes need; empty when the server listens on loopback only (none is needed).
  const std::string& access_token() const;
  // Serves until Stop(). REQUIRES: Bind succeeded; Run has not been called before.
  Status Run();
  void Stop();

  // Connections closed because their request did not arrive in time, so far.
  size_t slow_requests_cut() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paperdeck::http
