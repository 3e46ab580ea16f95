#include "net/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <mutex>
#include <random>
#include <thread>

namespace paperdeck::net {
namespace {

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t AppendBody(char* data, size_t size, size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

size_t ReadHeader(char* data, size_t size, size_t n, void* out) {
  std::string_view line(data, size * n);
  auto* headers = static_cast<std::map<std::string, std::string>*>(out);
  if (line.starts_with("HTTP/")) {
    headers->clear();  // a new response (after a redirect or 100-continue)
    return size * n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return size * n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  (*headers)[name] = std::string(value);
  return size * n;
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

std::chrono::milliseconds Jittered(std::chrono::milliseconds d) {
  // "Equal jitter": half the delay fixed, half random, so clients that failed together spread out.
  thread_local std::mt19937_64 rng{std::random_device{}()};
  long long half = d.count() / 2;
  std::uniform_int_distribution<long long> dist(0, std::max<long long>(half, 0));
  return std::chrono::milliseconds(half + dist(rng));
}

}  // namespace

void SleepFor(std::chrono::milliseconds wait, const std::string&) {
  std::this_thread::sleep_for(wait);
}

std::string UserAgent(std::string_view contact) {
  std::string ua = "paperdeck/0.1.0 (local-first research-paper search";
  if (!contact.empty()) ua += "; mailto:" + std::string(contact);
  ua += ")";
  return ua;
}

std::string UrlEncode(std::string_view text) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

long long RetryAfterSeconds(std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (value.empty()) return -1;
  if (std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (value.size() > 9) return -1;
    return std::stoll(std::string(value));
  }
  // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT".
  std::tm tm{};
  std::string text(value);
  if (strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S", &tm) == nullptr) return -1;
  time_t at = timegm(&tm);
  long long delta = static_cast<long long>(at) - std::chrono::system_clock::to_time_t(now);
  return std::max<long long>(delta, 0);
}

struct HttpClient::Attempt {
  HttpResponse response;
  bool transport_failed = false;  // no complete HTTP response
  std::string error;              // what went wrong, for the message
};

HttpClient::HttpClient(SourcePolicy policy, std::string user_agent, RetryWait wait)
    : policy_(std::move(policy)),
      user_agent_(std::move(user_agent)),
      wait_(wait ? std::move(wait) : RetryWait(SleepFor)),
      limiter_(policy_.min_interval, policy_.shared_lock, policy_.on_spacing_wait) {
  GlobalInitOnce();
}

HttpClient::~HttpClient() = default;

HttpClient::Attempt HttpClient::Once(const HttpRequest& request) {
  Attempt a;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    a.transport_failed = true;
    a.error = "cannot start a transfer (curl_easy_init failed)";
    return a;
  }
  CURL* c = curl.get();
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(c, CURLOPT_USERAGENT, user_agent_.c_str());
  curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl decodes: gzip, deflate
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(policy_.connect_timeout.count()));
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(policy_.timeout.count()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, AppendBody);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &a.response.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, ReadHeader);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &a.response.headers);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  // One connection at a time, never reused across the limiter's gaps.
  curl_easy_setopt(c, CURLOPT_FORBID_REUSE, 1L);
  std::unique_ptr<curl_slist, SlistDeleter> headers;
  for (const auto& [name, value] : request.headers) {
    std::string line = name + ": " + value;
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  }
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  if (request.method == "POST") {
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, request.body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
  }

  CURLcode rc;
  std::chrono::milliseconds held{0};
  {
    RateLimiter::Permit permit(limiter_);
    held = permit.waited();
    rc = curl_easy_perform(c);
  }
  {
    curl_off_t body_bytes = 0;
    long header_bytes = 0;
    curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &body_bytes);
    curl_easy_getinfo(c, CURLINFO_HEADER_SIZE, &header_bytes);
    std::lock_guard<std::mutex> lock(meter_mu_);
    ++meter_.requests;
    meter_.bytes += static_cast<int64_t>(body_bytes) + header_bytes;
    meter_.waited += held;
    meter_.next_allowed =
        std::max(meter_.next_allowed, std::chrono::system_clock::now() +
                                          std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                              policy_.min_interval));
  }
  if (rc != CURLE_OK) {
    a.transport_failed = true;
    a.error = errbuf[0] ? std::string(errbuf) : std::string(curl_easy_strerror(rc));
    if (rc == CURLE_OPERATION_TIMEDOUT) {
      a.error = "timed out: no complete answer within " + std::to_string(policy_.timeout.count()) +
                " ms (" + a.error + ")";
    }
    return a;
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &a.response.status);
  return a;
}

SourceMeter HttpClient::meter() const {
  std::lock_guard<std::mutex> lock(meter_mu_);
  return meter_;
}

Result<HttpResponse> HttpClient::Fetch(const HttpRequest& request) {
  const std::string what = policy_.name + ": " + request.method + " " + request.url;
  std::chrono::milliseconds backoff = policy_.first_backoff;
  const int attempts = std::max(policy_.max_attempts, 1);
  std::string last_error;
  for (int n = 1; n <= attempts; ++n) {
    Attempt a = Once(request);
    a.response.attempts = n;
    std::chrono::milliseconds wait = Jittered(backoff);
    if (a.transport_failed) {
      last_error = a.error;
    } else {
      long s = a.response.status;
      bool retryable = s >= 500 || s == 429;
      if (!retryable) return std::move(a.response);
      last_error = "HTTP " + std::to_string(s);
      if (s == 429 || s == 503) {
        auto it = a.response.headers.find("retry-after");
        if (it != a.response.headers.end()) {
          long long secs = RetryAfterSeconds(it->second);
          if (secs >= 0) {
            // The source said when it may be asked again: the meter remembers it.
            std::lock_guard<std::mutex> lock(meter_mu_);
            meter_.next_allowed = std::max(meter_.next_allowed, std::chrono::system_clock::now() +
                                                                     std::chrono::seconds(secs));
          }
          if (secs > policy_.max_retry_after.count()) {
            std::lock_guard<std::mutex> lock(meter_mu_);
            ++meter_.errors;
            return Status::IOError(what + ": HTTP " + std::to_string(s) + ", the server asks to retry after " +
                                   std::to_string(secs) + " s (more than the " +
                                   std::to_string(policy_.max_retry_after.count()) +
                                   " s we wait); try again later");
          }
          if (secs >= 0) {
            wait = std::chrono::seconds(secs);
            last_error += " (retry after " + std::to_string(secs) + " s)";
          }
        }
      }
    }
    {
      std::lock_guard<std::mutex> lock(meter_mu_);
      ++meter_.errors;
      if (n < attempts) meter_.waited += wait;
    }
    if (n == attempts) break;
    wait_(wait, what + ": " + last_error);
    backoff = std::min(backoff * 2, policy_.max_backoff);
  }
  return Status::IOError(what + ": " + last_error + " after " + std::to_string(attempts) +
                         (attempts == 1 ? " attempt" : " attempts"));
}

}  // namespace paperdeck::net
