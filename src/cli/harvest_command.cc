#include "cli/harvest_command.h"

#include <chrono>
#include <cstdio>
#include <string>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "cli/remote_run.h"
#include "feed/oai_harvest.h"
#include "ingest/oai_pmh_page.h"
#include "model/calendar.h"

namespace paperdeck::cli {

int RunHarvest(const HarvestCommandOptions& options) {
  for (const std::string* date : {&options.from, &options.until}) {
    if (!date->empty() && !ParseIsoDate(*date)) {
      fmt::print(stderr, "paperdeck harvest: --from and --until want dates like 2026-06-01, not "
                 "'{}'\n", *date);
      return kExitUsage;
    }
  }
  if (options.format != "arXiv" && options.format != "arXivRaw") {
    fmt::print(stderr, "paperdeck harvest: --format must be arXiv or arXivRaw, not '{}'\n",
               options.format);
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "harvest");
  if (!workspace) return kExitFailed;
  Result<net::SourceSettings> settings = LoadSettings(*workspace);
  if (!settings.ok()) {
    fmt::print(stderr, "paperdeck harvest: {}\n", settings.status().message());
    return kExitUsage;
  }
  feed::OaiHarvestOptions h;
  h.oai_url = settings->arxiv_oai_url;
  h.format = options.format;
  h.from = options.from;
  h.until = options.until;
  h.set = options.set;
  h.max_pages = options.max_pages;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck harvest: {}\n", corpus.status().message());
    return kExitFailed;
  }
  net::HttpClient client(ArxivPolicy(*settings, *workspace), net::UserAgent(settings->contact),
                         SayWaitThenSleep);
  const std::string started_at = NowIsoTime();
  auto start = std::chrono::steady_clock::now();
  feed::OaiHarvestReport report = feed::HarvestOai(**corpus, client, h);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  PrintIssues(report.issues);
  fmt::print("OAI-PMH {}{}: {} pages, {} records ({} added, {} updated, {} unchanged), {} deleted "
             "in {:.1f} s; {}\n",
             feed::HarvestStateName(h).substr(10), report.resumed ? " (resumed)" : "", report.pages,
             report.records, report.added, report.updated, report.unchanged, report.deleted,
             seconds,
             report.complete ? "the list is complete"
                             : "more to come: run the same harvest again to continue");
  if (!report.stopped.ok()) {
    fmt::print(stderr,
               "paperdeck harvest: stopped: {}\nthe {} pages committed before are kept; the "
               "same harvest resumes after them\n",
               report.stopped.message(), report.pages);
  }
  library::Corpus::Pull record;
  record.source = std::string(ingest::kArxivOaiSource);
  record.query = "harvest " + feed::HarvestStateName(h).substr(10);
  record.remote_query = h.oai_url;
  record.started_at = started_at;
  record.fetched = report.records;
  record.added = report.added;
  record.updated = report.updated;
  record.seconds = seconds;
  RecordUsage(**corpus, "arxiv", client, "harvest");
  return FinishRun(*workspace, **corpus, record, report.stopped, report.issues.size(),
                   report.pages > 0, "harvest");
}

}  // namespace paperdeck::cli
