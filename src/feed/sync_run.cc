#include "feed/sync_run.h"

#include <algorithm>

#include "model/calendar.h"

namespace paperdeck::feed {

int64_t RequestCap::sent() const {
  int64_t n = 0;
  for (const net::HttpClient* c : clients_) n += c->meter().requests;
  return n;
}

ArxivSyncReport SyncArxiv(library::Corpus& corpus, net::HttpClient& client,
                          const ArxivSyncPlan& plan, const ArxivSyncOptions& o,
                          const std::function<void(const PulledPaper&)>& on_paper) {
  ArxivSyncReport report;
  for (const ArxivSyncRequest& request : plan.requests) {
    if (!report.stopped.ok() || report.held) {
      report.left.insert(report.left.end(), request.searches.begin(), request.searches.end());
      continue;
    }
    ArxivPullOptions pull;
    pull.remote_query = request.remote_query;
    pull.api_url = o.api_url;
    pull.page_size = o.page_size;
    pull.max_results = o.max_results;
    pull.may_fetch = o.may_fetch;
    ArxivSyncOutcome outcome;
    outcome.request = request;
    outcome.pull = PullFromArxiv(corpus, client, pull, on_paper);
    const ArxivPullReport& r = outcome.pull;
    report.fetched += r.fetched;
    report.added += r.added;
    report.updated += r.updated;
    report.issues.insert(report.issues.end(), r.issues.begin(), r.issues.end());
    if (r.total_results > static_cast<int64_t>(r.fetched) && r.stopped.ok() && !r.held) {
      report.issues.push_back("arXiv has " + std::to_string(r.total_results) +
                              " matches for " + request.remote_query + "; the newest " +
                              std::to_string(r.fetched) + " were fetched");
    }
    outcome.complete = r.stopped.ok() && !r.held;
    if (outcome.complete) {
      for (const std::string& name : request.searches) {
        Status s = corpus.MarkSavedSearchSynced(name, o.synced_at);
        if (s.code() == Status::Code::kNotFound) {  // removed or renamed meanwhile
          report.issues.push_back("saved search '" + name + "' is gone: not marked synced");
          continue;
        }
        if (!s.ok()) {
          report.stopped = s;
          outcome.complete = false;
          break;
        }
        report.synced.push_back(name);
      }
    }
    if (!outcome.complete) {
      for (const std::string& name : request.searches) {
        if (std::find(report.synced.begin(), report.synced.end(), name) == report.synced.end()) {
          report.left.push_back(name);
        }
      }
    }
    if (!r.stopped.ok() && report.stopped.ok()) report.stopped = r.stopped;
    if (r.held) report.held = true;
    report.requests.push_back(std::move(outcome));
  }
  return report;
}

Result<std::vector<std::string>> HuggingFaceDays(library::Corpus& corpus, int32_t today,
                                                 int max_days) {
  const int32_t first_allowed = today - std::max(max_days, 1) + 1;
  int32_t from = first_allowed;
  Result<std::optional<std::string>> last = corpus.State(kHuggingFaceDayState);
  if (!last.ok()) return last.status();
  if (last->has_value()) {
    if (std::optional<int32_t> day = ParseIsoDate(**last)) from = std::max(*day, first_allowed);
  }
  std::vector<std::string> days;
  for (int32_t d = from; d <= today; ++d) days.push_back(FormatIsoDate(d));
  return days;
}

HuggingFaceSyncReport SyncHuggingFace(library::Corpus& corpus, net::HttpClient& client,
                                      const std::string& api_url,
                                      const std::vector<std::string>& days,
                                      const std::function<bool()>& may_fetch) {
  HuggingFaceSyncReport report;
  for (size_t i = 0; i < days.size(); ++i) {
    if (may_fetch && !may_fetch()) {
      report.held = true;
      report.left.assign(days.begin() + static_cast<std::ptrdiff_t>(i), days.end());
      break;
    }
    EnrichReport day = EnrichFromHuggingFace(corpus, client, api_url, days[i]);
    report.numbers.asked += day.asked;
    report.numbers.known += day.known;
    report.numbers.updated += day.updated;
    report.numbers.issues.insert(report.numbers.issues.end(), day.issues.begin(),
                                 day.issues.end());
    if (!day.stopped.ok()) {
      report.numbers.stopped = day.stopped;
      report.left.assign(days.begin() + static_cast<std::ptrdiff_t>(i), days.end());
      break;
    }
    if (Status s = corpus.SetState(kHuggingFaceDayState, days[i]); !s.ok()) {
      report.numbers.stopped = s;
      report.left.assign(days.begin() + static_cast<std::ptrdiff_t>(i), days.end());
      break;
    }
    report.read.push_back(days[i]);
  }
  return report;
}

}  // namespace paperdeck::feed
