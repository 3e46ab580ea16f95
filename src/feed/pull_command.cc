#include "feed/pull_command.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include <fmt/core.h>

#include "feed/arxiv_pull.h"
#include "feed/enrichment.h"
#include "feed/oai_harvest.h"
#include "index/index_writer.h"
#include "ingest/oai_pmh_page.h"
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

// A time, to the second, UTC: "2026-06-18T09:30:00Z" (as the corpus records times).
std::string IsoAt(std::chrono::system_clock::time_point at) {
  std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

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

// Brings the index level with the corpus; false (with a message) when it could not.
bool CatchUpIndex(library::Corpus& corpus, const std::filesystem::path& data, const char* who) {
  auto writer = index::IndexWriter::Open(data / "index");
  if (!writer.ok()) {
    fmt::print(stderr, "{}: the index was not updated: {}\n", who, writer.status().message());
    return false;
  }
  Result<sync::SyncReport> sync = sync::CatchUp(corpus, **writer);
  if (!sync.ok()) {
    fmt::print(stderr, "{}: the index was not updated: {}\n", who, sync.status().message());
    return false;
  }
  fmt::print("index: {} papers indexed, {} removed, at revision {}\n", sync->indexed,
             sync->removed, sync->to_revision);
  return true;
}

// Prints the first kIssuesShown problems of a run, and how many more there were.
void PrintIssues(const std::vector<std::string>& issues) {
  int shown = 0;
  for (const std::string& issue : issues) {
    if (shown++ < kIssuesShown) fmt::print(stderr, "{}\n", issue);
  }
  if (shown > kIssuesShown) fmt::print(stderr, "... and {} more\n", shown - kIssuesShown);
}

// Ends a pull or harvest: records the run (record holds what it fetched; its outcome is filled in
// here), brings the index level with the corpus, and gives the command's exit code. kept: whether
// anything was committed before a stop.
int FinishRun(library::Corpus& corpus, library::Corpus::Pull record, const Status& stopped,
              size_t issues, bool kept, const std::filesystem::path& data, const char* who) {
  record.errors = issues + (stopped.ok() ? 0 : 1);
  record.message = stopped.ok() ? "" : stopped.message();
  if (Status s = corpus.RecordPull(record); !s.ok()) {
    fmt::print(stderr, "{}: could not record the run: {}\n", who, s.message());
  }
  bool indexed = CatchUpIndex(corpus, data, who);
  if (!stopped.ok()) return kept ? kExitPartial : kExitFailed;
  if (!indexed) return kExitFailed;
  return issues == 0 ? kExitOk : kExitPartial;
}

// arXiv's policy, its 3 s kept across every paperdeck process using this data directory.
net::SourcePolicy ArxivPolicy(const net::SourceSettings& settings,
                              const std::filesystem::path& data) {
  net::SourcePolicy policy = settings.ArxivPolicy();
  policy.shared_lock = data / "arxiv.lock";
  return policy;
}

// A client's wait before a retry (rate limit, Retry-After, backoff): said on stderr, then slept.
void SayWaitThenSleep(std::chrono::milliseconds wait, const std::string& reason) {
  fmt::print(stderr, "{}; waiting {:.1f} s\n", reason, static_cast<double>(wait.count()) / 1000.0);
  net::SleepFor(wait, reason);
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
  net::HttpClient client(ArxivPolicy(*settings, options.data), net::UserAgent(settings->contact),
                         SayWaitThenSleep);

  const std::string started_at = NowIso();
  auto start = std::chrono::steady_clock::now();
  ArxivPullReport report = PullFromArxiv(**corpus, client, pull, PrintPaper);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

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
  return FinishRun(**corpus, record, report.stopped, report.issues.size(), report.fetched > 0,
                   options.data, "paperdeck pull");
}

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
  Result<net::SourceSettings> settings = Settings(options.data);
  if (!settings.ok()) {
    fmt::print(stderr, "paperdeck harvest: {}\n", settings.status().message());
    return kExitUsage;
  }
  OaiHarvestOptions h;
  h.oai_url = settings->arxiv_oai_url;
  h.format = options.format;
  h.from = options.from;
  h.until = options.until;
  h.set = options.set;
  h.max_pages = options.max_pages;
  auto corpus = library::Corpus::Open(options.data);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck harvest: {}\n", corpus.status().message());
    return kExitFailed;
  }
  net::HttpClient client(ArxivPolicy(*settings, options.data), net::UserAgent(settings->contact),
                         SayWaitThenSleep);
  const std::string started_at = NowIso();
  auto start = std::chrono::steady_clock::now();
  OaiHarvestReport report = HarvestOai(**corpus, client, h);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  PrintIssues(report.issues);
  fmt::print("OAI-PMH {}{}: {} pages, {} records ({} added, {} updated, {} unchanged), {} deleted "
             "in {:.1f} s; {}\n",
             HarvestStateName(h).substr(10), report.resumed ? " (resumed)" : "", report.pages,
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
  record.query = "harvest " + HarvestStateName(h).substr(10);
  record.remote_query = h.oai_url;
  record.started_at = started_at;
  record.fetched = report.records;
  record.added = report.added;
  record.updated = report.updated;
  record.seconds = seconds;
  return FinishRun(**corpus, record, report.stopped, report.issues.size(), report.pages > 0,
                   options.data, "paperdeck harvest");
}

