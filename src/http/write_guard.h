// WriteGuard: who may change the user's library through `paperdeck serve`. A write (POST, PUT,
// DELETE) is the only way the API changes anything, and any web page the user visits can make
// their browser send requests to a loopback server, so every write must prove it comes from the
// page this server served:
//   - Host names this server (403 otherwise). A site whose name an attacker points at 127.0.0.1
//     (DNS rebinding) is same-origin with itself, not with us, and its requests carry its name.
//     Bound to loopback, the server answers to 127.0.0.1, localhost and [::1] at its port (and
//     the address it was bound to); bound to one other address, to that address at its port;
//     bound to every interface (0.0.0.0, ::), to any name, as the token guards it. More names
//     may be allowed (`serve --allow-host NAME`, e.g. a name in /etc/hosts): NAME at the
//     server's port, or NAME:PORT as given (a proxy in front on another port).
//   - Origin, when the browser sends one, is http:// and that same Host (403 otherwise): a form
//     or fetch from another site is refused even when its Host was allowed.
//   - When the server listens beyond loopback, `Authorization: Bearer TOKEN` with the token the
//     server made at start (401 otherwise): anyone on the network can reach it.
//   - The body is JSON (`Content-Type: application/json`; 415 otherwise): a cross-site HTML form
//     can only send form-encoded or text/plain bodies, and a cross-site fetch of JSON needs a
//     CORS preflight that this server never grants.
// Reads (GET) change nothing, but they show the user's notes and tags: the server checks their
// Host too (CheckHost), so a rebound name cannot read the library either.
//
// Threading: immutable after construction; Check may be called from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/api_handlers.h"
#include "model/status.h"

namespace paperdeck::http {

// The headers a write is judged by; a header not sent is empty.
struct WriteHeaders {
  std::string_view host, origin, authorization, content_type;
};

class WriteGuard {
 public:
  // A guard that refuses every write, until the server is bound.
  WriteGuard() = default;
  // For a server bound to host:port, answering to allowed_hosts too; token empty: none needed.
  // REQUIRES: CheckAllowedHost passes for each of allowed_hosts.
  WriteGuard(std::string_view host, int port, std::string token,
             const std::vector<std::string>& allowed_hosts = {});

  // nullopt when the write may go ahead, else the answer refusing it (403, 401 or 415).
  std::optional<ApiResponse> Check(const WriteHeaders& headers) const;
  // nullopt when a request's Host header names this server, else the 403 refusing it. Every
  // request, read or write, passes this first.
  std::optional<ApiResponse> CheckHost(std::string_view host_header) const;

  // True for 127.0.0.0/8, ::1 and localhost.
  static bool IsLoopback(std::string_view host);

 private:
  bool bound_ = false;
  bool any_host_ = false;          // bound to every interface
  std::vector<std::string> hosts_;  // Host header values answered to, lower case
  std::string token_;
};

// Whether name may be given to `serve --allow-host`: a host name (letters, digits, '-', '.') or
// an IPv4 address, or an IPv6 address in brackets, with an optional :PORT. The error names it
// and says what is wrong.
Status CheckAllowedHost(std::string_view name);

// A new random token for a server listening beyond loopback: 32 bytes from /dev/urandom, as
// 64 hex digits.
Result<std::string> NewAccessToken();

}  // namespace paperdeck::http
