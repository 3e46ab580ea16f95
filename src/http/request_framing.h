// Request framing: whether a request's head (its line and headers, as the HTTP layer read them)
// is one request the server can read safely, before its body is read or any work is done.
//   - 414: a request line over kMaxRequestLineBytes.
//   - 431: more than kMaxHeaderCount headers, or over kMaxHeaderBytes of them.
//   - 400: a Content-Length that is not a plain decimal number (`-5`, `+5`, `5, 5`); two
//     Content-Length headers (even equal ones); Content-Length beside Transfer-Encoding; a
//     Transfer-Encoding other than `chunked`; two Host headers. Where a proxy and this server
//     could disagree on where a request ends, one request could hide another (request
//     smuggling), so the server refuses, and closes the connection.
//   - 413: a declared body over kMaxBodyBytes (a chunked body is counted as it arrives).
// Answers are JSON like the API's errors (http/api_handlers.h).
//
// Threading: plain functions over values.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/api_handlers.h"

namespace paperdeck::http {

inline constexpr size_t kMaxRequestLineBytes = 8 * 1024;
inline constexpr size_t kMaxHeaderCount = 64;
inline constexpr size_t kMaxHeaderBytes = 16 * 1024;
inline constexpr size_t kMaxBodyBytes = 64 * 1024;

// A header as received: its name (any case) and value.
using Header = std::pair<std::string, std::string>;

struct RequestHead {
  std::string_view method, target, version;  // the request line's three parts
  const std::vector<Header>* headers = nullptr;  // in the order received, repeats kept
};

// nullopt when the request may be read; else the answer refusing it.
std::optional<ApiResponse> CheckFraming(const RequestHead& head);

// The value of the first header called name (compared without case); nullopt when none is.
std::optional<std::string_view> FindHeader(const std::vector<Header>& headers,
                                           std::string_view name);

}  // namespace paperdeck::http
