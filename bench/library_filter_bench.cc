// library_filter_bench: what a filter on the user's library costs beside a category filter, over
// an imported data directory: `attention tag:X` beside `attention cat:cs.CL`, for tag sets of
// realistic sizes, through the same Workspace::Search that `paperdeck search` calls.
//
//   library_filter_bench --data DIR [--sizes 100,10000,100000] [--rounds N] [--seed S]
//                        [--clock wall|cpu] [--words attention,diffusion,...]
//
// What it does, in order:
//   1. Draws, with a seeded std::mt19937_64, sets of distinct live papers of each size from the
//      index and tags them `paperdeck-bench/N` (one Corpus::ChangeTags each): the tags live in
//      the corpus, as a person's do; no segment is written.
//   2. Runs, for each word, `WORD cat:CAT` and `WORD tag:paperdeck-bench/N` for every N, and the
//      filters alone (`cat:CAT`, `tag:paperdeck-bench/N`), one untimed pass then --rounds timed
//      passes, each query a Workspace::Search of a ranked page of 10 with its exact total: the tag's
//      keys read from the corpus into a Roaring bitmap, mapped onto each segment, the walk, and
//      the page joined to its papers and their library data.
//      Then `WORD tag:X` again, each search right after a change to the library (one paper's
//      tag added or removed, untimed): the kept sets (workspace/library_sets.h) are dropped, so
//      this is the first search after a person tags something.
//   3. Times the tag's resolution alone (the corpus read into the set) for each N.
//   4. Prints p50, p99 and mean per query kind, and each one's p50 and p99 over the category's.
//   5. Removes the tags it added (papers that held nothing else leave the library again).
//
// The data directory is written (the tags, then their removal): run it on a benchmark's data
// directory (bench/run's work directory), not on your own library.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "latency.h"
#include "machine.h"
#include "query/query_tree.h"
#include "search/searcher.h"
#include "workspace/library_lookup.h"
#include "workspace/workspace.h"

namespace paperdeck::bench {
namespace {

struct Options {
  std::string data;
  std::vector<uint64_t> sizes = {100, 10000, 100000};
  std::vector<std::string> words = {"attention", "diffusion", "graph", "quantum", "language",
                                    "reinforcement", "protein", "optimization"};
  std::string category = "cs.CL";
  int rounds = 20;
  uint64_t seed = 42;
  std::string clock = "cpu";
};

std::string TagName(uint64_t size) { return "paperdeck-bench/" + std::to_string(size); }

struct Row {
  std::string kind;  // "WORD cat:cs.CL", "WORD tag:X (N)"
  Latencies latencies;
  uint64_t matches = 0;  // summed totals of one pass
  uint64_t queries = 0;
  bool alone = false;  // a filter alone: compared with the category alone
};

int Run(const Options& o) {
  const QueryClock clock = o.clock == "wall" ? QueryClock::kWall : QueryClock::kThreadCpu;
  Result<std::unique_ptr<workspace::Workspace>> ws = workspace::Workspace::Open(o.data);
  if (!ws.ok()) {
    fmt::print(stderr, "library_filter_bench: {}\n", ws.status().message());
    return 1;
  }
  workspace::Workspace& workspace = **ws;
  Result<workspace::Snapshot> snapshot = workspace.Index();
  if (!snapshot.ok()) {
    fmt::print(stderr, "library_filter_bench: {}\n", snapshot.status().message());
    return 1;
  }
  std::vector<int64_t> live;
  for (const auto& segment : snapshot->reader->segments()) {
    for (uint32_t d = 0; d < segment->doc_count(); ++d) {
      if (!segment->IsDeleted(d)) live.push_back(static_cast<int64_t>(segment->paper_key(d)));
    }
  }
  const Machine machine = DescribeMachine();
  fmt::print("library_filter_bench --data {}\n", o.data);
  fmt::print("machine: {} cores, {}, {:.1f} GiB; load average {}\n", machine.cores, machine.cpu,
             machine.memory_bytes / double(1ull << 30), LoadAverage());
  fmt::print("corpus: {} live papers in {} segments; clock: {}; {} rounds of {} words\n\n",
             live.size(), snapshot->reader->segments().size(), o.clock, o.rounds, o.words.size());

  // 1. The tag sets.
  auto corpus = workspace.Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "library_filter_bench: {}\n", corpus.status().message());
    return 1;
  }
  std::mt19937_64 rng(o.seed);
  std::vector<uint64_t> sizes;
  for (uint64_t size : o.sizes) {
    if (size > live.size()) continue;
    std::vector<int64_t> sample;
    std::sample(live.begin(), live.end(), std::back_inserter(sample), size, rng);
    const std::vector<std::string> tag = {TagName(size)};
    if (Status s = (*corpus)->ChangeTags(sample, tag, {}); !s.ok()) {
      fmt::print(stderr, "library_filter_bench: tagging {} papers: {}\n", size, s.message());
      return 1;
    }
    sizes.push_back(size);
  }

