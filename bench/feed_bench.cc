// feed_bench: what following saved searches costs beside searching for them, over an imported
// data directory: `paperdeck feed` over 20 saved searches (the papers new to each since the user
// looked, a page of 20 each, through Workspace::Feed) beside the same 20 queries as plain searches
// (Workspace::Search, a ranked page of 20 each with its exact total), and the page's Feed view
// (each saved search's count of new papers alone).
//
//   feed_bench --data DIR [--new N] [--rounds N] [--clock wall|cpu] [--queries q1,q2,...]
//
// What it does, in order:
//   1. Saves the queries as saved searches `paperdeck-bench-I` (Corpus::AddSavedSearch) and marks
//      each seen at a revision such that the papers that entered in the last batches — about
//      --new papers (bench/run imports in batches of 1,000) — are new to them: the state a
//      researcher is in after a day's sync.
//   2. Times, --rounds times after one untimed pass: the 20 feeds together (peek: nothing is
//      marked, so every round sees the same papers), the 20 counts together, and the 20 plain
//      searches together.
//   3. Prints p50, p99 and mean of each (ms for all 20), and their ratios over the plain searches.
//   4. Removes the saved searches.
//
// The data directory is written (saved searches, then their removal): run it on a benchmark's
// data directory (bench/run's work directory), not on your own library.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "latency.h"
#include "machine.h"
#include "search/searcher.h"
#include "workspace/workspace.h"

