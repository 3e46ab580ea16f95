#include "feed/arxiv_pull.h"

#include <algorithm>

#include "feed/arxiv_query.h"
#include "ingest/arxiv_atom_feed.h"
#include "library/paper_merge.h"
#include "model/calendar.h"

namespace paperdeck::feed {
namespace {

// The highest version number stored for a paper ("v3" -> 3), 0 when none.
int LatestVersion(const PaperRecord& r) {
  int best = 0;
  for (const PaperVersion& v : r.versions) {
    if (v.name.size() < 2 || v.name[0] != 'v') continue;
    try {
      best = std::max(best, std::stoi(v.name.substr(1)));
    } catch (...) {
    }
  }
  return best;
}

// Merges one page's entries in one Upsert batch (one transaction, one corpus revision); tells
// what happened to each, in page order. All or nothing: on a failure nothing of the page is kept.
Result<std::vector<PulledPaper>> MergePage(library::Corpus& corpus,
                                           std::vector<ingest::ArxivEntry>& entries) {
  std::vector<PulledPaper> pulled;
  std::vector<std::optional<library::StoredPaper>> before;
  std::vector<PaperRecord> batch;
  std::vector<size_t> in_batch;  // pulled index of each batch record
  for (ingest::ArxivEntry& entry : entries) {
    PulledPaper p;
    p.arxiv_id = entry.record.arxiv_id;
    p.version = entry.version;
    p.title = entry.record.title;
    p.published = entry.record.published;
    Result<std::optional<library::StoredPaper>> stored = corpus.Find(entry.record.arxiv_id);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value()) {
      entry.record.is_new = true;
    } else {
      p.previous_version = LatestVersion((*stored)->record);
      if (entry.version > 0 && p.previous_version > entry.version) {
        p.change = PulledPaper::Change::kUnchanged;  // arXiv's answer is older than what we hold
        pulled.push_back(std::move(p));
        before.push_back(std::nullopt);
        continue;
      }
    }
    in_batch.push_back(pulled.size());
    batch.push_back(entry.record);
    pulled.push_back(std::move(p));
    before.push_back(std::move(*stored));
  }
  Result<library::UpsertResult> r = corpus.Upsert(batch);
  if (!r.ok()) return r.status();
  if (r->changes.size() != batch.size()) {
    return Status::Corruption("the corpus reported " + std::to_string(r->changes.size()) +
                              " outcomes for " + std::to_string(batch.size()) + " records");
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    PulledPaper& p = pulled[in_batch[i]];
    const std::optional<library::StoredPaper>& was = before[in_batch[i]];
    switch (r->changes[i]) {
      case library::UpsertResult::Change::kAdded:
        p.change = PulledPaper::Change::kAdded;
        break;
      case library::UpsertResult::Change::kUnchanged:
        p.change = PulledPaper::Change::kUnchanged;
        break;
      case library::UpsertResult::Change::kUpdated: {
        p.change = PulledPaper::Change::kUpdated;
        if (!was) break;  // merged into a paper stored under its DOI or title: an update
        // Losing a previous pull's `new` mark is not news about the paper: report an update
        // only when some fact of the paper itself changed.
        Result<std::optional<library::StoredPaper>> after = corpus.Find(p.arxiv_id);
        if (!after.ok()) return after.status();
        if (after->has_value()) {
          PaperRecord a = (*after)->record, b = was->record;
          a.is_new = b.is_new = false;
          if (library::SameFacts(a, b)) p.change = PulledPaper::Change::kUnchanged;
        }
        break;
      }
    }
  }
  return pulled;
}

}  // namespace

std::string ArxivPageUrl(const std::string& api_url, const std::string& remote_query,
                         int64_t start, int size) {
  return api_url + "?search_query=" + net::UrlEncode(remote_query) +
         "&start=" + std::to_string(start) + "&max_results=" + std::to_string(size) +
         "&sortBy=submittedDate&sortOrder=descending";
}

ArxivPullReport PullFromArxiv(library::Corpus& corpus, net::HttpClient& client,
                              const ArxivPullOptions& options,
                              const std::function<void(const PulledPaper&)>& on_paper) {
  return PullFromArxiv(corpus, client, options, ArxivPullProgress{.on_paper = on_paper});
}

ArxivPullReport PullFromArxiv(library::Corpus& corpus, net::HttpClient& client,
                              const ArxivPullOptions& o, const ArxivPullProgress& progress) {
  const auto& on_paper = progress.on_paper;
  ArxivPullReport report;
  Result<std::string> query =
      o.remote_query.empty() ? ToArxivSearchQuery(o.query, o.since, Today(), &report.left_out)
                             : Result<std::string>(o.remote_query);
  if (!query.ok()) {
    report.stopped = query.status();
    return report;
  }
  report.remote_query = *query;
  const int64_t wanted = std::max(o.max_results, 0);
  int64_t start = 0;
  int retries_left = o.bad_page_retries;
  while (start < wanted) {
    const int size = static_cast<int>(std::min<int64_t>(o.page_size, wanted - start));
    const std::string url = ArxivPageUrl(o.api_url, *query, start, size);
    if (o.may_fetch && !o.may_fetch()) {
      report.held = true;
      break;
    }
    Result<net::HttpResponse> response = client.Fetch({.url = url});
    if (!response.ok()) {
      report.stopped = response.status();
      break;
    }
    Result<ingest::ArxivAtomFeed> page = ingest::ParseArxivAtomFeed(response->body, url);
    if (response->status != 200) {
      std::string why = page.ok() && !page->api_error.empty()
                            ? page->api_error
                            : "HTTP " + std::to_string(response->status);
      report.stopped = Status::InvalidArgument("arXiv refused the query: " + why);
      break;
    }
    if (!page.ok()) {
      if (retries_left-- > 0) {
        report.issues.push_back(page.status().message() + "; asking again");
        continue;
      }
      report.stopped = page.status();
      break;
    }
    if (!page->api_error.empty()) {
      report.stopped = Status::InvalidArgument("arXiv refused the query: " + page->api_error);
      break;
    }
    report.total_results = page->total_results;
    for (const std::string& issue : page->issues) report.issues.push_back(url + ": " + issue);
    const size_t returned = page->entries.size() + page->issues.size();
    if (returned == 0) {
      // arXiv sometimes answers a page with no entries although more match: ask again.
      if (page->total_results > start && retries_left-- > 0) {
        report.issues.push_back("arXiv returned an empty page at start=" + std::to_string(start) +
                                " of " + std::to_string(page->total_results) + "; asking again");
        continue;
      }
      if (page->total_results > start) {
        report.stopped = Status::IOError(
            "arXiv kept returning empty pages at start=" + std::to_string(start) + " of " +
            std::to_string(page->total_results) + " results; run the pull again later");
      }
      break;
    }
    retries_left = o.bad_page_retries;
    Result<std::vector<PulledPaper>> merged = MergePage(corpus, page->entries);
    if (!merged.ok()) {
      report.stopped = merged.status();
      return report;
    }
    for (const PulledPaper& p : *merged) {
      ++report.fetched;
      switch (p.change) {
        case PulledPaper::Change::kAdded: ++report.added; break;
        case PulledPaper::Change::kUpdated: ++report.updated; break;
        case PulledPaper::Change::kUnchanged: ++report.unchanged; break;
      }
      if (on_paper) on_paper(p);
    }
    ++report.pages;
    if (progress.on_page) progress.on_page(report);
    start += static_cast<int64_t>(returned);
    if (page->total_results >= 0 && start >= page->total_results) break;
  }
  return report;
}

}  // namespace paperdeck::feed
