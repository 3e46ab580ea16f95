// SourceMeter: what talking to one source has cost, as the quota meter shows it (`paperdeck
// sync`, `paperdeck stats`): requests sent (every attempt, retries included), bytes received,
// time held back for politeness (the rate limiter's gap, Retry-After and backoff waits), failed
// attempts, and the earliest time the source may be asked again. An HttpClient keeps one for
// its source (HttpClient::meter).
//
// Threading: a plain value.
#pragma once

#include <chrono>
#include <cstdint>

namespace paperdeck::net {

struct SourceMeter {
  int64_t requests = 0;  // HTTP requests sent, each retry counted
  int64_t bytes = 0;     // bytes received: headers and body as they came (compressed)
  std::chrono::milliseconds waited{0};  // held back before a request or a retry
  int64_t errors = 0;  // attempts without a usable answer: network errors, timeouts, 429, 5xx
  // The earliest time the source may be asked again: the last request's end plus the gap the
  // source asks for, or what its last Retry-After said. Zero (the epoch) before any request.
  std::chrono::system_clock::time_point next_allowed{};
};

}  // namespace paperdeck::net
