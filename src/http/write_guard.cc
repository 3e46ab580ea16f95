#include "http/write_guard.h"

#include <cstdio>
#include <memory>

#include "model/ascii_case.h"

namespace paperdeck::http {
namespace {

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

// Compares without stopping at the first difference, so the time taken says nothing of how
// much of a guessed token was right.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// Where a Host value's port begins (at its last ':' outside brackets), or npos when it has none.
size_t PortStart(std::string_view host) {
  const size_t colon = host.rfind(':');
  if (colon == std::string_view::npos) return colon;
  const size_t bracket = host.rfind(']');
  return bracket != std::string_view::npos && bracket > colon ? std::string_view::npos : colon;
}

}  // namespace

bool WriteGuard::IsLoopback(std::string_view host) {
  const std::string h = AsciiLowercase(host);
  if (h == "localhost" || h == "::1" || h == "[::1]") return true;
  return h.rfind("127.", 0) == 0 && h.find_first_not_of("0123456789.") == std::string::npos;
}

Status CheckAllowedHost(std::string_view name) {
  std::string quoted = "'";
  quoted.append(name).append("'");
  const size_t colon = PortStart(name);
  std::string_view host = name.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = name.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != port.npos ||
        std::stoi(std::string(port)) > 65535) {
      return Status::InvalidArgument("--allow-host " + quoted + ": the port after ':' is 0 to 65535");
    }
  }
  if (host.empty()) return Status::InvalidArgument("--allow-host " + quoted + ": no name");
  if (host.front() == '[') {
    if (host.size() < 4 || host.back() != ']' ||
        host.substr(1, host.size() - 2).find_first_not_of("0123456789abcdefABCDEF:.") !=
            std::string_view::npos) {
      return Status::InvalidArgument("--allow-host " + quoted +
                                     ": an IPv6 address is written in brackets, like [::1]");
    }
    return Status::Ok();
  }
  if (host.size() > 253 ||
      host.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") !=
          std::string_view::npos ||
      host.front() == '.' || host.front() == '-') {
    return Status::InvalidArgument("--allow-host " + quoted +
                                   ": a host name is letters, digits, '-' and '.' (an IPv6 "
                                   "address goes in brackets)");
  }
  return Status::Ok();
}

WriteGuard::WriteGuard(std::string_view host, int port, std::string token,
                       const std::vector<std::string>& allowed_hosts)
    : bound_(true), token_(std::move(token)) {
  const std::string h = AsciiLowercase(host);
  if (h.empty() || h == "0.0.0.0" || h == "::" || h == "[::]" || h == "*") {
    any_host_ = true;
    return;
  }
  std::vector<std::string> names;
  const bool v6 = h.find(':') != std::string::npos && h.front() != '[';
  names.push_back(v6 ? "[" + h + "]" : h);
  if (IsLoopback(h)) {
    for (const char* n : {"127.0.0.1", "localhost", "[::1]"}) {
      if (names.front() != n) names.push_back(n);
    }
  }
  std::string suffix = ":";
  suffix += std::to_string(port);
  std::vector<std::string> exact;
  for (const std::string& allowed : allowed_hosts) {
    const std::string a = AsciiLowercase(allowed);
    (PortStart(a) == std::string::npos ? names : exact).push_back(a);
  }
  for (const std::string& n : names) {
    hosts_.push_back(n + suffix);
    // A browser leaves the default port out of Host.
    if (port == 80) hosts_.push_back(n);
  }
  for (std::string& e : exact) {
    // A browser leaves the default port out of Host.
    if (e.size() > 3 && e.compare(e.size() - 3, 3, ":80") == 0) hosts_.push_back(e.substr(0, e.size() - 3));
    hosts_.push_back(std::move(e));
  }
}

std::optional<ApiResponse> WriteGuard::CheckHost(std::string_view host_header) const {
  if (!bound_) return ErrorResponse(403, "the server is not listening yet");
  const std::string host = AsciiLowercase(Trim(host_header));
  bool host_ok = !host.empty() && any_host_;
  for (const std::string& h : hosts_) host_ok = host_ok || host == h;
  if (!host_ok) {
    return ErrorResponse(403, "refused: the Host header '" + std::string(host_header) +
                                  "' is not a name this server answers to (open the page at "
                                  "the address `paperdeck serve` printed, or start it with "
                                  "--allow-host NAME)");
  }
  return std::nullopt;
}

std::optional<ApiResponse> WriteGuard::Check(const WriteHeaders& headers) const {
  if (std::optional<ApiResponse> refused = CheckHost(headers.host)) return refused;
  const std::string host = AsciiLowercase(Trim(headers.host));
  if (!headers.origin.empty() && AsciiLowercase(Trim(headers.origin)) != "http://" + host) {
    return ErrorResponse(403, "refused: a write from another origin ('" +
                                  std::string(headers.origin) + "')");
  }
  if (!token_.empty()) {
    std::string_view auth = Trim(headers.authorization);
    constexpr std::string_view kBearer = "bearer ";
    if (auth.size() < kBearer.size() || AsciiLowercase(auth.substr(0, kBearer.size())) != kBearer ||
        !SameSecret(Trim(auth.substr(kBearer.size())), token_)) {
      return ErrorResponse(401, "this server listens beyond this machine: a write needs the "
                                "token `paperdeck serve` printed (Authorization: Bearer TOKEN)");
    }
  }
  std::string_view type = headers.content_type.substr(0, headers.content_type.find(';'));
  if (AsciiLowercase(Trim(type)) != "application/json") {
    return ErrorResponse(415, "a write's body is JSON (Content-Type: application/json), not '" +
                                  std::string(headers.content_type) + "'");
  }
  return std::nullopt;
}

Result<std::string> NewAccessToken() {
  std::unique_ptr<FILE, decltype(&std::fclose)> f(std::fopen("/dev/urandom", "rb"), &std::fclose);
  unsigned char bytes[32];
  if (!f || std::fread(bytes, 1, sizeof bytes, f.get()) != sizeof bytes) {
    return Status::IOError("could not read /dev/urandom for the server's token");
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

}  // namespace paperdeck::http
