// PullJobs: the pulls from arXiv that `paperdeck serve` runs in its background when the page
// asks (POST /api/pulls). A pull is what `paperdeck pull` does — the sources' settings from the
// data directory, arXiv's gap kept across processes (`arxiv.lock`), each page committed before
// the next is asked for, the run recorded (`Corpus::RecordPull`), the index caught up so the next
// search finds the new papers — on a thread of its own, telling its progress as it goes: pages
// fetched, papers fetched, added and updated, the wait arXiv's gap or a Retry-After imposes
// ("waiting 3 s for arXiv"), and at the end the ids of the papers added, or what stopped it and
// what was kept.
//
// One remote run at a time per data directory: a pull holds `workspace::RunLock` from Start to
// its end, so a second Start while one runs here is refused with the running pull's id, and one
// while `paperdeck sync` or `pull` runs in another process is refused saying who holds the lock.
// The server makes no request to arXiv but these. The registry keeps the running pull and the
// last kFinishedKept finished ones; older ones are forgotten.
//
// Threading: every method may be called from any thread. The destructor asks a running pull to
// stop before its next request (pages committed are kept, the run is recorded) and waits for it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <variant>
#include <vector>

#include "model/status.h"
#include "workspace/workspace.h"

namespace paperdeck::http {

// A pull as the page sees it, at one moment.
struct PullStatus {
  enum class State { kRunning, kDone, kFailed };
  int64_t id = 0;
  std::string query;        // as the page sent it
  int max_results = 0;
  State state = State::kRunning;
  bool indexing = false;    // kRunning: arXiv is done, the index is catching up
  std::string remote_query;  // as sent to arXiv (empty until known)
  int64_t arxiv_total = -1;  // what arXiv said matches; -1 until its first page
  uint64_t pages = 0, fetched = 0, added = 0, updated = 0, unchanged = 0;
  std::string waiting;       // while a wait holds the pull: "waiting 3 s for arXiv"
  std::vector<std::string> left_out;  // parts of the query arXiv cannot be asked
  std::vector<std::string> issues;    // entries skipped, pages asked again
  std::string error;  // kFailed: what stopped it
  std::string kept;   // kFailed: what it kept ("12 papers stored before the problem are kept")
  std::vector<std::string> added_ids, updated_ids;  // paper ids, in arXiv's order
  std::string started_at, finished_at;  // ISO UTC; finished_at empty while running
};

std::string_view StateName(PullStatus::State state);

class PullJobs {
 public:
  static constexpr size_t kFinishedKept = 8;
  static constexpr int kMaxResults = 2000;

  // REQUIRES: workspace outlives the registry.
  explicit PullJobs(workspace::Workspace& workspace);
  ~PullJobs();
  PullJobs(const PullJobs&) = delete;
  PullJobs& operator=(const PullJobs&) = delete;

  // Why a pull did not start.
  struct Refusal {
    Status status;                   // Busy: a run holds the data directory; else the problem
    std::optional<int64_t> running;  // the pull of this server that is running, if that is why
  };

  // Starts pulling the matches of query (PaperDeck's query language), at most max_results
  // papers. The settings and the query's translation are checked before: a bad paperdeck.conf
  // or a query arXiv cannot be asked is refused at once (InvalidArgument).
  // REQUIRES: 1 <= max_results <= kMaxResults.
  // Returns the new pull's status, or why it did not start.
  std::variant<PullStatus, Refusal> Start(std::string query, int max_results);

  // The pull's status now; nullopt when no pull has that id (or it is forgotten).
  std::optional<PullStatus> Find(int64_t id) const;

 private:
  struct Job;
  void Run(Job& job);
  // Forgets finished jobs beyond kFinishedKept. REQUIRES: mu_ held.
  void PruneLocked();

  workspace::Workspace& workspace_;
  mutable std::mutex mu_;
  std::condition_variable wake_;   // signalled to cut a retry's wait short when stopping
  std::atomic<bool> stopping_{false};
  int64_t next_id_ = 1;
  std::deque<std::unique_ptr<Job>> jobs_;  // oldest first; guarded by mu_
};

}  // namespace paperdeck::http
