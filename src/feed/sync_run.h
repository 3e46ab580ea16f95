// SyncRun: carries out what `paperdeck sync` asks of the sources, one source at a time, each
// part committed as it comes, so a sync stopped anywhere (a fault, the request cap, a kill)
// keeps what came before and the next sync takes up the rest without storing a paper twice.
//
//   - arXiv (SyncArxiv): each request of an ArxivSyncPlan paged through PullFromArxiv (every
//     page one committed batch); the saved searches a request serves are marked synced, at the
//     plan's time, only once all of its pages are in. A search left unmarked is asked for again,
//     over the same window and more, by the next sync.
//   - Hugging Face (HuggingFaceDays, SyncHuggingFace): the daily papers of each day from the last
//     day read to today (that day again: its listing grows while the day lasts), at most
//     max_days back; each day read is saved in the corpus's state (kHuggingFaceDayState) as
//     soon as its upvotes are stored.
//   - Semantic Scholar: feed/enrichment's EnrichPapersFromSemanticScholar over the papers the
//     saved searches match (the caller finds them: feed/ knows no index).
//
// RequestCap keeps the whole run within a number of HTTP requests across the sources.
//
// Threading: one sync at a time per Corpus (and per data directory: workspace::RunLock).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "feed/arxiv_pull.h"
#include "feed/enrichment.h"
#include "feed/sync_plan.h"
#include "library/corpus.h"
#include "model/status.h"
#include "net/http_client.h"

namespace paperdeck::feed {

// At most max HTTP requests across the clients it watches (0: no cap). A request about to start
// is not started once max were sent; the retries of a started one may finish it.
class RequestCap {
 public:
  RequestCap(int64_t max, std::vector<const net::HttpClient*> clients)
      : max_(max), clients_(std::move(clients)) {}
  int64_t sent() const;
  bool allows() const { return max_ <= 0 || sent() < max_; }
  // For the feed functions' may_fetch.
  std::function<bool()> gate() const {
    return [this] { return allows(); };
  }

 private:
  int64_t max_;
  std::vector<const net::HttpClient*> clients_;
};

struct ArxivSyncOutcome {
  ArxivSyncRequest request;
  ArxivPullReport pull;
  bool complete = false;  // every page asked for and stored: its searches were marked synced
};

struct ArxivSyncReport {
  std::vector<ArxivSyncOutcome> requests;
  std::vector<std::string> synced;  // names of the searches marked synced
  std::vector<std::string> left;    // names of the searches left for the next sync
  uint64_t fetched = 0, added = 0, updated = 0;
  std::vector<std::string> issues;
  Status stopped;     // the first fault; the requests after it were not sent
  bool held = false;  // the request cap stopped it
};

struct ArxivSyncOptions {
  std::string api_url = "https://export.arxiv.org/api/query";
  int page_size = 100;
  // Papers fetched at most per request: arXiv pages no further than 30,000 results.
  int max_results = 30000;
  std::string synced_at;  // ISO UTC the searches are marked synced at: the plan's now
  std::function<bool()> may_fetch;  // as ArxivPullOptions::may_fetch
};

ArxivSyncReport SyncArxiv(library::Corpus& corpus, net::HttpClient& client,
                          const ArxivSyncPlan& plan, const ArxivSyncOptions& options,
                          const std::function<void(const PulledPaper&)>& on_paper = {});

// The corpus's state entry holding the last Hugging Face day read (YYYY-MM-DD).
inline constexpr std::string_view kHuggingFaceDayState = "sync:huggingface-day";

// The days to read (YYYY-MM-DD, oldest first): from the last day read (saved in the corpus's
// state) to today, at most max_days of them (the latest); never read: the last max_days days.
Result<std::vector<std::string>> HuggingFaceDays(library::Corpus& corpus, int32_t today,
                                                 int max_days);

struct HuggingFaceSyncReport {
  std::vector<std::string> read, left;  // days
  EnrichReport numbers;                 // summed over the days read
  bool held = false;
};

// Reads each day's daily papers (EnrichFromHuggingFace), saving the day once its upvotes are
// stored; stops at the first fault (numbers.stopped) or when may_fetch says no.
HuggingFaceSyncReport SyncHuggingFace(library::Corpus& corpus, net::HttpClient& client,
                                      const std::string& api_url,
                                      const std::vector<std::string>& days,
                                      const std::function<bool()>& may_fetch = {});

}  // namespace paperdeck::feed
