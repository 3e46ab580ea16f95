#include "cli/stats_command.h"

#include <cstdio>
#include <string>
#include <vector>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/index_lag.h"
#include "cli/open_workspace.h"
#include "cli/remote_run.h"
#include "library/corpus.h"
#include "model/calendar.h"
#include "model/digit_groups.h"
#include "net/source_settings.h"
#include "present/stats_json.h"
#include "vectors/word_vectors.h"

namespace paperdeck::cli {
namespace {

constexpr size_t kPullsShown = 10;

}  // namespace

int RunStats(const StatsOptions& options) {
  auto workspace = OpenWorkspace(options.data, "stats");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto stats = (*corpus)->Stats();
  if (!stats.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", stats.status().message());
    return kExitFailed;
  }
  auto index = workspace->IndexStateAt(stats->revision);
  if (!index.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", index.status().message());
    return kExitFailed;
  }
  Result<std::vector<library::Corpus::Pull>> pulls = (*corpus)->RecentPulls(kPullsShown);
  if (!pulls.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", pulls.status().message());
    return kExitFailed;
  }
  Result<net::SourceSettings> settings = LoadSettings(*workspace);
  // The quota meter: what each remote source was asked today (UTC), all runs together.
  const std::string today = FormatIsoDate(Today());
  Result<std::vector<library::SourceUsage>> usage = (*corpus)->SourceUsageOn(today);
  if (!usage.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", usage.status().message());
    return kExitFailed;
  }

  // The word model (search --mode hybrid): when it was trained and on how many papers.
  Result<std::unique_ptr<vectors::WordVectors>> words =
      vectors::WordVectors::Read(workspace->words_file());
  std::string words_line;
  if (words.ok()) {
    const int64_t day = (*words)->trained_at() / 86400;
    const int64_t sec = (*words)->trained_at() % 86400;
    words_line = fmt::format("{} words × {} dimensions, trained {} {:02}:{:02} UTC on {} papers "
                             "in {:.1f} s",
                             WithCommas((*words)->word_count()), (*words)->dim(),
                             FormatIsoDate(static_cast<int32_t>(day)),
                             sec / 3600, sec / 60 % 60, WithCommas((*words)->papers()),
                             (*words)->train_seconds());
  } else if (words.status().code() == Status::Code::kNotFound) {
    words_line = fmt::format("none (`paperdeck reindex --vectors` learns them from {} papers or "
                             "more)", WithCommas(vectors::kMinTrainingPapers));
  } else {
    words_line = words.status().message();
  }

  if (options.json) {
    nlohmann::json j = present::StatsJson(*stats, *index);
    if (words.ok()) {
      j["word_vectors"] = {{"words", (*words)->word_count()}, {"dim", (*words)->dim()},
                           {"trained_at", (*words)->trained_at()},
                           {"papers", (*words)->papers()},
                           {"train_seconds", (*words)->train_seconds()}};
    } else {
      j["word_vectors"] = nullptr;
      j["word_vectors_message"] = words_line;
    }
    j["data_dir"] = options.data.string();
    j["source_settings"] = nlohmann::json::object();
    if (settings.ok()) {
      for (const auto& [key, value] : net::Describe(*settings)) j["source_settings"][key] = value;
    } else {
      j["source_settings_error"] = settings.status().message();
    }
    j["pulls"] = nlohmann::json::array();
    for (const library::Corpus::Pull& p : *pulls) {
      j["pulls"].push_back({{"source", p.source},   {"query", p.query},
                            {"remote_query", p.remote_query},
                            {"started_at", p.started_at},
                            {"fetched", p.fetched}, {"added", p.added},
                            {"updated", p.updated}, {"errors", p.errors},
                            {"message", p.message}, {"seconds", p.seconds}});
    }
    j["quota"] = nlohmann::json::array();
    for (const library::SourceUsage& u : *usage) {
      j["quota"].push_back({{"day", u.day}, {"source", u.source}, {"requests", u.requests},
                            {"bytes", u.bytes}, {"wait_seconds", u.wait_ms / 1000.0},
                            {"errors", u.errors}, {"next_allowed", u.next_allowed}});
    }
    fmt::print("{}\n", j.dump(2));
    return settings.ok() ? kExitOk : kExitFailed;
  }

  fmt::print("data directory  {}\n", options.data.string());
  fmt::print("corpus          {} papers, {:.1f} MiB, revision {}\n", stats->papers,
             static_cast<double>(stats->database_bytes) / (1 << 20), stats->revision);
  if (!stats->earliest_date.empty()) {
    fmt::print("published       {} .. {}\n", stats->earliest_date, stats->latest_date);
  }
  fmt::print("index           {} documents in {} segment{}, {:.1f} MiB, revision {}\n",
             index->documents, index->segments, index->segments == 1 ? "" : "s",
             static_cast<double>(index->bytes) / (1 << 20), index->revision);
  if (std::string lag = DescribeIndexLag(*index, workspace->index_dir(), false); !lag.empty()) {
    fmt::print("                {}\n", lag);
  }
  fmt::print("word vectors    {}\n", words_line);
  if (!stats->top_categories.empty()) {
    fmt::print("top categories ");
    for (const auto& [name, n] : stats->top_categories) fmt::print(" {} {}", name, n);
    fmt::print("\n");
  }
  if (!stats->by_source.empty()) {
    fmt::print("papers from    ");
    for (const auto& [name, n] : stats->by_source) fmt::print(" {} {}", name, n);
    fmt::print("\n");
  }

  fmt::print("\nsources ({} in the data directory, then PAPERDECK_* variables)\n",
             net::kConfigFileName);
  if (!settings.ok()) {
    fmt::print("  {}\n", settings.status().message());
  } else {
    for (const auto& [key, value] : net::Describe(*settings)) {
      fmt::print("  {:<26}{}\n", key, value);
    }
  }

  fmt::print("\npulls (latest first)\n");
  if (pulls->empty()) fmt::print("  none yet: try  paperdeck pull \"cat:cs.CL attention\"\n");
  for (const library::Corpus::Pull& p : *pulls) {
    fmt::print("  {}  {}  \"{}\"  {} fetched: {} added, {} updated, {} errors, {:.1f} s\n",
               p.started_at, p.source, p.query, p.fetched, p.added, p.updated, p.errors,
               p.seconds);
    if (!p.message.empty()) fmt::print("      stopped: {}\n", p.message);
  }

  fmt::print("\nquota meter (today, UTC)\n");
  if (usage->empty()) fmt::print("  no requests today\n");
  for (const library::SourceUsage& u : *usage) {
    fmt::print("  {}  {:<17} {} requests, {:.1f} KiB, {:.1f} s waited, {} errors, next allowed {}\n",
               u.day, u.source, u.requests, static_cast<double>(u.bytes) / 1024,
               static_cast<double>(u.wait_ms) / 1000.0, u.errors,
               u.next_allowed.empty() ? "-" : u.next_allowed);
  }
  return settings.ok() ? kExitOk : kExitFailed;
}

}  // namespace paperdeck::cli
