#include "http/http_server.h"

#include <microhttpd.h>
#include <sys/resource.h>

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

#include "http/api_handlers.h"
#include "http/atom_feeds.h"
#include "http/listen_socket.h"
#include "http/request_deadlines.h"
#include "http/request_framing.h"
#include "http/routes.h"
#include "http/worker_pool.h"
#include "http/write_guard.h"

namespace paperdeck::http {
namespace {

// The memory libmicrohttpd gives each connection for its request's head and its answer's
// headers (a pool over 32 KiB is mapped lazily: an idle connection touches a page or two). Heads
// up to it reach the server's own limits (8 KiB request line, 16 KiB of headers), answered in
// JSON; beyond it the library refuses them itself.
constexpr size_t kConnectionMemory = 64 * 1024;

// One request on a connection: libmicrohttpd's per-request context, from its request line
// (OnRequestLine) to the end of its answer (OnRequestDone).
struct Exchange {
  std::string target;           // the request target as sent, before any decoding
  bool head_read = false;       // the access handler has seen the headers
  bool refused = false;         // answered before its body was read (the connection closes)
  bool too_large = false;       // a chunked body passed kMaxBodyBytes
  std::optional<Reply> answer;  // set by a worker, before it resumes the connection
  Request request;
};

MHD_Result CollectHeader(void* cls, MHD_ValueKind, const char* key, size_t key_size,
                         const char* value, size_t value_size) {
  static_cast<std::vector<Header>*>(cls)->emplace_back(std::string(key, key_size),
                                                       std::string(value ? value : "", value_size));
  return MHD_YES;
}

// Percent-decodes s (libmicrohttpd's decoder, which keeps a decoded NUL inside the string).
std::string Unescape(std::string s) {
  s.resize(MHD_http_unescape(s.data()));
  return s;
}

// The path and query parameters of a request target: "/api/search?q=a+b&page=2".
void SplitTarget(std::string_view target, std::string* path, QueryParams* params) {
  target = target.substr(0, target.find('#'));
  const size_t question = target.find('?');
  *path = Unescape(std::string(target.substr(0, question)));
  if (question == std::string_view::npos) return;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const size_t eq = pair.find('=');
    std::string name(pair.substr(0, eq)),
        value(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1));
    std::replace(name.begin(), name.end(), '+', ' ');
    std::replace(value.begin(), value.end(), '+', ' ');
    params->emplace(Unescape(std::move(name)), Unescape(std::move(value)));
  }
}

// How many connections the server holds at once: what the process may open, less a margin for
// the index's files, the corpus and the pulls' connections.
unsigned ConnectionLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 4096;
  const rlim_t open = limit.rlim_cur;
  return static_cast<unsigned>(std::min<rlim_t>(open > 256 ? open - 128 : open / 2, 1 << 20));
}

}  // namespace

struct HttpServer::Impl {
  Impl(workspace::Workspace& workspace, ServerOptions opts)
      : options(std::move(opts)), api(workspace), feeds(workspace), routes(workspace, api, feeds, guard) {}

  // libmicrohttpd's callbacks; cls is the Impl.
  static void OnConnection(void* cls, MHD_Connection* connection, void** socket_context,
                           MHD_ConnectionNotificationCode code);
  static void* OnRequestLine(void* cls, const char* uri, MHD_Connection* connection);
  static MHD_Result OnRequest(void* cls, MHD_Connection* connection, const char* url,
                              const char* method, const char* version, const char* upload_data,
                              size_t* upload_data_size, void** request_context);
  static void OnRequestDone(void* cls, MHD_Connection* connection, void** request_context,
                            MHD_RequestTerminationCode code);
  // OnRequest's work: each call the library makes for one request (its head, each piece of its
  // body, its end, and again after a worker's resume).
  MHD_Result Handle(MHD_Connection* connection, const char* url, const char* method,
                    const char* version, const char* upload_data, size_t* upload_data_size,
                    void** request_context);

  // Queues reply on connection; close: the connection closes after it.
  static MHD_Result Send(MHD_Connection* connection, Reply reply, bool close);
  // The key RequestDeadlines knows the connection by.
  static const void* KeyOf(MHD_Connection* connection) {
    const MHD_ConnectionInfo* info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
    return info ? info->socket_context : nullptr;
  }

  const ServerOptions options;
  ApiHandlers api;
  AtomFeeds feeds;
  WriteGuard guard;  // set by Bind, before Run: read-only while serving
  Routes routes;
  ListenSocket listener;
  std::string token;
  bool bound = false;
  RequestDeadlines deadlines;
  std::unique_ptr<WorkerPool> workers;  // while Run runs

  std::mutex mu;
  std::condition_variable stop_wake;
  bool stop_requested = false;  // guarded by mu
};

