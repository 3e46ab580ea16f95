#include "http/pull_jobs.h"

#include <chrono>
#include <cmath>
#include <utility>

#include <fmt/core.h>

#include "feed/arxiv_pull.h"
#include "feed/arxiv_query.h"
#include "model/calendar.h"
#include "net/http_client.h"
#include "net/source_settings.h"
#include "workspace/run_lock.h"

namespace paperdeck::http {

using Clock = std::chrono::steady_clock;

struct PullJobs::Job {
  PullStatus status;                         // guarded by PullJobs::mu_
  Clock::time_point waiting_until;           // status.waiting holds until then; guarded by mu_
  std::unique_ptr<workspace::RunLock> lock;  // held by the running pull
  net::SourceSettings settings;
  std::thread thread;
};

namespace {

// "3 s", "0.4 s": a wait as the page says it.
std::string Seconds(std::chrono::milliseconds wait) {
  if (wait < std::chrono::seconds(1)) return fmt::format("{:.1f} s", wait.count() / 1000.0);
  return fmt::format("{} s", static_cast<long long>(std::ceil(wait.count() / 1000.0)));
}

// A retry's reason without the request's address: "arXiv: GET http://...: HTTP 503 (retry
// after 2 s)" is said "arXiv: HTTP 503 (retry after 2 s)" (the page shows the query already).
std::string WithoutAddress(const std::string& reason) {
  size_t scheme = reason.find("://");
  size_t name_end = reason.find(": ");
  if (scheme == std::string::npos || name_end == std::string::npos || name_end > scheme) return reason;
  size_t end = reason.find(": ", scheme);
  if (end == std::string::npos) return reason;
  return reason.substr(0, name_end) + ": " + reason.substr(end + 2);
}

}  // namespace

std::string_view StateName(PullStatus::State state) {
  switch (state) {
    case PullStatus::State::kRunning: return "running";
    case PullStatus::State::kDone: return "done";
    case PullStatus::State::kFailed: return "failed";
  }
  return "running";
}

PullJobs::PullJobs(workspace::Workspace& workspace) : workspace_(workspace) {}

PullJobs::~PullJobs() {
  {
    std::lock_guard<std::mutex> l(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  // Joined outside mu_: a finishing pull takes it to write its last status.
  std::vector<std::thread*> threads;
  {
    std::lock_guard<std::mutex> l(mu_);
    for (auto& job : jobs_) threads.push_back(&job->thread);
  }
  for (std::thread* t : threads) {
    if (t->joinable()) t->join();
  }
}

std::variant<PullStatus, PullJobs::Refusal> PullJobs::Start(std::string query, int max_results) {
  Result<net::SourceSettings> settings =
      net::LoadSourceSettings(workspace_.file(net::kConfigFileName));
  if (!settings.ok()) return Refusal{settings.status(), std::nullopt};
  std::vector<std::string> left_out;
  Result<std::string> remote = feed::ToArxivSearchQuery(query, std::nullopt, Today(), &left_out);
  if (!remote.ok()) return Refusal{remote.status(), std::nullopt};

  std::unique_lock<std::mutex> l(mu_);
  if (stopping_) return Refusal{Status::Busy("the server is stopping"), std::nullopt};
  for (const auto& job : jobs_) {
    if (job->status.state == PullStatus::State::kRunning) {
      return Refusal{Status::Busy("a pull of \"" + job->status.query + "\" is running (pull " +
                                  std::to_string(job->status.id) + ")"),
                     job->status.id};
    }
  }
  Result<std::unique_ptr<workspace::RunLock>> lock =
      workspace::RunLock::Acquire(workspace_.root(), "pull from the page");
  if (!lock.ok()) return Refusal{lock.status(), std::nullopt};

  auto job = std::make_unique<Job>();
  job->lock = std::move(lock).value();
  job->settings = std::move(settings).value();
  job->status.id = next_id_++;
  job->status.query = std::move(query);
  job->status.max_results = max_results;
  job->status.remote_query = *remote;
  job->status.left_out = std::move(left_out);
  job->status.started_at = NowIsoTime();
  Job& started = *job;
  PullStatus answer = job->status;
  jobs_.push_back(std::move(job));
  PruneLocked();
  started.thread = std::thread([this, &started] { Run(started); });
  return answer;
}

std::optional<PullStatus> PullJobs::Find(int64_t id) const {
  std::lock_guard<std::mutex> l(mu_);
  for (const auto& job : jobs_) {
    if (job->status.id != id) continue;
    PullStatus out = job->status;
    if (Clock::now() >= job->waiting_until) out.waiting.clear();
    return out;
  }
  return std::nullopt;
}

void PullJobs::PruneLocked() {
  size_t finished = 0;
  for (const auto& job : jobs_) finished += job->status.state != PullStatus::State::kRunning;
  for (auto it = jobs_.begin(); it != jobs_.end() && finished > kFinishedKept;) {
    if ((*it)->status.state == PullStatus::State::kRunning) {
      ++it;
      continue;
    }
    // A finished pull's thread has written its last status and is ending: joining is brief.
    if ((*it)->thread.joinable()) (*it)->thread.join();
    it = jobs_.erase(it);
    --finished;
  }
}

void PullJobs::Run(Job& job) {
  auto update = [&](auto&& change) {
    std::lock_guard<std::mutex> l(mu_);
    change(job.status);
  };
  auto say_wait = [&](std::chrono::milliseconds wait, std::string message) {
    std::lock_guard<std::mutex> l(mu_);
    job.status.waiting = std::move(message);
    job.waiting_until = Clock::now() + wait;
  };

  feed::ArxivPullOptions options;
  std::string query;
  {
    std::lock_guard<std::mutex> l(mu_);
    options.query = query = job.status.query;
    options.max_results = job.status.max_results;
  }
  options.api_url = job.settings.arxiv_api_url;
  net::SourcePolicy policy = job.settings.ArxivPolicy();
  policy.shared_lock = workspace_.file("arxiv.lock");
  policy.on_spacing_wait = [&](std::chrono::milliseconds wait) {
    say_wait(wait, "waiting " + Seconds(wait) + " for arXiv");
  };
  // A retry's wait (backoff, Retry-After) is said, then waited; stopping the server cuts it
  // short (the client's gap between requests still holds).
  net::RetryWait retry_wait = [&](std::chrono::milliseconds wait, const std::string& reason) {
    say_wait(wait, WithoutAddress(reason) + "; waiting " + Seconds(wait));
    std::unique_lock<std::mutex> l(mu_);
    wake_.wait_for(l, wait, [&] { return stopping_.load(); });
  };
  net::HttpClient client(policy, net::UserAgent(job.settings.contact), retry_wait);

  feed::ArxivPullProgress progress;
  progress.on_paper = [&](const feed::PulledPaper& p) {
    if (p.change == feed::PulledPaper::Change::kUnchanged) return;
    update([&](PullStatus& s) {
      (p.change == feed::PulledPaper::Change::kAdded ? s.added_ids : s.updated_ids)
          .push_back(p.arxiv_id);
    });
  };
  progress.on_page = [&](const feed::ArxivPullReport& r) {
    update([&](PullStatus& s) {
      s.arxiv_total = r.total_results;
      s.pages = r.pages;
      s.fetched = r.fetched;
      s.added = r.added;
      s.updated = r.updated;
      s.unchanged = r.unchanged;
    });
  };
  options.may_fetch = [&] { return !stopping_.load(); };

  const auto start = Clock::now();
  feed::ArxivPullReport report;
  Status stopped;
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) {
    stopped = corpus.status();
  } else {
    report = feed::PullFromArxiv(**corpus, client, options, progress);
    stopped = report.stopped;
    if (stopped.ok() && report.held) stopped = Status::Busy("the server stopped before the pull's end");
    library::Corpus::Pull record;
    record.source = "arxiv-api";
    record.query = query;
    record.remote_query = report.remote_query;
    {
      std::lock_guard<std::mutex> l(mu_);
      record.started_at = job.status.started_at;
    }
    record.fetched = report.fetched;
    record.added = report.added;
    record.updated = report.updated;
    record.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    record.errors = report.issues.size() + (stopped.ok() ? 0 : 1);
    record.message = stopped.ok() ? "" : stopped.message();
    (void)(*corpus)->RecordPull(record);  // the pull's own outcome matters more than its record
  }

  Status indexed;
  if (report.fetched > 0) {
    update([](PullStatus& s) {
      s.indexing = true;
      s.waiting.clear();
    });
    Result<sync::SyncReport> synced = workspace_.CatchUpIndex();
    if (!synced.ok()) indexed = synced.status();
  }

  std::lock_guard<std::mutex> l(mu_);
  PullStatus& s = job.status;
  s.indexing = false;
  s.waiting.clear();
  s.issues = report.issues;
  s.arxiv_total = report.total_results;
  s.pages = report.pages;
  s.fetched = report.fetched;
  s.added = report.added;
  s.updated = report.updated;
  s.unchanged = report.unchanged;
  const uint64_t stored = report.added + report.updated;
  if (!stopped.ok()) {
    s.state = PullStatus::State::kFailed;
    s.error = stopped.message();
    s.kept = stored == 0 ? "nothing was stored"
             : std::to_string(stored) + (stored == 1 ? " paper" : " papers") +
                   " stored before the problem " + (stored == 1 ? "is" : "are") + " kept";
    if (stored > 0 && !indexed.ok()) s.kept += " (the index could not catch up: " + indexed.message() + ")";
  } else if (!indexed.ok()) {
    s.state = PullStatus::State::kFailed;
    s.error = "the index could not catch up: " + indexed.message();
    s.kept = std::to_string(stored) + (stored == 1 ? " paper is" : " papers are") +
             " in the corpus; the next import or `paperdeck reindex` indexes them";
  } else {
    s.state = PullStatus::State::kDone;
  }
  s.finished_at = NowIsoTime();
  job.lock.reset();  // the data directory is free for the next run
}

}  // namespace paperdeck::http
