#include "cli/remote_sync.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "cli/pulled_paper_line.h"
#include "cli/remote_run.h"
#include "feed/arxiv_pull.h"
#include "feed/enrichment.h"
#include "feed/sync_plan.h"
#include "feed/sync_run.h"
#include "model/calendar.h"
#include "net/source_settings.h"
#include "workspace/run_lock.h"

namespace paperdeck::cli {
namespace {

constexpr int kHuggingFaceDaysBack = 7;
constexpr size_t kScholarBatch = 500;

std::string Names(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// "202612021000" -> "2026-12-02 10:00".
std::string Minute(const std::string& m) {
  if (m.size() != 12) return m;
  return m.substr(0, 4) + "-" + m.substr(4, 2) + "-" + m.substr(6, 2) + " " + m.substr(8, 2) +
         ":" + m.substr(10, 2);
}

// The papers any saved search matches, in key order, read from the index as it is.
Result<std::vector<int64_t>> WatchedPapers(workspace::Workspace& ws,
                                           const std::vector<library::SavedSearch>& searches) {
  std::set<int64_t> keys;
  for (const library::SavedSearch& s : searches) {
    search::SearchRequest request;
    request.query = s.query;
    Result<workspace::AllMatches> matches = ws.AllMatching(request);
    if (!matches.ok()) return matches.status();
    keys.insert(matches->keys.begin(), matches->keys.end());
  }
  return std::vector<int64_t>(keys.begin(), keys.end());
}

std::string Bytes(int64_t n) {
  if (n < 1024) return fmt::format("{} B", n);
  if (n < 1024 * 1024) return fmt::format("{:.1f} KiB", static_cast<double>(n) / 1024);
  return fmt::format("{:.1f} MiB", static_cast<double>(n) / (1024 * 1024));
}

// An age as typed: "7d", "12h", "30m", "45s".
std::string Age(std::chrono::seconds age) {
  const long long s = age.count();
  if (s > 0 && s % 86400 == 0) return std::to_string(s / 86400) + "d";
  if (s > 0 && s % 3600 == 0) return std::to_string(s / 3600) + "h";
  if (s > 0 && s % 60 == 0) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

struct MeteredSource {
  const char* name;  // as recorded: arxiv, huggingface, semantic-scholar
  const net::HttpClient* client;
};

// Adds this run's costs to today's row of each source and prints the meter: today beside
// this run.
void RecordAndPrintMeter(library::Corpus& corpus, const std::vector<MeteredSource>& sources) {
  const std::string day = FormatIsoDate(Today());
  std::vector<std::pair<std::string, net::SourceMeter>> run;
  for (const MeteredSource& s : sources) {
    run.push_back({s.name, s.client->meter()});
    RecordUsage(corpus, s.name, *s.client, "sync");
  }
  Result<std::vector<library::SourceUsage>> today = corpus.SourceUsageOn(day);
  fmt::print("quota meter ({} UTC; today / this run)\n", day);
  fmt::print("  {:<18}{:>15}{:>22}{:>18}{:>10}  {}\n", "source", "requests", "bytes", "waited",
             "errors", "next allowed");
  for (const auto& [name, m] : run) {
    library::SourceUsage t;
    if (today.ok()) {
      for (const library::SourceUsage& u : *today) {
        if (u.source == name) t = u;
      }
    }
    fmt::print("  {:<18}{:>15}{:>22}{:>18}{:>10}  {}\n", name,
               fmt::format("{} / {}", t.requests, m.requests),
               fmt::format("{} / {}", Bytes(t.bytes), Bytes(m.bytes)),
               fmt::format("{:.1f} / {:.1f} s", t.wait_ms / 1000.0, m.waited.count() / 1000.0),
               fmt::format("{} / {}", t.errors, m.errors),
               t.next_allowed.empty() ? "-" : t.next_allowed);
  }
}

}  // namespace

int RunRemoteSync(workspace::Workspace& ws, const RemoteSyncOptions& o) {
  if (std::string problem = ClockOverrideProblem(); !problem.empty()) {
    fmt::print(stderr, "paperdeck sync: {}\n", problem);
  }
  Result<net::SourceSettings> settings = LoadSettings(ws);
  if (!settings.ok()) {
    fmt::print(stderr, "paperdeck sync: {}\n", settings.status().message());
    return kExitUsage;
  }
  // One remote run at a time per data directory; a dry run changes nothing and needs none.
  std::unique_ptr<workspace::RunLock> lock;
  if (!o.dry_run) {
    auto held = workspace::RunLock::Acquire(ws.root(), o.who);
    if (!held.ok()) {
      if (o.on_busy && held.status().code() == Status::Code::kBusy) {
        o.on_busy(held.status());
      } else {
        fmt::print(stderr, "paperdeck sync: {}\n", held.status().message());
      }
      return kExitFailed;
    }
    lock = std::move(*held);
  }
  auto corpus = ws.Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck sync: {}\n", corpus.status().message());
    return kExitFailed;
  }
  const auto now = Now();
  const std::string started_at = FormatIsoTime(now);
  const int32_t today = Today();
  auto saved = (*corpus)->SavedSearches();
  if (!saved.ok()) {
    fmt::print(stderr, "paperdeck sync: {}\n", saved.status().message());
    return kExitFailed;
  }
  std::vector<feed::SyncSearch> pulling;
  for (const library::SavedSearch& s : *saved) {
    if (s.pull) pulling.push_back({s.name, s.query, s.synced_at});
  }
  feed::SyncPlanOptions plan_options;
  plan_options.now = now;
  plan_options.api_url = settings->arxiv_api_url;
  feed::ArxivSyncPlan plan = feed::PlanArxivSync(pulling, plan_options);
  for (const std::string& notice : plan.notices) fmt::print(stderr, "paperdeck sync: {}\n", notice);

  std::vector<std::string> days;
  if (o.huggingface) {
    auto d = feed::HuggingFaceDays(**corpus, today, kHuggingFaceDaysBack);
    if (!d.ok()) {
      fmt::print(stderr, "paperdeck sync: {}\n", d.status().message());
      return kExitFailed;
    }
    days = std::move(*d);
  }
  const std::chrono::seconds max_age = o.max_age.value_or(settings->enrich_max_age);
  const std::string fetched_before = FormatIsoTime(now - max_age);
  const std::string scholar_url =
      settings->semantic_scholar_url + "/paper/batch?fields=externalIds,citationCount,venue,year";

  if (o.dry_run) {
    fmt::print("paperdeck sync --dry-run: the requests a sync would send now; nothing is sent "
               "or changed\n");
    if (saved->empty()) {
      fmt::print("no saved searches: add one with  paperdeck watch add NAME QUERY\n");
    }
    fmt::print("arXiv ({} request{}; one at a time, {:.0f} s apart; each followed by pages of {} "
               "while arXiv has more):\n",
               plan.requests.size(), plan.requests.size() == 1 ? "" : "s",
               settings->arxiv_interval.count() / 1000.0, plan_options.page_size);
    for (const feed::ArxivSyncRequest& r : plan.requests) {
      fmt::print("  GET {}\n", feed::ArxivPageUrl(settings->arxiv_api_url, r.remote_query, 0,
                                                   plan_options.page_size));
      fmt::print("      for {}: submitted {} .. {} UTC\n", Names(r.searches), Minute(r.from),
                 Minute(r.to));
    }
    if (o.huggingface) {
      fmt::print("Hugging Face daily papers ({} day{}):\n", days.size(), days.size() == 1 ? "" : "s");
      for (const std::string& day : days) {
        fmt::print("  GET {}/daily_papers?date={}\n", settings->huggingface_url, day);
      }
    }
    if (o.scholar) {
      Result<std::vector<int64_t>> watched = WatchedPapers(ws, *saved);
      Result<size_t> due = watched.ok() ? feed::PapersDueFromSemanticScholar(
                                              **corpus, *watched, fetched_before)
                                        : Result<size_t>(watched.status());
      if (!due.ok()) {
        fmt::print(stderr, "paperdeck sync: {}\n", due.status().message());
        return kExitFailed;
      }
      const size_t batches = (*due + kScholarBatch - 1) / kScholarBatch;
      fmt::print("Semantic Scholar ({} watched papers with numbers older than {}, in {} "
                 "request{}):\n",
                 *due, Age(max_age), batches, batches == 1 ? "" : "s");
      for (size_t b = 0; b < batches; ++b) {
        fmt::print("  POST {}  ({} ids)\n", scholar_url,
                   std::min(kScholarBatch, *due - b * kScholarBatch));
      }
    }
    if (o.max_requests > 0) {
      fmt::print("--max-requests {}: the run would stop after that many requests\n",
                 o.max_requests);
    }
    return kExitOk;
  }

  net::HttpClient arxiv(ArxivPolicy(*settings, ws), net::UserAgent(settings->contact),
                        SayWaitThenSleep);
  net::HttpClient huggingface(settings->PolicyFor("Hugging Face"),
                              net::UserAgent(settings->contact), SayWaitThenSleep);
  net::HttpClient scholar(settings->PolicyFor("Semantic Scholar"),
                          net::UserAgent(settings->contact), SayWaitThenSleep);
  feed::RequestCap cap(o.max_requests, {&arxiv, &huggingface, &scholar});
  auto gate = [&] { return cap.allows() && (!o.keep_going || o.keep_going()); };
  const auto start = std::chrono::steady_clock::now();
  auto seconds_since = [](std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  };

  // arXiv.
  feed::ArxivSyncOptions arxiv_options;
  arxiv_options.api_url = settings->arxiv_api_url;
  arxiv_options.synced_at = started_at;
  arxiv_options.may_fetch = gate;
  for (const feed::ArxivSyncRequest& r : plan.requests) {
    fmt::print("arXiv for {}: {}\n", Names(r.searches), r.remote_query);
  }
  std::fflush(stdout);
  feed::ArxivSyncReport a = feed::SyncArxiv(**corpus, arxiv, plan, arxiv_options, PrintPulledPaper);
  PrintIssues(a.issues);
  if (!plan.requests.empty()) {
    fmt::print("arXiv: {} fetched ({} added, {} updated) in {} request{}; synced: {}\n",
               a.fetched, a.added, a.updated, arxiv.meter().requests,
               arxiv.meter().requests == 1 ? "" : "s", a.synced.empty() ? "none" : Names(a.synced));
  } else if (pulling.empty()) {
    fmt::print("arXiv: no saved search pulls (paperdeck watch add NAME QUERY)\n");
  }
  if (!a.stopped.ok()) {
    fmt::print(stderr, "paperdeck sync: arXiv stopped: {}\n", a.stopped.message());
  }
  bool indexed = true;
  if (a.added + a.updated > 0) indexed = CatchUpIndex(ws, "sync") && indexed;

  // Hugging Face.
  feed::HuggingFaceSyncReport h;
  if (o.huggingface && !days.empty()) {
    h = feed::SyncHuggingFace(**corpus, huggingface, settings->huggingface_url, days, gate);
    if (!h.read.empty()) {
      fmt::print("huggingface: {} day{} read ({} .. {}): {} listed, {} in the corpus, {} updated\n",
                 h.read.size(), h.read.size() == 1 ? "" : "s", h.read.front(), h.read.back(),
                 h.numbers.asked, h.numbers.known, h.numbers.updated);
    }
    if (!h.numbers.stopped.ok()) {
      fmt::print(stderr, "paperdeck sync: Hugging Face stopped: {}\n", h.numbers.stopped.message());
    }
  }

  // Semantic Scholar, for the papers the saved searches match now.
  feed::EnrichReport s;
  if (o.scholar && !saved->empty()) {
    Result<std::vector<int64_t>> watched = WatchedPapers(ws, *saved);
    if (!watched.ok()) {
      s.stopped = watched.status();
    } else {
      feed::ScholarOptions so;
      so.api_url = settings->semantic_scholar_url;
      so.api_key = settings->semantic_scholar_key;
      so.fetched_before = fetched_before;
      so.batch_size = kScholarBatch;
      so.may_fetch = gate;
      s = feed::EnrichPapersFromSemanticScholar(**corpus, scholar, *watched, so);
      fmt::print("semantic-scholar: {} watched papers asked about, {} known, {} updated{}\n",
                 s.asked, s.known, s.updated,
                 s.fresh > 0 ? fmt::format("; {} fetched within {}, not asked", s.fresh,
                                           Age(max_age))
                             : std::string());
    }
    if (!s.stopped.ok()) {
      fmt::print(stderr, "paperdeck sync: Semantic Scholar stopped: {}\n", s.stopped.message());
    }
  }
  if (h.numbers.updated + s.updated > 0) indexed = CatchUpIndex(ws, "sync") && indexed;

  const bool held = a.held || h.held || s.held;
  if (held) {
    std::vector<std::string> left;
    if (!a.left.empty()) left.push_back("arXiv for " + Names(a.left));
    if (!h.left.empty()) left.push_back("Hugging Face days " + h.left.front() + " .. " + h.left.back());
    if (s.left > 0) left.push_back(fmt::format("Semantic Scholar for {} papers", s.left));
    fmt::print(stderr, "paperdeck sync: stopped after {} requests{}; left for the next sync: {}\n",
               cap.sent(), o.max_requests > 0 ? fmt::format(" (--max-requests {})", o.max_requests) : "",
               left.empty() ? "nothing" : Names(left));
  } else if (!a.left.empty()) {
    fmt::print(stderr, "paperdeck sync: not synced, asked again by the next sync: {}\n",
               Names(a.left));
  }
  RecordAndPrintMeter(**corpus, {{"arxiv", &arxiv}, {"huggingface", &huggingface},
                                 {"semantic-scholar", &scholar}});

  Status stopped = !a.stopped.ok() ? a.stopped : !h.numbers.stopped.ok() ? h.numbers.stopped
                                                                          : s.stopped;
  const size_t issues = a.issues.size() + h.numbers.issues.size() + s.issues.size();
  library::Corpus::Pull record;
  record.source = "sync";
  record.query = o.who;
  std::string remote;
  for (const feed::ArxivSyncRequest& r : plan.requests) {
    remote += (remote.empty() ? "" : " | ") + r.remote_query;
  }
  record.remote_query = remote;
  record.started_at = started_at;
  record.fetched = a.fetched;
  record.added = a.added;
  record.updated = a.updated + h.numbers.updated + s.updated;
  record.errors = issues + (stopped.ok() ? 0 : 1);
  record.message = !stopped.ok() ? stopped.message()
                   : held        ? "stopped early by the request cap; the rest is left for the next sync"
                                 : "";
  record.seconds = seconds_since(start);
  if (Status st = (*corpus)->RecordPull(record); !st.ok()) {
    fmt::print(stderr, "paperdeck sync: could not record the run: {}\n", st.message());
  }
  const bool kept = a.fetched + h.numbers.known + s.asked > 0;
  if (!indexed) return kExitIndexBehind;
  if (!stopped.ok()) return kept ? kExitPartial : kExitFailed;
  return held || issues > 0 ? kExitPartial : kExitOk;
}

}  // namespace paperdeck::cli