void HttpServer::Impl::OnConnection(void* cls, MHD_Connection* connection, void** socket_context,
                                    MHD_ConnectionNotificationCode code) {
  Impl& s = *static_cast<Impl*>(cls);
  if (code == MHD_CONNECTION_NOTIFY_STARTED) {
    const MHD_ConnectionInfo* info =
        MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (!info) return;
    // The key is a byte of our own, so no other connection can share it while this one lives.
    auto* key = new char;
    *socket_context = key;
    s.deadlines.Watch(key, info->connect_fd);
    s.deadlines.Arm(key, RequestDeadlines::Clock::now() + s.options.request_timeout);
  } else if (*socket_context) {
    // Before the library closes the socket: the deadlines never touch it after this.
    s.deadlines.Forget(*socket_context);
    delete static_cast<char*>(*socket_context);
    *socket_context = nullptr;
  }
}

void* HttpServer::Impl::OnRequestLine(void* cls, const char* uri, MHD_Connection* connection) {
  Impl& s = *static_cast<Impl*>(cls);
  // On a kept-alive connection the deadline starts with the request line; the first request's
  // started when the connection opened, and stands.
  s.deadlines.Arm(KeyOf(connection), RequestDeadlines::Clock::now() + s.options.request_timeout);
  auto* exchange = new Exchange;
  exchange->target = uri;
  return exchange;
}

void HttpServer::Impl::OnRequestDone(void* cls, MHD_Connection* connection,
                                     void** request_context, MHD_RequestTerminationCode code) {
  Impl& s = *static_cast<Impl*>(cls);
  delete static_cast<Exchange*>(*request_context);
  *request_context = nullptr;
  // The next request on this connection must come within the idle time and be whole soon after
  // (the library closes a connection idle for longer; this also ends one trickling its line).
  s.deadlines.Arm(KeyOf(connection), RequestDeadlines::Clock::now() + s.options.idle_timeout +
                                         s.options.request_timeout);
}