namespace paperdeck::bench {
namespace {

struct Options {
  std::string data;
  uint64_t new_papers = 10000;
  int rounds = 20;
  std::string clock = "cpu";
  std::vector<std::string> queries = {
      "attention",           "diffusion model",        "graph neural network",
      "quantum",             "language model",         "reinforcement learning",
      "protein",             "optimization convex",    "cat:cs.CL",
      "cat:cs.CV diffusion", "title:transformer",      "large language models reasoning",
      "federated learning",  "\"neural network\"",     "speech recognition",
      "robot manipulation",  "dark matter",            "sparse attention OR linear attention",
      "author:bengio",       "mixture of experts"};
};

std::string Name(size_t i) { return "paperdeck-bench-" + std::to_string(i); }

int Fail(const Status& s) {
  fmt::print(stderr, "feed_bench: {}\n", s.message());
  return 1;
}

int Run(const Options& o) {
  const QueryClock clock = o.clock == "wall" ? QueryClock::kWall : QueryClock::kThreadCpu;
  Result<std::unique_ptr<workspace::Workspace>> ws = workspace::Workspace::Open(o.data);
  if (!ws.ok()) return Fail(ws.status());
  workspace::Workspace& workspace = **ws;
  Result<workspace::Snapshot> snapshot = workspace.Index();
  if (!snapshot.ok()) return Fail(snapshot.status());
  auto corpus = workspace.Corpus();
  if (!corpus.ok()) return Fail(corpus.status());

  // 1. The saved searches, looked at just before the last --new papers entered.
  Result<int64_t> revision = (*corpus)->Revision();
  if (!revision.ok()) return Fail(revision.status());
  int64_t seen = *revision;
  uint64_t entered = 0;
  while (seen > 0 && entered < o.new_papers) {
    Result<std::vector<int64_t>> after = (*corpus)->PapersEnteredAfter(seen - 1);
    if (!after.ok()) return Fail(after.status());
    entered = after->size();
    --seen;
  }
  for (size_t i = 0; i < o.queries.size(); ++i) {
    (void)(*corpus)->RemoveSavedSearch(Name(i));  // a run stopped before its end left it
    Result<library::SavedSearch> added = (*corpus)->AddSavedSearch(Name(i), o.queries[i], false);
    if (!added.ok()) return Fail(added.status());
    if (Status s = (*corpus)->MarkSavedSearchSeen(Name(i), seen); !s.ok()) return Fail(s);
  }

  const Machine machine = DescribeMachine();
  uint64_t live = 0;
  for (const auto& segment : snapshot->reader->segments()) live += segment->live_doc_count();
  fmt::print("feed_bench --data {}\n", o.data);
  fmt::print("machine: {} cores, {}, {:.1f} GiB; load average {}\n", machine.cores, machine.cpu,
             machine.memory_bytes / double(1ull << 30), LoadAverage());
  fmt::print("corpus: {} live papers in {} segments; {} papers entered since the saved searches "
             "were looked at; clock: {}; {} rounds of {} saved searches\n\n",
             live, snapshot->reader->segments().size(), entered, o.clock, o.rounds,
             o.queries.size());

  // 2. The rounds.
  struct Row {
    std::string kind;
    Latencies latencies;  // ms for all the queries of one round
    uint64_t matches = 0;  // per round
  };
  auto time = [&](const std::string& kind,
                  const std::function<Result<uint64_t>(size_t)>& one) -> Result<Row> {
    Row row{kind, {}, 0};
    for (int round = -1; round < o.rounds; ++round) {
      uint64_t matches = 0;
      const double start = NowMillis(clock);
      for (size_t i = 0; i < o.queries.size(); ++i) {
        PAPERDECK_ASSIGN_OR_RETURN(uint64_t n, one(i));
        matches += n;
      }
      const double ms = NowMillis(clock) - start;
      if (round < 0) {
        row.matches = matches;
      } else {
        row.latencies.ms.push_back(ms);
      }
    }
    return row;
  };
  std::vector<Row> rows;
  Result<Row> plain = time("20 plain searches (page of 20)", [&](size_t i) -> Result<uint64_t> {
    search::SearchRequest request;
    request.query = o.queries[i];
    request.limit = 20;
    PAPERDECK_ASSIGN_OR_RETURN(workspace::SearchPage page, workspace.Search(request));
    return page.response.total;
  });
  if (!plain.ok()) return Fail(plain.status());
  rows.push_back(std::move(*plain));
  Result<Row> feeds = time("20 feeds (new since looked, 20 each)", [&](size_t i) -> Result<uint64_t> {
    PAPERDECK_ASSIGN_OR_RETURN(workspace::SavedSearchFeed feed,
                               workspace.Feed(Name(i), {.peek = true, .limit = 20}));
    return feed.new_count;
  });
  if (!feeds.ok()) return Fail(feeds.status());
  rows.push_back(std::move(*feeds));
  Result<Row> counts = time("20 new counts (the Feed view)", [&](size_t i) -> Result<uint64_t> {
    PAPERDECK_ASSIGN_OR_RETURN(workspace::SavedSearchFeed feed,
                               workspace.Feed(Name(i), {.peek = true, .limit = 0}));
    return feed.new_count;
  });
  if (!counts.ok()) return Fail(counts.status());
  rows.push_back(std::move(*counts));

  // 3. The table.
  const Row& base = rows[0];
  fmt::print("{:<40} {:>9} {:>9} {:>9} {:>12} {:>10}\n", "ms for all 20", "p50", "p99", "mean",
             "matches", "p50 ratio");
  for (const Row& r : rows) {
    fmt::print("{:<40} {:>9.3f} {:>9.3f} {:>9.3f} {:>12} {:>9.2f}x\n", r.kind,
               r.latencies.Percentile(50), r.latencies.Percentile(99), r.latencies.Mean(),
               r.matches, r.latencies.Percentile(50) / base.latencies.Percentile(50));
  }
  fmt::print("\nmatches: summed totals of one round (plain: every match; feeds: the new ones). "
             "ratio: the row's p50 over the plain searches'; below 1 is cheaper.\n");

  // 4. The saved searches go again.
  for (size_t i = 0; i < o.queries.size(); ++i) (void)(*corpus)->RemoveSavedSearch(Name(i));
  return 0;
}

}  // namespace
}  // namespace paperdeck::bench

int main(int argc, char** argv) {
  paperdeck::bench::Options o;
  CLI::App app{"The cost of `paperdeck feed` over 20 saved searches beside 20 plain searches"};
  app.add_option("--data", o.data, "the data directory (it is written: saved searches, removed)")
      ->required();
  app.add_option("--new", o.new_papers, "about how many papers are new to the saved searches");
  app.add_option("--rounds", o.rounds, "timed rounds");
  app.add_option("--queries", o.queries, "the saved searches' queries")->delimiter(',');
  app.add_option("--clock", o.clock, "wall or cpu (the thread's CPU time)")
      ->check(CLI::IsMember({"wall", "cpu"}));
  CLI11_PARSE(app, argc, argv);
  return paperdeck::bench::Run(o);
}
