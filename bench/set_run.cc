#include "set_run.h"

#include <algorithm>

#include "page_cache.h"

namespace paperdeck::bench {

void SetResult::Append(const SetResult& o) {
  if (warm.empty()) {
    *this = o;
    return;
  }
  queries += o.queries;
  for (size_t ki = 0; ki < warm.size() && ki < o.warm.size(); ++ki) {
    for (size_t e = 0; e < warm[ki].size() && e < o.warm[ki].size(); ++e) {
      warm[ki][e].with_total.Append(o.warm[ki][e].with_total);
      warm[ki][e].top_only.Append(o.warm[ki][e].top_only);
      agreement[ki][e].Append(o.agreement[ki][e]);
    }
  }
  for (size_t e = 0; e < cold.size() && e < o.cold.size(); ++e) {
    cold[e].Append(o.cold[e]);
    resident_sum[e] += o.resident_sum[e];
  }
  cold_queries += o.cold_queries;
  not_as_written += o.not_as_written;
}

Result<SetResult> RunSet(const QuerySet& set, const std::vector<SearchEngine*>& engines,
                         const std::vector<uint32_t>& ks, size_t cold, QueryClock clock) {
  const size_t n = set.queries.size();
  SetResult r;
  r.queries = n;
  r.ks = ks;
  r.warm.assign(ks.size(), std::vector<EngineLatencies>(engines.size()));
  r.agreement.assign(ks.size(), std::vector<Agreement>(engines.size()));
  r.cold.assign(engines.size(), Latencies{});
  r.resident_sum.assign(engines.size(), 0.0);

  Answer answer;
  Timing timing;
  for (size_t ki = 0; ki < ks.size(); ++ki) {
    std::vector<Answer> ours(n);
    for (size_t e = 0; e < engines.size(); ++e) {
      EngineLatencies& lat = r.warm[ki][e];
      for (int pass = 0; pass < 2; ++pass) {
        const bool timed = pass == 1;
        for (size_t i = 0; i < n; ++i) {
          if (Status s = engines[e]->Run(set.queries[i], ks[ki], clock, false, &answer, &timing);
              !s.ok()) {
            return s;
          }
          if (!timed) continue;
          lat.with_total.ms.push_back(timing.with_total_ms);
          if (timing.top_only_ms >= 0) lat.top_only.ms.push_back(timing.top_only_ms);
          if (e == 0) {
            if (answer.not_as_written && ki == 0) ++r.not_as_written;
            ours[i] = answer;
            continue;
          }
          Agreement& a = r.agreement[ki][e];
          a.Add(ours[i].keys, answer.keys, ours[i].total, answer.total);
          double fastest = timing.top_only_ms >= 0 ? timing.top_only_ms : timing.with_total_ms;
          if (fastest < r.warm[ki][0].with_total.ms[i]) ++a.peer_faster;
        }
      }
    }
  }

  const size_t cold_n = std::min(cold, n);
  r.cold_queries = cold_n;
  for (size_t e = 0; e < engines.size(); ++e) {
    std::vector<std::filesystem::path> files = FilesUnder(engines[e]->Files());
    for (size_t i = 0; i < cold_n; ++i) {
      engines[e]->Close();
      if (Status s = DropFromPageCache(files); !s.ok()) return s;
      r.resident_sum[e] += ResidentFraction(files);
      if (Status s = engines[e]->Open(); !s.ok()) return s;
      if (Status s =
              engines[e]->Run(set.queries[i], ks[0], QueryClock::kWall, true, &answer, &timing);
          !s.ok()) {
        return s;
      }
      r.cold[e].ms.push_back(timing.with_total_ms);
    }
  }
  return r;
}

}  // namespace paperdeck::bench
