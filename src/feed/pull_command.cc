#include "feed/pull_command.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <fmt/core.h>

#include "feed/arxiv_pull.h"
#include "index/index_writer.h"
#include "library/corpus.h"
#include "model/calendar.h"
#include "net/source_settings.h"
#include "serve/exit_code.h"
#include "sync/index_sync.h"

namespace paperdeck::feed {
namespace {

using serve::kExitFailed;
using serve::kExitOk;
using serve::kExitPartial;
using serve::kExitUsage;

constexpr int kIssuesShown = 20;

// Now, to the second, UTC: "2026-06-18T09:30:00Z".
std::string NowIso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<net::SourceSettings> Settings(const std::filesystem::path& data) {
  return net::LoadSourceSettings(data / std::string(net::kConfigFileName));
}

void PrintPaper(const PulledPaper& p) {
  std::string version = p.version > 0 ? "v" + std::to_string(p.version) : "";
  switch (p.change) {
    case PulledPaper::Change::kAdded:
      fmt::print("  + {}{}  {}  {}\n", p.arxiv_id, version, p.published, p.title);
      break;
    case PulledPaper::Change::kUpdated:
      fmt::print("  ~ {}{}{}  {}\n", p.arxiv_id, version,
                 p.previous_version > 0 && p.previous_version != p.version
                     ? " (was v" + std::to_string(p.previous_version) + ")"
                     : "",
                 p.title);
      break;
    case PulledPaper::Change::kUnchanged:
      break;
  }
}

}  // namespace

int RunPull(const PullCommandOptions& options) {
  ArxivPullOptions pull;
  pull.query = options.query;
  if (options.max_results < 1 || options.max_results > 30000) {
    fmt::print(stderr, "paperdeck pull: --max must be from 1 to 30000 (arXiv's own cap)\n");
    return kExitUsage;
  }
  pull.max_results = options.max_results;
  if (!options.since.empty()) {
    std::optional<int32_t> since = ParseIsoDate(options.since);
    if (!since) {
      fmt::print(stderr, "paperdeck pull: --since wants a date like 2026-06-01, not '{}'\n",
                 options.since);
      return kExitUsage;
    }
    pull.since = since;
  }
  Result<net::SourceSettings> settings = Settings(options.data);
  if (!settings.ok()) {
    fmt::print(stderr, "paperdeck pull: {}\n", settings.status().message());
    return kExitUsage;
  }
  pull.api_url = settings->arxiv_api_url;

  auto corpus = library::Corpus::Open(options.data);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck pull: {}\n", corpus.status().message());
    return kExitFailed;
  }
  net::HttpClient client(settings->ArxivPolicy(), net::UserAgent(settings->contact),
                         [](std::chrono::milliseconds wait, const std::string& reason) {
                           fmt::print(stderr, "{}; waiting {:.1f} s\n", reason,
                                      static_cast<double>(wait.count()) / 1000.0);
                           net::SleepFor(wait, reason);
                         });

  const std::string started_at = NowIso();
  auto start = std::chrono::steady_clock::now();
  ArxivPullReport report = PullFromArxiv(**corpus, client, pull, PrintPaper);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (report.remote_query.empty()) {  // the query could not be sent at all
    fmt::print(stderr, "paperdeck pull: {}\n", report.stopped.message());
    return kExitUsage;
  }
  int shown = 0;
  for (const std::string& issue : report.issues) {
    if (shown++ < kIssuesShown) fmt::print(stderr, "{}\n", issue);
  }
  if (shown > kIssuesShown) fmt::print(stderr, "... and {} more\n", shown - kIssuesShown);

  fmt::print("arXiv {}: {} fetched ({} added, {} updated, {} unchanged) in {:.1f} s{}\n",
             report.remote_query, report.fetched, report.added, report.updated,
             report.unchanged, seconds,
             report.total_results >= 0 ? fmt::format("; {} match on arXiv", report.total_results)
                                       : std::string());
  if (!report.stopped.ok()) {
    fmt::print(stderr,
               "paperdeck pull: stopped: {}\n{} papers stored before the problem are kept; run "
               "the same pull again to continue (nothing is stored twice)\n",
               report.stopped.message(), report.added + report.updated);
  }

  library::Corpus::Pull record;
  record.source = "arxiv-api";
  record.query = options.query + (options.since.empty() ? "" : " --since " + options.since);
  record.remote_query = report.remote_query;
  record.started_at = started_at;
  record.fetched = report.fetched;
  record.added = report.added;
  record.updated = report.updated;
  record.errors = report.issues.size() + (report.stopped.ok() ? 0 : 1);
  record.message = report.stopped.ok() ? "" : report.stopped.message();
  record.seconds = seconds;
  if (Status s = (*corpus)->RecordPull(record); !s.ok()) {
    fmt::print(stderr, "paperdeck pull: could not record the pull: {}\n", s.message());
  }

  bool indexed = true;
  auto writer = index::IndexWriter::Open(options.data / "index");
  if (!writer.ok()) {
    fmt::print(stderr, "paperdeck pull: the index was not updated: {}\n",
               writer.status().message());
    indexed = false;
  } else {
    Result<sync::SyncReport> sync = sync::CatchUp(**corpus, **writer);
    if (!sync.ok()) {
      fmt::print(stderr, "paperdeck pull: the index was not updated: {}\n",
                 sync.status().message());
      indexed = false;
    } else {
      fmt::print("index: {} papers indexed, at revision {}\n", sync->indexed, sync->to_revision);
    }
  }
  if (!report.stopped.ok()) return report.fetched > 0 ? kExitPartial : kExitFailed;
  if (!indexed) return kExitFailed;
  return report.issues.empty() ? kExitOk : kExitPartial;
}

int RunStatus(const std::filesystem::path& data) {
  auto corpus = library::Corpus::Open(data);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck status: {}\n", corpus.status().message());
    return kExitFailed;
  }
  Result<library::CorpusStats> stats = (*corpus)->Stats();
  if (!stats.ok()) {
    fmt::print(stderr, "paperdeck status: {}\n", stats.status().message());
    return kExitFailed;
  }
  fmt::print("data directory  {}\n", data.string());
  fmt::print("corpus          {} papers, revision {}\n", stats->papers, stats->revision);

  Result<net::SourceSettings> settings = Settings(data);
  fmt::print("\nsources ({} in the data directory, then PAPERDECK_* variables)\n",
             net::kConfigFileName);
  if (!settings.ok()) {
    fmt::print("  {}\n", settings.status().message());
  } else {
    for (const auto& [key, value] : net::Describe(*settings)) {
      fmt::print("  {:<26}{}\n", key, value);
    }
  }

  Result<std::vector<library::Corpus::Pull>> pulls = (*corpus)->RecentPulls(10);
  if (!pulls.ok()) {
    fmt::print(stderr, "paperdeck status: {}\n", pulls.status().message());
    return kExitFailed;
  }
  fmt::print("\npulls (latest first)\n");
  if (pulls->empty()) fmt::print("  none yet: try  paperdeck pull \"cat:cs.CL attention\"\n");
  for (const library::Corpus::Pull& p : *pulls) {
    fmt::print("  {}  {}  \"{}\"  {} fetched: {} added, {} updated, {} errors, {:.1f} s\n",
               p.started_at, p.source, p.query, p.fetched, p.added, p.updated, p.errors,
               p.seconds);
    if (!p.message.empty()) fmt::print("      stopped: {}\n", p.message);
  }
  return settings.ok() ? kExitOk : kExitFailed;
}

}  // namespace paperdeck::feed
