// HttpClient: the one way PaperDeck talks to a remote source (arXiv, Semantic Scholar, Hugging
// Face). libcurl underneath, with the manners every source expects: a descriptive User-Agent,
// gzip, connect and total timeouts, a per-source RateLimiter (one request at a time, at least
// min_interval apart), and retries: network errors and 5xx answers are retried with exponential
// backoff and jitter; 429 and 503 wait what the server's Retry-After says (seconds or an HTTP
// date), up to max_retry_after. Other answers (2xx, 3xx after redirects, 4xx) are returned to
// the caller, who knows what a 400 from this source means.
//
// Threading: Fetch may be called from several threads; the limiter serialises them. One client
// per source, so the limit holds for the whole process.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"
#include "net/rate_limiter.h"
#include "net/source_meter.h"

namespace paperdeck::net {

struct HttpRequest {
  std::string url;
  std::string method = "GET";  // GET or POST
  std::string body;            // POST only
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Content-Type", "..."}
};

struct HttpResponse {
  long status = 0;
  std::string body;  // decoded (gzip undone)
  std::map<std::string, std::string> headers;  // names in lowercase; the last value of each
  int attempts = 1;  // how many requests it took
};

// How politely, and how stubbornly, to talk to one source.
struct SourcePolicy {
  std::string name = "source";  // for messages: "arXiv"
  std::chrono::milliseconds min_interval{0};
  int max_attempts = 4;  // requests per Fetch, first one included
  std::chrono::milliseconds first_backoff{1000};  // doubled after each failure, with jitter
  std::chrono::milliseconds max_backoff{60000};
  std::chrono::seconds max_retry_after{300};  // a longer Retry-After ends the Fetch instead
  std::chrono::milliseconds connect_timeout{10000};
  std::chrono::milliseconds timeout{60000};  // for the whole exchange
  // When set, min_interval holds across processes too (see RateLimiter): arXiv's is
  // `arxiv.lock` in the data directory.
  std::filesystem::path shared_lock;
  // Told how long the gap between requests holds the next one back (RateLimiter::SpacingObserver).
  std::function<void(std::chrono::milliseconds)> on_spacing_wait;
};

// Waits between attempts: (how long, why). The default sleeps; tests record instead. The
// RateLimiter's spacing never goes through it: that one always really waits.
using RetryWait = std::function<void(std::chrono::milliseconds, const std::string& reason)>;
void SleepFor(std::chrono::milliseconds wait, const std::string& reason);

// The User-Agent PaperDeck sends: "paperdeck/0.1.0 (local-first paper search; mailto:CONTACT)".
std::string UserAgent(std::string_view contact);

class HttpClient {
 public:
  HttpClient(SourcePolicy policy, std::string user_agent, RetryWait wait = SleepFor);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // The response, or IOError saying what went wrong on the last attempt and how many were made:
  // "arXiv: GET http://...: HTTP 503 after 4 attempts". 4xx other than 429 are returned as
  // responses, not errors.
  Result<HttpResponse> Fetch(const HttpRequest& request);

  const SourcePolicy& policy() const { return policy_; }

  // What this client has cost its source since it was made (net/source_meter.h).
  SourceMeter meter() const;

 private:
  struct Attempt;
  Attempt Once(const HttpRequest& request);

  SourcePolicy policy_;
  std::string user_agent_;
  RetryWait wait_;
  RateLimiter limiter_;
  mutable std::mutex meter_mu_;
  SourceMeter meter_;  // guarded by meter_mu_
};

// "search_query=a b&x" parts: percent-encodes everything but unreserved characters.
std::string UrlEncode(std::string_view text);

// Parses a Retry-After value: delta seconds ("120") or an HTTP date; now is for the date form.
// nullopt-like: returns -1 when the value cannot be read.
long long RetryAfterSeconds(std::string_view value,
                            std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace paperdeck::net
