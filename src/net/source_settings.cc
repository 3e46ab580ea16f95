#include "net/source_settings.h"

#include <cstdlib>
#include <fstream>

namespace paperdeck::net {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status ParseCount(std::string_view value, long long low, long long high, long long* out) {
  try {
    size_t used = 0;
    long long v = std::stoll(std::string(value), &used);
    if (used != value.size() || v < low || v > high) throw std::out_of_range("range");
    *out = v;
    return Status::Ok();
  } catch (...) {
    return Status::InvalidArgument("'" + std::string(value) + "' is not a whole number from " +
                                   std::to_string(low) + " to " + std::to_string(high));
  }
}

Status ParseSeconds(std::string_view value, std::chrono::milliseconds* out) {
  try {
    size_t used = 0;
    double v = std::stod(std::string(value), &used);
    if (used != value.size() || !(v > 0) || v > 3600) throw std::out_of_range("range");
    *out = std::chrono::milliseconds(static_cast<long long>(v * 1000));
    return Status::Ok();
  } catch (...) {
    return Status::InvalidArgument("'" + std::string(value) +
                                   "' is not a number of seconds (above 0, at most 3600)");
  }
}

Status CheckUrl(std::string_view value) {
  if (value.starts_with("http://") || value.starts_with("https://")) return Status::Ok();
  return Status::InvalidArgument("'" + std::string(value) + "' is not an http:// or https:// URL");
}

// Applies one setting. Keys are those of the config file.
Status Apply(std::string_view key, std::string_view value, SourceSettings* s) {
  auto url = [&](std::string* field) {
    PAPERDECK_RETURN_IF_ERROR(CheckUrl(value));
    *field = std::string(value);
    while (!field->empty() && field->back() == '/') field->pop_back();
    return Status::Ok();
  };
  if (key == "arxiv.api_url") return url(&s->arxiv_api_url);
  if (key == "arxiv.oai_url") return url(&s->arxiv_oai_url);
  if (key == "semanticscholar.api_url") return url(&s->semantic_scholar_url);
  if (key == "huggingface.api_url") return url(&s->huggingface_url);
  if (key == "semanticscholar.api_key") {
    s->semantic_scholar_key = std::string(value);
    return Status::Ok();
  }
  if (key == "http.contact") {
    s->contact = std::string(value);
    return Status::Ok();
  }
  if (key == "http.timeout_seconds") return ParseSeconds(value, &s->timeout);
  if (key == "http.max_attempts") {
    long long v = 0;
    PAPERDECK_RETURN_IF_ERROR(ParseCount(value, 1, 20, &v));
    s->max_attempts = static_cast<int>(v);
    return Status::Ok();
  }
  if (key == "http.first_backoff_seconds") return ParseSeconds(value, &s->first_backoff);
  if (key == "enrich.max_age") {
    Result<std::chrono::seconds> age = ParseAge(value);
    if (!age.ok()) return age.status();
    s->enrich_max_age = *age;
    return Status::Ok();
  }
  if (key == "test.arxiv_interval_ms") {
    long long v = 0;
    PAPERDECK_RETURN_IF_ERROR(ParseCount(value, 0, 600000, &v));
    s->arxiv_interval = std::chrono::milliseconds(v);
    return Status::Ok();
  }
  return Status::InvalidArgument("unknown setting '" + std::string(key) + "'");
}

struct EnvKey {
  const char* env;
  const char* key;
};
constexpr EnvKey kEnvKeys[] = {
    {"PAPERDECK_ARXIV_API_URL", "arxiv.api_url"},
    {"PAPERDECK_ARXIV_OAI_URL", "arxiv.oai_url"},
    {"PAPERDECK_S2_API_URL", "semanticscholar.api_url"},
    {"PAPERDECK_S2_API_KEY", "semanticscholar.api_key"},
    {"PAPERDECK_HF_API_URL", "huggingface.api_url"},
    {"PAPERDECK_CONTACT", "http.contact"},
    {"PAPERDECK_HTTP_TIMEOUT", "http.timeout_seconds"},
    {"PAPERDECK_HTTP_ATTEMPTS", "http.max_attempts"},
    {"PAPERDECK_HTTP_BACKOFF", "http.first_backoff_seconds"},
    {"PAPERDECK_ENRICH_MAX_AGE", "enrich.max_age"},
    {"PAPERDECK_TEST_ARXIV_INTERVAL_MS", "test.arxiv_interval_ms"},
};

}  // namespace

