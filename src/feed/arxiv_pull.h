// ArxivPull: fetches the papers matching a query from the arXiv API and merges them into the
// corpus, page by page. Each page is committed before the next is asked for, so a fault (the
// network, arXiv's 503s, a cut response) keeps every page before it, and a rerun of the same
// pull merges again without storing any paper twice (papers are matched on their arXiv id).
//
// Merging: a paper new to the corpus is added and marked `new`; a paper already stored is
// updated when arXiv has a newer version (or other changed facts) and loses a previous pull's
// `new` mark; an entry older than the version stored is left alone. Pages arXiv returns empty
// before its own total is reached (it happens) are asked for again, up to bad_page_retries.
//
// Threading: one pull at a time per Corpus (the corpus is one connection).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"
#include "net/http_client.h"

namespace paperdeck::feed {

struct ArxivPullOptions {
  std::string query;              // our query language
  // When not empty, sent as it is instead of translating query (and since): a query already in
  // arXiv's syntax, as feed/sync_plan makes them.
  std::string remote_query;
  std::optional<int32_t> since;   // days since 1970: submitted on or after
  int max_results = 100;          // papers to fetch at most
  int page_size = 100;            // arXiv allows up to 2000; 100 keeps a fault's loss small
  int bad_page_retries = 3;       // an empty or unreadable page is asked for again this often
  std::string api_url = "https://export.arxiv.org/api/query";
  // Asked before each page is requested; false stops the pull there (ArxivPullReport::held),
  // every page before it kept. Unset: every page is asked for.
  std::function<bool()> may_fetch;
};

struct PulledPaper {
  enum class Change { kAdded, kUpdated, kUnchanged };
  Change change = Change::kAdded;
  std::string arxiv_id;
  int version = 0;
  int previous_version = 0;  // kUpdated: the latest version stored before
  std::string title;
  std::string published;
};

struct ArxivPullReport {
  std::string remote_query;    // as sent
  int64_t total_results = -1;  // what arXiv said matches
  uint64_t pages = 0;          // pages fetched and committed
  uint64_t fetched = 0, added = 0, updated = 0, unchanged = 0;
  std::vector<std::string> issues;  // entries skipped as malformed, page retries
  // Parts of the query arXiv cannot be asked (the user's library: `tag:`, `note:`...), left out.
  std::vector<std::string> left_out;
  Status stopped;  // ok when the pull ran to its end; else why it stopped (earlier pages kept)
  // may_fetch said no before the end: pages were left for another run (stopped stays ok).
  bool held = false;
};

// What a pull tells its caller while it runs (each may be empty).
struct ArxivPullProgress {
  // Each paper as its page is committed.
  std::function<void(const PulledPaper&)> on_paper;
  // The report so far, after each page is committed.
  std::function<void(const ArxivPullReport&)> on_page;
};

// The URL of one page of arXiv's answer to remote_query (arXiv's syntax), newest submitted first.
std::string ArxivPageUrl(const std::string& api_url, const std::string& remote_query,
                         int64_t start, int size);

// Runs the pull; on_paper is told about each paper as its page is committed.
ArxivPullReport PullFromArxiv(library::Corpus& corpus, net::HttpClient& client,
                              const ArxivPullOptions& options,
                              const std::function<void(const PulledPaper&)>& on_paper = {});
// The same, telling progress as it goes.
ArxivPullReport PullFromArxiv(library::Corpus& corpus, net::HttpClient& client,
                              const ArxivPullOptions& options, const ArxivPullProgress& progress);

}  // namespace paperdeck::feed
