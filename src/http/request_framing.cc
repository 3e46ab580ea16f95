#include "http/request_framing.h"

#include "model/ascii_case.h"

namespace paperdeck::http {
namespace {

bool SameName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  const size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

size_t Count(const std::vector<Header>& headers, std::string_view name) {
  size_t n = 0;
  for (const Header& h : headers) n += SameName(h.first, name);
  return n;
}

}  // namespace

std::optional<std::string_view> FindHeader(const std::vector<Header>& headers,
                                           std::string_view name) {
  for (const Header& h : headers) {
    if (SameName(h.first, name)) return std::string_view(h.second);
  }
  return std::nullopt;
}

std::optional<ApiResponse> CheckFraming(const RequestHead& head) {
  static const std::vector<Header> kNone;
  const std::vector<Header>& headers = head.headers ? *head.headers : kNone;
  if (head.method.size() + head.target.size() + head.version.size() + 2 > kMaxRequestLineBytes) {
    return ErrorResponse(414, "request line too long (at most 8 KiB)");
  }
  size_t bytes = 0;
  for (const Header& h : headers) bytes += h.first.size() + h.second.size() + 4;
  if (headers.size() > kMaxHeaderCount || bytes > kMaxHeaderBytes) {
    return ErrorResponse(431, "request headers too large (at most 64 lines and 16 KiB)");
  }
  if (Count(headers, "Host") > 1) return ErrorResponse(400, "two Host headers");
  const size_t lengths = Count(headers, "Content-Length");
  std::optional<std::string_view> encoding = FindHeader(headers, "Transfer-Encoding");
  if (lengths > 1) {
    return ErrorResponse(400, "more than one Content-Length header: where the body ends is unclear");
  }
  if (lengths == 1 && encoding) {
    return ErrorResponse(400,
                         "Content-Length beside Transfer-Encoding: where the body ends is unclear");
  }
  if (encoding) {
    if (Count(headers, "Transfer-Encoding") > 1 ||
        AsciiLowercase(Trim(*encoding)) != "chunked") {
      return ErrorResponse(400, "Transfer-Encoding is chunked or absent, not '" +
                                    std::string(*encoding) + "'");
    }
  }
  if (lengths == 1) {
    std::string_view value = Trim(*FindHeader(headers, "Content-Length"));
    if (value.empty() || value.size() > 18 ||
        value.find_first_not_of("0123456789") != std::string_view::npos) {
      return ErrorResponse(400, "Content-Length is a number of bytes, not '" + std::string(value) +
                                    "'");
    }
    if (std::stoull(std::string(value)) > kMaxBodyBytes) {
      return ErrorResponse(413, "request body too large (at most 64 KiB)");
    }
  }
  return std::nullopt;
}

}  // namespace paperdeck::http
