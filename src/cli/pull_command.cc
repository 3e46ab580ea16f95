#include "cli/pull_command.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <string>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "cli/pulled_paper_line.h"
#include "cli/remote_run.h"
#include "feed/arxiv_pull.h"
#include "model/calendar.h"

namespace paperdeck::cli {

int RunPull(const PullCommandOptions& options) {
  feed::ArxivPullOptions pull;
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
  auto workspace = OpenWorkspace(options.data, "pull");
  if (!workspace) return kExitFailed;
  Result<net::SourceSettings> settings = LoadSettings(*workspace);
  if (!settings.ok()) {
    fmt::print(stderr, "paperdeck pull: {}\n", settings.status().message());
    return kExitUsage;
  }
  pull.api_url = settings->arxiv_api_url;

  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck pull: {}\n", corpus.status().message());
    return kExitFailed;
  }
  net::HttpClient client(ArxivPolicy(*settings, *workspace), net::UserAgent(settings->contact),
                         SayWaitThenSleep);

  const std::string started_at = NowIsoTime();
  auto start = std::chrono::steady_clock::now();
  feed::ArxivPullReport report = feed::PullFromArxiv(**corpus, client, pull, PrintPulledPaper);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (const std::string& part : report.left_out) fmt::print(stderr, "paperdeck pull: {}\n", part);
  if (report.remote_query.empty()) {  // the query could not be sent at all
    fmt::print(stderr, "paperdeck pull: {}\n", report.stopped.message());
    return kExitUsage;
  }
  PrintIssues(report.issues);

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
  record.seconds = seconds;
  RecordUsage(**corpus, "arxiv", client, "pull");
  return FinishRun(*workspace, **corpus, record, report.stopped, report.issues.size(),
                   report.fetched > 0, "pull");
}

}  // namespace paperdeck::cli
