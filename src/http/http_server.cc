#include "http/http_server.h"

#include <httplib.h>

#include <string>

#include "http/api_handlers.h"
#include "http/atom_feeds.h"
#include "http/embedded_assets.h"
#include "http/write_guard.h"

namespace paperdeck::http {
namespace {

constexpr size_t kMaxBodyBytes = 64 * 1024;
constexpr size_t kMaxHeaderCount = 64;
constexpr size_t kMaxHeaderBytes = 16 * 1024;
// A thread serves one connection for as long as it is kept alive, so the pool bounds the clients
// served at once, not the CPU used: browsers open six connections each, load tools more.
constexpr size_t kServerThreads = 64;

// The page runs only its own script and style, and never inside another site's frame: a string
// from a paper could not run even if it reached the page as markup.
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

void SetCommonHeaders(httplib::Response& res) {
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

void Send(httplib::Response& res, const ApiResponse& api) {
  res.status = api.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(api.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

// The embedded asset at asset_path, or a 404.
void SendAsset(const httplib::Request& req, httplib::Response& res, const std::string& asset_path) {
  const Asset* asset = FindAsset(asset_path);
  if (!asset) {
    Send(res, ErrorResponse(404, "no such page: " + req.path));
    return;
  }
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("Cache-Control", "no-cache");
  res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
}

std::string StatusMessage(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 409: return "busy";
    case 401: return "a token is needed";
    case 403: return "forbidden";
    case 405: return "method not allowed";
    case 413: return "request body too large";
    case 414: return "request line too long";
    case 431: return "request headers too large";
    default: return "request failed";
  }
}

}  // namespace

struct HttpServer::Impl {
  explicit Impl(workspace::Workspace& workspace) : api(workspace), feeds(workspace) {}
  ApiHandlers api;
  AtomFeeds feeds;
  httplib::Server server;
  bool bound = false;
  WriteGuard guard;  // set by Bind, before Run: read-only while serving
  std::string token;

  // Answers a write: refused by the guard, or done by write.
  template <typename Write>
  void Guarded(const httplib::Request& req, httplib::Response& res, Write&& write) {
    WriteHeaders headers;
    std::string host = req.get_header_value("Host"), origin = req.get_header_value("Origin"),
                auth = req.get_header_value("Authorization"),
                type = req.get_header_value("Content-Type");
    headers.host = host;
    headers.origin = origin;
    headers.authorization = auth;
    headers.content_type = type;
    if (std::optional<ApiResponse> refused = guard.Check(headers)) {
      Send(res, *refused);
      return;
    }
    Send(res, write());
  }
};

HttpServer::HttpServer(workspace::Workspace& workspace)
    : impl_(std::make_unique<Impl>(workspace)) {
  httplib::Server& s = impl_->server;
  ApiHandlers& api = impl_->api;
  s.set_payload_max_length(kMaxBodyBytes);
  // Browsers and load generators keep connections open; the default of 5 requests a connection
  // would make every sixth request pay for a new one.
  s.set_keep_alive_max_count(1000);
  s.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };

  // The HTTP layer bounds each header line; the headers as a whole are bounded here. Then every
  // request, reads too, must name this server in Host: a page on a name rebound to this machine
  // (DNS rebinding) is same-origin with itself and could otherwise read the user's notes.
  s.set_pre_routing_handler([impl = impl_.get()](const httplib::Request& req,
                                                 httplib::Response& res) {
    size_t bytes = 0;
    for (const auto& [name, value] : req.headers) bytes += name.size() + value.size() + 4;
    if (req.headers.size() > kMaxHeaderCount || bytes > kMaxHeaderBytes) {
      Send(res, ErrorResponse(431, "request headers too large"));
      return httplib::Server::HandlerResponse::Handled;
    }
    if (std::optional<ApiResponse> refused = impl->guard.CheckHost(req.get_header_value("Host"))) {
      Send(res, *refused);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.Get("/api/search", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.Search(req.params));
  });
  s.Get(R"(/api/papers/(.+)/cite)", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.Cite(req.matches[1].str(), req.params));
  });
  s.Get(R"(/api/papers/(.+))", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.Paper(req.matches[1].str()));
  });
  s.Get("/api/stats", [&api](const httplib::Request&, httplib::Response& res) {
    Send(res, api.Stats());
  });
  s.Get("/api/queue", [&api](const httplib::Request&, httplib::Response& res) {
    Send(res, api.Queue());
  });
  s.Get("/api/tags", [&api](const httplib::Request&, httplib::Response& res) {
    Send(res, api.Tags());
  });
  s.Get("/api/watches", [&api](const httplib::Request&, httplib::Response& res) {
    Send(res, api.Watches());
  });
  s.Get(R"(/api/watches/([^/]+)/feed)", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.WatchFeed(req.matches[1].str(), req.params));
  });
  s.Get(R"(/api/pulls/([^/]+))", [&api](const httplib::Request& req, httplib::Response& res) {
    Send(res, api.PullProgress(req.matches[1].str()));
  });
  // Writes. Ids may hold '/' (DOIs, old arXiv ids), so each pattern ends in its own suffix.
  Impl* impl = impl_.get();
  s.Post("/api/pulls", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.StartPull(req.body); });
  });
  s.Post("/api/watches", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.AddWatch(req.body); });
  });
  s.Delete(R"(/api/watches/([^/]+))", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.RemoveWatch(req.matches[1].str()); });
  });
  s.Post(R"(/api/watches/([^/]+)/seen)", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.MarkWatchSeen(req.matches[1].str(), req.body); });
  });
  s.Post(R"(/api/papers/(.+)/tags)", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.ChangeTags(req.matches[1].str(), req.body); });
  });
  s.Post(R"(/api/papers/(.+)/cite)", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.PinCite(req.matches[1].str(), req.body); });
  });
  s.Put(R"(/api/papers/(.+)/state)", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.SetState(req.matches[1].str(), req.body); });
  });
  s.Post(R"(/api/papers/(.+)/notes)", [impl](const httplib::Request& req, httplib::Response& res) {
    impl->Guarded(req, res, [&] { return impl->api.AddNote(req.matches[1].str(), req.body); });
  });
  s.Put(R"(/api/papers/(.+)/notes/([^/]+))",
        [impl](const httplib::Request& req, httplib::Response& res) {
          impl->Guarded(req, res, [&] {
            return impl->api.EditNote(req.matches[1].str(), req.matches[2].str(), req.body);
          });
        });
  s.Delete(R"(/api/papers/(.+)/notes/([^/]+))",
           [impl](const httplib::Request& req, httplib::Response& res) {
             impl->Guarded(req, res, [&] {
               return impl->api.DeleteNote(req.matches[1].str(), req.matches[2].str());
             });
           });
  // A saved search's feed, for feed readers: the name is one path segment, URL-decoded.
  s.Get(R"(/feeds/([^/]+)\.atom)", [impl](const httplib::Request& req, httplib::Response& res) {
    FeedAnswer feed = impl->feeds.SavedSearch(req.matches[1].str(), req.get_header_value("Host"),
                                              req.get_header_value("If-None-Match"));
    res.status = feed.status;
    res.set_header("Cache-Control", "no-cache");
    if (!feed.etag.empty()) res.set_header("ETag", feed.etag);
    if (feed.status == 304) return;
    res.set_content(std::move(feed.body), feed.content_type);
  });
  // The paper's own page, one for every id (its script reads the id from the path), and the
  // reading queue and the Feed, views of the results page.
  s.Get(R"(/paper/(.+))", [](const httplib::Request& req, httplib::Response& res) {
    SendAsset(req, res, "/paper.html");
  });
  s.Get("/queue", [](const httplib::Request& req, httplib::Response& res) {
    SendAsset(req, res, "/");
  });
  s.Get("/feed", [](const httplib::Request& req, httplib::Response& res) {
    SendAsset(req, res, "/");
  });
  // Assets by exact name only; everything else, including any path with "..", is a 404.
  s.Get(R"(/[^/]*)", [](const httplib::Request& req, httplib::Response& res) {
    SendAsset(req, res, req.path);
  });
  s.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
    SetCommonHeaders(res);
  });
  // Whatever failed without a body of its own (no route, a request line too long, a wrong
  // method) answers in JSON like the API.
  s.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = StatusMessage(res.status);
    if (res.status == 404) message = "no such page: " + req.path;
    ApiResponse api = ErrorResponse(res.status, message);
    res.set_content(api.body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
    SetCommonHeaders(res);
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    Send(res, ErrorResponse(500, "the request failed inside the server"));
  });
}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind(const std::string& host, int port) {
  int bound = 0;
  if (port == 0) {
    bound = impl_->server.bind_to_any_port(host);
    if (bound <= 0) return Status::IOError("could not listen on " + host + " (any port)");
  } else {
    if (!impl_->server.bind_to_port(host, port)) {
      return Status::IOError("could not listen on " + host + ":" + std::to_string(port) +
                             " (in use, or not an address of this machine)");
    }
    bound = port;
  }
  if (!WriteGuard::IsLoopback(host)) {
    Result<std::string> token = NewAccessToken();
    if (!token.ok()) {
      impl_->server.stop();
      return token.status();
    }
    impl_->token = std::move(token).value();
  }
  impl_->guard = WriteGuard(host, bound, impl_->token);
  impl_->bound = true;
  return bound;
}

const std::string& HttpServer::access_token() const { return impl_->token; }

Status HttpServer::Run() {
  if (!impl_->server.listen_after_bind()) return Status::IOError("the server stopped listening");
  return Status::Ok();
}

void HttpServer::Stop() { impl_->server.stop(); }

}  // namespace paperdeck::http