Result<std::chrono::seconds> ParseAge(std::string_view text) {
  const Status bad = Status::InvalidArgument(
      "'" + std::string(text) + "' is not an age like 7d, 12h, 30m, 45s or 0");
  if (text == "0") return std::chrono::seconds(0);
  if (text.size() < 2) return bad;
  long long unit = 0;
  switch (text.back()) {
    case 'd': unit = 86400; break;
    case 'h': unit = 3600; break;
    case 'm': unit = 60; break;
    case 's': unit = 1; break;
    default: return bad;
  }
  long long n = 0;
  if (!ParseCount(text.substr(0, text.size() - 1), 0, 100000, &n).ok()) return bad;
  return std::chrono::seconds(n * unit);
}

std::optional<std::string> ProcessEnv(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  return std::string(v);
}

SourcePolicy SourceSettings::ArxivPolicy() const {
  SourcePolicy p = PolicyFor("arXiv");
  p.min_interval = arxiv_interval;
  return p;
}

SourcePolicy SourceSettings::PolicyFor(std::string name) const {
  SourcePolicy p;
  p.name = std::move(name);
  p.min_interval = std::min(arxiv_interval, std::chrono::milliseconds(1000));
  p.max_attempts = max_attempts;
  p.first_backoff = first_backoff;
  p.timeout = timeout;
  p.connect_timeout = std::min(timeout, std::chrono::milliseconds(10000));
  return p;
}

Result<SourceSettings> LoadSourceSettings(const std::filesystem::path& config_file,
                                          const EnvLookup& env) {
  SourceSettings s;
  std::ifstream in(config_file);
  if (in) {
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      std::string_view text = line;
      if (size_t hash = text.find('#'); hash != std::string_view::npos) text = text.substr(0, hash);
      text = Trim(text);
      if (text.empty()) continue;
      size_t eq = text.find('=');
      std::string where = config_file.string() + ":" + std::to_string(number) + ": ";
      if (eq == std::string_view::npos) {
        return Status::InvalidArgument(where + "expected 'key = value'");
      }
      if (Status st = Apply(Trim(text.substr(0, eq)), Trim(text.substr(eq + 1)), &s); !st.ok()) {
        return Status::InvalidArgument(where + st.message());
      }
    }
  }
  for (const EnvKey& k : kEnvKeys) {
    std::optional<std::string> v = env(k.env);
    if (!v) continue;
    if (Status st = Apply(k.key, Trim(*v), &s); !st.ok()) {
      return Status::InvalidArgument(std::string(k.env) + ": " + st.message());
    }
  }
  return s;
}

std::vector<std::pair<std::string, std::string>> Describe(const SourceSettings& s) {
  return {
      {"arxiv.api_url", s.arxiv_api_url},
      {"arxiv.oai_url", s.arxiv_oai_url},
      {"semanticscholar.api_url", s.semantic_scholar_url},
      {"semanticscholar.api_key", s.semantic_scholar_key.empty() ? "(not set)" : "(set)"},
      {"huggingface.api_url", s.huggingface_url},
      {"http.contact", s.contact.empty() ? "(not set)" : s.contact},
      {"http.timeout_seconds", std::to_string(s.timeout.count() / 1000.0)},
      {"http.max_attempts", std::to_string(s.max_attempts)},
      {"enrich.max_age", std::to_string(s.enrich_max_age.count()) + " s"},
      {"arxiv interval (ms)", std::to_string(s.arxiv_interval.count())},
  };
}

}  // namespace paperdeck::net