MHD_Result HttpServer::Impl::Send(MHD_Connection* connection, Reply reply, bool close) {
  MHD_Response* response = nullptr;
  if (!reply.static_body.empty()) {
    response = MHD_create_response_from_buffer(reply.static_body.size(),
                                               const_cast<char*>(reply.static_body.data()),
                                               MHD_RESPMEM_PERSISTENT);
  } else {
    auto* body = new std::string(std::move(reply.body));
    response = MHD_create_response_from_buffer_with_free_callback_cls(
        body->size(), body->data(), [](void* owned) { delete static_cast<std::string*>(owned); },
        body);
    if (!response) delete body;
  }
  if (!response) return MHD_NO;  // out of memory: the library closes the connection
  if (!reply.content_type.empty()) {
    MHD_add_response_header(response, "Content-Type", reply.content_type.c_str());
  }
  for (const Header& h : reply.headers) {
    MHD_add_response_header(response, h.first.c_str(), h.second.c_str());
  }
  MHD_add_response_header(response, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(response, "Referrer-Policy", "no-referrer");
  if (close) MHD_add_response_header(response, "Connection", "close");
  const MHD_Result queued =
      MHD_queue_response(connection, static_cast<unsigned>(reply.status), response);
  MHD_destroy_response(response);  // the connection holds its own reference
  return queued;
}

MHD_Result HttpServer::Impl::OnRequest(void* cls, MHD_Connection* connection, const char* url,
                                       const char* method, const char* version,
                                       const char* upload_data, size_t* upload_data_size,
                                       void** request_context) {
  // Nothing may throw into the library's C code: a failure closes this connection only.
  try {
    return static_cast<Impl*>(cls)->Handle(connection, url, method, version, upload_data,
                                           upload_data_size, request_context);
  } catch (const std::exception&) {
    return MHD_NO;
  }
}

MHD_Result HttpServer::Impl::Handle(MHD_Connection* connection, const char* url,
                                    const char* method, const char* version,
                                    const char* upload_data, size_t* upload_data_size,
                                    void** request_context) {
  Impl& s = *this;
  auto* x = static_cast<Exchange*>(*request_context);
  if (!x) {  // the library read no request line through OnRequestLine (it always should)
    x = new Exchange;
    x->target = url;
    *request_context = x;
  }
  if (x->answer) {  // a worker's, after the resume
    Reply answer = std::move(*x->answer);
    x->answer.reset();
    return Send(connection, std::move(answer), false);
  }
  Request& r = x->request;

  if (!x->head_read) {
    x->head_read = true;
    r.method = method;
    MHD_get_connection_values_n(connection, MHD_HEADER_KIND, &CollectHeader, &r.headers);
    std::optional<ApiResponse> refused =
        CheckFraming(RequestHead{method, x->target, version, &r.headers});
    // Every request, reads included, must name this server: a page on a name rebound to this
    // machine (DNS rebinding) is same-origin with itself and could otherwise read the library.
    if (!refused) refused = s.guard.CheckHost(r.header("Host"));
    if (refused) {
      x->refused = true;
      return Send(connection, JsonReply(*refused), /*close=*/true);
    }
    SplitTarget(x->target, &r.path, &r.params);
    return MHD_YES;  // the body, if any, comes next
  }
  if (x->refused) {
    *upload_data_size = 0;
    return MHD_YES;
  }
  if (*upload_data_size > 0) {
    if (!x->too_large && r.body.size() + *upload_data_size > kMaxBodyBytes) {
      x->too_large = true;
      r.body.clear();
      r.body.shrink_to_fit();
    }
    if (!x->too_large) r.body.append(upload_data, *upload_data_size);
    *upload_data_size = 0;
    return MHD_YES;
  }

  // The request is whole.
  s.deadlines.Disarm(KeyOf(connection));
  if (x->too_large) {
    return Send(connection, JsonReply(ErrorResponse(413, "request body too large (at most 64 KiB)")),
                /*close=*/true);
  }
  Routes::Dispatch dispatch = s.routes.Route(r);
  if (!dispatch.work) return Send(connection, dispatch.answer(), false);
  // Real work goes to a worker while the connection waits suspended; the worker's answer is
  // sent when the library calls again after the resume.
  const bool queued = s.workers->Submit(
      [x, connection, answer = std::move(dispatch.answer)] {
        try {
          x->answer = answer();
        } catch (const std::exception&) {
          x->answer = JsonReply(ErrorResponse(500, "the request failed inside the server"));
        }
        MHD_resume_connection(connection);
      },
      [connection] { MHD_suspend_connection(connection); });
  if (!queued) {
    return Send(connection, JsonReply(ErrorResponse(503, "the server is stopping")), true);
  }
  return MHD_YES;
}

HttpServer::HttpServer(workspace::Workspace& workspace, ServerOptions options)
    : impl_(std::make_unique<Impl>(workspace, std::move(options))) {}

HttpServer::~HttpServer() = default;

Result<int> HttpServer::Bind(const std::string& host, int port) {
  Result<ListenSocket> listener = ListenSocket::Open(host, port);
  if (!listener.ok()) return listener.status();
  if (!WriteGuard::IsLoopback(host)) {
    Result<std::string> token = NewAccessToken();
    if (!token.ok()) return token.status();
    impl_->token = std::move(token).value();
  }
  const int bound = listener->port();
  impl_->listener = std::move(listener).value();
  impl_->guard = WriteGuard(host, bound, impl_->token, impl_->options.allowed_hosts);
  impl_->bound = true;
  return bound;
}

const std::string& HttpServer::access_token() const { return impl_->token; }

size_t HttpServer::slow_requests_cut() const { return impl_->deadlines.cut(); }

Status HttpServer::Run() {
  Impl& s = *impl_;
  if (!s.bound || !s.listener.is_open()) return Status::IOError("the server is not bound");
  {
    std::lock_guard lock(s.mu);
    if (s.stop_requested) return Status::Ok();
  }
  size_t workers = s.options.workers;
  if (workers == 0) workers = std::max<size_t>(4, std::thread::hardware_concurrency());
  s.workers = std::make_unique<WorkerPool>(workers);
  const auto idle = static_cast<unsigned>(std::max<int64_t>(1, s.options.idle_timeout.count()));
  MHD_Daemon* daemon = MHD_start_daemon(
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME, 0, nullptr, nullptr,
      &Impl::OnRequest, &s,                                       //
      MHD_OPTION_LISTEN_SOCKET, s.listener.fd(),                  //
      MHD_OPTION_CONNECTION_LIMIT, ConnectionLimit(),             //
      MHD_OPTION_CONNECTION_TIMEOUT, idle,                        //
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, kConnectionMemory,      //
      MHD_OPTION_NOTIFY_CONNECTION, &Impl::OnConnection, &s,      //
      MHD_OPTION_URI_LOG_CALLBACK, &Impl::OnRequestLine, &s,      //
      MHD_OPTION_NOTIFY_COMPLETED, &Impl::OnRequestDone, &s,      //
      MHD_OPTION_END);
  if (!daemon) {
    s.workers.reset();
    return Status::IOError("the HTTP server could not start (libmicrohttpd refused its options)");
  }
  s.listener.Release();  // the library closes it when it stops
  {
    std::unique_lock lock(s.mu);
    s.stop_wake.wait(lock, [&] { return s.stop_requested; });
  }
  // Every suspended connection has its job queued: running them all resumes them, which the
  // library needs before it stops.
  s.workers->Close();
  MHD_stop_daemon(daemon);
  s.workers.reset();
  return Status::Ok();
}

void HttpServer::Stop() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stop_requested = true;
  }
  impl_->stop_wake.notify_all();
}

}  // namespace paperdeck::http