int RunEnrich(const EnrichCommandOptions& options) {
  const std::filesystem::path& data = options.data;
  std::string date = options.date.empty() ? FormatIsoDate(Today()) : options.date;
  if (!ParseIsoDate(date)) {
    fmt::print(stderr, "paperdeck enrich: --date wants a date like 2026-06-01, not '{}'\n", date);
    return kExitUsage;
  }
  if (options.max_lookups < 0 || options.max_lookups > 10000) {
    fmt::print(stderr, "paperdeck enrich: --max must be from 0 to 10000\n");
    return kExitUsage;
  }
  Result<net::SourceSettings> settings = Settings(data);
  if (!settings.ok()) {
    fmt::print(stderr, "paperdeck enrich: {}\n", settings.status().message());
    return kExitUsage;
  }
  std::chrono::seconds max_age = settings->enrich_max_age;
  if (!options.max_age.empty()) {
    Result<std::chrono::seconds> age = net::ParseAge(options.max_age);
    if (!age.ok()) {
      fmt::print(stderr, "paperdeck enrich: --max-age: {}\n", age.status().message());
      return kExitUsage;
    }
    max_age = *age;
  }
  // Numbers fetched at or after this time are fresh enough; --all refetches everything.
  const std::string fetched_before =
      options.all ? "" : IsoAt(std::chrono::system_clock::now() - max_age);
  auto corpus = library::Corpus::Open(data);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck enrich: {}\n", corpus.status().message());
    return kExitFailed;
  }
  bool any_stopped = false;
  auto finish = [&](const char* source, const char* what, const EnrichReport& r, double seconds) {
    fmt::print("{}: asked about {} papers, {} known, {} updated ({}) in {:.1f} s{}\n", source,
               r.asked, r.known, r.updated, what, seconds,
               r.fresh > 0 ? fmt::format("; {} fetched within the max age, not asked", r.fresh)
                           : std::string());
    if (!r.stopped.ok()) {
      any_stopped = true;
      fmt::print(stderr, "paperdeck enrich: {} stopped: {}\n", source, r.stopped.message());
    }
    library::Corpus::Pull record;
    record.source = source;
    record.query = std::string("enrich ") + what;
    record.fetched = r.known;
    record.updated = r.updated;
    record.errors = r.issues.size() + (r.stopped.ok() ? 0 : 1);
    record.message = r.stopped.ok() ? "" : r.stopped.message();
    record.seconds = seconds;
    (void)(*corpus)->RecordPull(record);
  };
  {
    net::HttpClient client(settings->PolicyFor("Semantic Scholar"),
                           net::UserAgent(settings->contact), SayWaitThenSleep);
    ScholarOptions o;
    o.api_url = settings->semantic_scholar_url;
    o.api_key = settings->semantic_scholar_key;
    o.fetched_before = fetched_before;
    auto start = std::chrono::steady_clock::now();
    EnrichReport r = EnrichFromSemanticScholar(**corpus, client, o);
    finish("semantic-scholar", "citations, venue", r,
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  {
    net::HttpClient client(settings->PolicyFor("Hugging Face"),
                           net::UserAgent(settings->contact), SayWaitThenSleep);
    auto start = std::chrono::steady_clock::now();
    // With --all, papers not looked up since the listing was read are looked up.
    const std::string listing_read_at = NowIso();
    EnrichReport r = EnrichFromHuggingFace(**corpus, client, settings->huggingface_url, date);
    finish("huggingface", ("upvotes " + date).c_str(), r,
           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (options.max_lookups > 0) {
      HuggingFaceLookup lookup;
      lookup.api_url = settings->huggingface_url;
      lookup.fetched_before = options.all ? listing_read_at : fetched_before;
      lookup.max_papers = static_cast<size_t>(options.max_lookups);
      start = std::chrono::steady_clock::now();
      EnrichReport l = LookUpOnHuggingFace(**corpus, client, lookup);
      for (const std::string& issue : l.issues) fmt::print(stderr, "{}\n", issue);
      finish("huggingface", "upvotes, paper lookups", l,
             std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  bool indexed = CatchUpIndex(**corpus, data, "paperdeck enrich");
  if (any_stopped) return kExitPartial;
  return indexed ? kExitOk : kExitFailed;
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
