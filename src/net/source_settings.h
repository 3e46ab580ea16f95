// SourceSettings: where the remote sources are and how to talk to them. Defaults are the real
// services; the config file `paperdeck.conf` in the data directory overrides them, and
// environment variables override the file (so a test, or one command, can point PaperDeck at a
// local server). docs/sources.md lists every key.
//
// The file holds `key = value` lines; `#` starts a comment; unknown keys are an error (a typo
// must not silently send requests to the real service).
//
// Threading: plain values and pure functions.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "net/http_client.h"

namespace paperdeck::net {

struct SourceSettings {
  std::string arxiv_api_url = "https://export.arxiv.org/api/query";
  std::string arxiv_oai_url = "https://oaipmh.arxiv.org/oai";
  std::string semantic_scholar_url = "https://api.semanticscholar.org/graph/v1";
  std::string semantic_scholar_key;  // optional API key (header x-api-key)
  std::string huggingface_url = "https://huggingface.co/api";
  std::string contact;  // an e-mail address for the User-Agent, as arXiv asks
  std::chrono::milliseconds timeout{60000};
  int max_attempts = 4;
  std::chrono::milliseconds first_backoff{2000};
  // arXiv's terms: 3 s between requests. Only `test.arxiv_interval_ms` (or
  // PAPERDECK_TEST_ARXIV_INTERVAL_MS) may lower it, and only tests set those.
  std::chrono::milliseconds arxiv_interval{3000};
  // `paperdeck enrich` refetches a number only when its source last gave it longer ago.
  std::chrono::seconds enrich_max_age{7 * 86400};

  // The policy for arXiv's API and OAI-PMH endpoints.
  SourcePolicy ArxivPolicy() const;
  // The policy for the other sources (no fixed gap; 1 s between requests to stay polite).
  SourcePolicy PolicyFor(std::string name) const;
};

// An age: a whole number with a unit, "7d", "12h", "30m", "45s", or "0". InvalidArgument else.
Result<std::chrono::seconds> ParseAge(std::string_view text);

using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
// getenv.
std::optional<std::string> ProcessEnv(const char* name);

// The config file's name inside a data directory.
inline constexpr std::string_view kConfigFileName = "paperdeck.conf";

// Defaults, then config_file (when it exists), then env. InvalidArgument names the file and line
// of a bad key or value.
Result<SourceSettings> LoadSourceSettings(const std::filesystem::path& config_file,
                                          const EnvLookup& env = ProcessEnv);

// "key = value" for every setting (the API key shown as "(set)"), for `paperdeck status`.
std::vector<std::pair<std::string, std::string>> Describe(const SourceSettings& settings);

}  // namespace paperdeck::net
