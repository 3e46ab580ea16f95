// SyncPlan: which arXiv requests bring every pulling saved search up to date, before any is
// sent (`paperdeck sync` makes them; `sync --dry-run` prints them).
//
// Each saved search is translated (feed/arxiv_query: the user's library is left out, and said
// so) and restricted to papers submitted in its window, `submittedDate:[FROM TO NOW]` to the
// minute, UTC:
//   - synced before: FROM is its last sync minus `overlap` (4 days). arXiv's API lists a paper
//     only once it is announced, up to three days and more after the submission date it is
//     searched by (a Friday afternoon's papers appear on Monday evening), so a window starting
//     at the last sync would miss the papers submitted just before it and announced after it.
//     Papers asked for twice are stored once (they are matched on their arXiv id).
//   - never synced: FROM is `first_window` (7 days) before now.
// Searches with the same FROM share requests: their queries are joined as `(q1) OR (q2) ...`
// under the one date range, as many as fit in a request URL of at most max_url_bytes (2,000
// bytes: arXiv documents no limit, and 2,000 is what every server and proxy on the way is known
// to accept; a longer query is sent on its own). Searches whose queries translate the same share
// one query. A search arXiv cannot be asked (only library filters, "everything except ...") is
// left out of the plan with a notice naming it.
//
// Threading: pure functions.
#pragma once

#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace paperdeck::feed {

// A pulling saved search as the plan sees it.
struct SyncSearch {
  std::string name;
  std::string query;      // our query language
  std::string synced_at;  // ISO UTC of its last complete sync; empty: never synced
};

struct SyncPlanOptions {
  std::chrono::system_clock::time_point now;
  std::chrono::hours first_window{7 * 24};
  std::chrono::hours overlap{4 * 24};
  size_t max_url_bytes = 2000;
  std::string api_url = "https://export.arxiv.org/api/query";
  int page_size = 100;  // for the length of the URLs the requests will have
};

// One arXiv query serving one or more saved searches, paged by the run.
struct ArxivSyncRequest {
  std::vector<std::string> searches;  // names of the saved searches it serves
  std::string remote_query;           // arXiv's search_query, the window included
  std::string from, to;               // the window, YYYYMMDDHHMM (UTC)
};

struct ArxivSyncPlan {
  std::vector<ArxivSyncRequest> requests;
  // One line per part of a search left out (the user's library) and per search not planned.
  std::vector<std::string> notices;
  std::vector<std::string> unplanned;  // names of the searches arXiv cannot be asked
};

ArxivSyncPlan PlanArxivSync(std::span<const SyncSearch> searches, const SyncPlanOptions& options);

// at, to the minute, UTC, as arXiv's submittedDate ranges take it: "202612021000".
std::string ArxivMinute(std::chrono::system_clock::time_point at);

}  // namespace paperdeck::feed