  // 2. The queries.
  std::vector<Row> rows;
  const std::vector<int64_t> touched = {live.front()};
  const std::vector<std::string> touch = {"paperdeck-bench/touch"};
  bool touch_on = false;
  auto time = [&](const std::string& kind, const std::vector<std::string>& queries,
                  bool alone = false, bool after_change = false) {
    Row row{kind, {}, 0, 0, alone};
    for (int round = -1; round < o.rounds; ++round) {  // round -1 warms, untimed
      for (const std::string& q : queries) {
        if (after_change) {
          touch_on = !touch_on;
          Status s = touch_on ? (*corpus)->ChangeTags(touched, touch, {})
                              : (*corpus)->ChangeTags(touched, {}, touch);
          if (!s.ok()) {
            fmt::print(stderr, "library_filter_bench: {}\n", s.message());
            std::exit(1);
          }
        }
        search::SearchRequest request;
        request.query = q;
        request.limit = 10;
        const double start = NowMillis(clock);
        Result<workspace::SearchPage> page = workspace.Search(request);
        const double ms = NowMillis(clock) - start;
        if (!page.ok()) {
          fmt::print(stderr, "library_filter_bench: {}: {}\n", q, page.status().message());
          std::exit(1);
        }
        if (round < 0) {
          row.matches += page->response.total;
          ++row.queries;
        } else {
          row.latencies.ms.push_back(ms);
        }
      }
    }
    rows.push_back(std::move(row));
  };
  auto each_word = [&](const std::string& filter) {
    std::vector<std::string> out;
    for (const std::string& w : o.words) out.push_back(w + " " + filter);
    return out;
  };
  time("WORD cat:" + o.category, each_word("cat:" + o.category));
  for (uint64_t size : sizes) {
    time("WORD tag:X, " + std::to_string(size) + " papers", each_word("tag:" + TagName(size)));
  }
  time("cat:" + o.category + " alone", {"cat:" + o.category}, true);
  for (uint64_t size : sizes) {
    time("tag:X alone, " + std::to_string(size) + " papers", {"tag:" + TagName(size)}, true);
  }
  for (uint64_t size : sizes) {
    time("WORD tag:X, " + std::to_string(size) + ", after a change",
         each_word("tag:" + TagName(size)), false, true);
  }
  if (touch_on) (void)(*corpus)->ChangeTags(touched, {}, touch);

  // 3. The resolution alone.
  std::vector<Row> resolutions;
  for (uint64_t size : sizes) {
    workspace::LibraryLookup lookup(**corpus);
    query::QueryNode leaf = query::LibraryNode(query::QueryNode::Kind::kTag, TagName(size));
    Row row{"corpus -> set, " + std::to_string(size) + " papers", {}, 0, 0};
    for (int round = -1; round < o.rounds; ++round) {
      const double start = NowMillis(clock);
      Result<search::PaperKeySet> set = lookup.Papers(leaf);
      const double ms = NowMillis(clock) - start;
      if (!set.ok()) {
        fmt::print(stderr, "library_filter_bench: {}\n", set.status().message());
        return 1;
      }
      if (round >= 0) row.latencies.ms.push_back(ms);
      row.matches = set->cardinality();
      row.queries = 1;
    }
    resolutions.push_back(std::move(row));
  }

  // 4. The table.
  const Row& word_cat = rows[0];
  const Row& alone_cat = rows[1 + sizes.size()];
  fmt::print("{:<34} {:>9} {:>9} {:>9} {:>12} {:>10} {:>10}\n", "query (ms per query)", "p50", "p99",
             "mean", "matches/q", "p50 ratio", "p99 ratio");
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const Row& base = r.alone ? alone_cat : word_cat;
    fmt::print("{:<34} {:>9.3f} {:>9.3f} {:>9.3f} {:>12.0f} {:>9.2f}x {:>9.2f}x\n", r.kind,
               r.latencies.Percentile(50), r.latencies.Percentile(99), r.latencies.Mean(),
               r.queries ? double(r.matches) / r.queries : 0.0,
               r.latencies.Percentile(50) / base.latencies.Percentile(50),
               r.latencies.Percentile(99) / base.latencies.Percentile(99));
    if (i + 1 < rows.size() && rows[i + 1].alone != r.alone) fmt::print("\n");
  }
  fmt::print("\n{:<34} {:>9} {:>9} {:>9} {:>12}\n", "tag resolution alone (ms)", "p50", "p99",
             "mean", "papers");
  for (const Row& r : resolutions) {
    fmt::print("{:<34} {:>9.3f} {:>9.3f} {:>9.3f} {:>12}\n", r.kind, r.latencies.Percentile(50),
               r.latencies.Percentile(99), r.latencies.Mean(), r.matches);
  }
  fmt::print("\nratio: the row's figure over the category's (WORD cat:{} for WORD rows, cat:{} alone "
             "for the filters alone); \"after a change\": each search follows a change to the library, "
             "so nothing kept is used; below 1 is cheaper.\n", o.category, o.category);

  // 5. The tags go again.
  for (uint64_t size : sizes) {
    Result<std::vector<int64_t>> tagged = (*corpus)->PapersTagged(TagName(size));
    if (!tagged.ok()) continue;
    const std::vector<std::string> tag = {TagName(size)};
    if (Status s = (*corpus)->ChangeTags(*tagged, {}, tag); !s.ok()) {
      fmt::print(stderr, "library_filter_bench: removing {}: {}\n", TagName(size), s.message());
    }
  }
  return 0;
}

}  // namespace
}  // namespace paperdeck::bench

int main(int argc, char** argv) {
  paperdeck::bench::Options o;
  CLI::App app{"The cost of tag: beside cat: through Workspace::Search"};
  app.add_option("--data", o.data, "the data directory (it is written: tags, then removed)")
      ->required();
  app.add_option("--sizes", o.sizes, "tag set sizes")->delimiter(',');
  app.add_option("--words", o.words, "the words each filter is paired with")->delimiter(',');
  app.add_option("--category", o.category, "the category to compare with");
  app.add_option("--rounds", o.rounds, "timed passes over the words");
  app.add_option("--seed", o.seed, "seed of the tag sets");
  app.add_option("--clock", o.clock, "wall or cpu (the thread's CPU time)")
      ->check(CLI::IsMember({"wall", "cpu"}));
  CLI11_PARSE(app, argc, argv);
  return paperdeck::bench::Run(o);
}
