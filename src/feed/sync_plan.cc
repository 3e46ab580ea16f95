#include "feed/sync_plan.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <optional>

#include "feed/arxiv_pull.h"
#include "feed/arxiv_query.h"
#include "model/calendar.h"

namespace paperdeck::feed {
namespace {

using Clock = std::chrono::system_clock;

std::string Window(const std::string& from, const std::string& to) {
  return "submittedDate:[" + from + " TO " + to + "]";
}

// query AND window, query grouped when it joins parts.
std::string Restricted(const std::vector<std::string>& queries, const std::string& window) {
  if (queries.size() == 1) {
    const std::string& q = queries[0];
    bool composite = q.find(' ') != std::string::npos;
    return (composite ? "(" + q + ")" : q) + " AND " + window;
  }
  std::string joined;
  for (const std::string& q : queries) {
    if (!joined.empty()) joined += " OR ";
    joined += "(" + q + ")";
  }
  return "(" + joined + ") AND " + window;
}

struct Translated {
  std::string query;                  // arXiv's, without the window
  std::vector<std::string> searches;  // names sharing it
};

}  // namespace

std::string ArxivMinute(Clock::time_point at) {
  std::time_t t = Clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M", &tm);
  return buf;
}

ArxivSyncPlan PlanArxivSync(std::span<const SyncSearch> searches, const SyncPlanOptions& o) {
  ArxivSyncPlan plan;
  const int32_t today = static_cast<int32_t>(
      std::chrono::floor<std::chrono::days>(o.now).time_since_epoch().count());
  const std::string to = ArxivMinute(o.now);
  // FROM -> the distinct translated queries starting there, in the searches' order.
  std::map<std::string, std::vector<Translated>> by_window;
  for (const SyncSearch& s : searches) {
    std::vector<std::string> dropped;
    Result<std::string> q = ToArxivSearchQuery(s.query, std::nullopt, today, &dropped);
    for (const std::string& d : dropped) plan.notices.push_back("'" + s.name + "': " + d);
    if (!q.ok()) {
      plan.notices.push_back("'" + s.name + "' is not pulled: " + q.status().message());
      plan.unplanned.push_back(s.name);
      continue;
    }
    Clock::time_point from = o.now - o.first_window;
    if (std::optional<Clock::time_point> synced = ParseIsoTime(s.synced_at)) {
      from = std::min(*synced, o.now) - o.overlap;
    }
    std::vector<Translated>& group = by_window[ArxivMinute(from)];
    auto same = std::find_if(group.begin(), group.end(),
                             [&](const Translated& t) { return t.query == *q; });
    if (same != group.end()) {
      same->searches.push_back(s.name);
    } else {
      group.push_back({*q, {s.name}});
    }
  }
  // Oldest window first: the searches furthest behind are brought up first.
  for (const auto& [from, group] : by_window) {
    const std::string window = Window(from, to);
    auto url_bytes = [&](const std::vector<std::string>& queries) {
      return ArxivPageUrl(o.api_url, Restricted(queries, window), 0, o.page_size).size();
    };
    ArxivSyncRequest current;
    std::vector<std::string> queries;
    auto flush = [&] {
      if (queries.empty()) return;
      current.remote_query = Restricted(queries, window);
      current.from = from;
      current.to = to;
      plan.requests.push_back(std::move(current));
      current = {};
      queries.clear();
    };
    for (const Translated& t : group) {
      std::vector<std::string> with = queries;
      with.push_back(t.query);
      if (!queries.empty() && url_bytes(with) > o.max_url_bytes) flush();
      queries.push_back(t.query);
      current.searches.insert(current.searches.end(), t.searches.begin(), t.searches.end());
    }
    flush();
  }
  return plan;
}

}  // namespace paperdeck::feed
