// facets_bench: what the results page's facets cost, counted disjunctively (each facet without
// its own filter: search/facet_counter.h), beside the same page without facets and beside facets
// counted within the filters, over an imported data directory, through the Workspace::Search the
// server's /api/search calls (a page of 20, joined to its papers).
//
//   facets_bench --data DIR [--rounds N] [--clock wall|cpu] [--words attention,diffusion,...]
//
// For each word, five searches, one untimed pass then --rounds timed passes each:
//   WORD                       no facets: the total and a ranked page (the command line's search)
//   WORD + facets              category and year counts over every match
//   WORD cat:C year:Y + facets the filters in the query: facets counted within them (how the page
//                              counted before: the walk visits only the filtered matches)
//   WORD, filters C, Y         disjunctive: the walk visits every match of WORD and tests the
//                              filters per document, counting categories within Y, years within C
//   WORD, filters C|C2         two categories (either), disjunctive
// and prints p50, p99 and mean per kind, and each one's p50 over the page without facets.
// It only reads the data directory.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
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
  std::vector<std::string> words = {"attention", "diffusion", "graph", "quantum", "language",
                                    "reinforcement", "protein", "optimization", "learning"};
  std::string category = "cs.LG";
  std::string second = "cs.CL";
  int year = 2025;
  int rounds = 20;
  std::string clock = "cpu";
};

struct Kind {
  std::string name;
  Latencies latencies = {};
  uint64_t matches = 0;
};

int Run(const Options& o) {
  const QueryClock clock = o.clock == "wall" ? QueryClock::kWall : QueryClock::kThreadCpu;
  Result<std::unique_ptr<workspace::Workspace>> ws = workspace::Workspace::Open(o.data);
  if (!ws.ok()) {
    fmt::print(stderr, "facets_bench: {}\n", ws.status().message());
    return 1;
  }
  workspace::Workspace& workspace = **ws;
  const std::string filters = "cat:" + o.category + " year:" + std::to_string(o.year);
  std::vector<Kind> kinds = {{"WORD"},
                             {"WORD + facets"},
                             {"WORD " + filters + " + facets (within)"},
                             {"WORD, filters " + o.category + ", " + std::to_string(o.year) +
                              " (disjunctive)"},
                             {"WORD, filters " + o.category + "|" + o.second + " (disjunctive)"}};
  auto request_of = [&](size_t kind, const std::string& word) {
    search::SearchRequest r;
    r.query = word;
    r.limit = 20;
    r.facets = kind != 0;
    if (kind == 2) r.query = word + " " + filters;
    if (kind == 3) {
      r.categories = {o.category};
      r.years = {{o.year, o.year}};
    }
    if (kind == 4) r.categories = {o.category, o.second};
    return r;
  };
  for (int round = -1; round < o.rounds; ++round) {
    for (const std::string& word : o.words) {
      for (size_t k = 0; k < kinds.size(); ++k) {
        const search::SearchRequest request = request_of(k, word);
        const double start = NowMillis(clock);
        Result<workspace::SearchPage> page = workspace.Search(request);
        const double ms = NowMillis(clock) - start;
        if (!page.ok()) {
          fmt::print(stderr, "facets_bench: {}: {}\n", word, page.status().message());
          return 1;
        }
        if (round < 0) {
          kinds[k].matches += page->response.total;
        } else {
          kinds[k].latencies.ms.push_back(ms);
        }
      }
    }
  }

  const Machine machine = DescribeMachine();
  fmt::print("facets_bench over {} ({} words, {} rounds, {} clock)\n{} cores, {}, {:.0f} GiB, load {}\n\n",
             o.data, o.words.size(), o.rounds, o.clock, machine.cores, machine.cpu,
             static_cast<double>(machine.memory_bytes) / (1ull << 30), LoadAverage());
  fmt::print("| search | matches (one pass) | p50 ms | p99 ms | mean ms | p50 / no facets |\n");
  fmt::print("|---|---:|---:|---:|---:|---:|\n");
  const double base = kinds[0].latencies.Percentile(50);
  for (const Kind& k : kinds) {
    fmt::print("| {} | {} | {:.2f} | {:.2f} | {:.2f} | {:.2f}× |\n", k.name, k.matches,
               k.latencies.Percentile(50), k.latencies.Percentile(99), k.latencies.Mean(),
               base > 0 ? k.latencies.Percentile(50) / base : 0.0);
  }
  return 0;
}

}  // namespace
}  // namespace paperdeck::bench

int main(int argc, char** argv) {
  paperdeck::bench::Options o;
  CLI::App app{"facets_bench: the cost of disjunctive facet counting"};
  app.add_option("--data", o.data, "an imported data directory")->required();
  app.add_option("--rounds", o.rounds, "timed passes");
  app.add_option("--clock", o.clock, "wall or cpu")->check(CLI::IsMember({"wall", "cpu"}));
  app.add_option("--words", o.words, "words to search")->delimiter(',');
  CLI11_PARSE(app, argc, argv);
  return paperdeck::bench::Run(o);
}
