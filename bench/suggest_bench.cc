// suggest_bench: what suggestions as a person types cost, one thread, through
// Workspace::Suggest (GET /api/suggest's work without HTTP).
//
//   suggest_bench --data DIR [--words N] [--seed S] [--clock wall|cpu]
//
// 1. Draws N words of six letters or more from the titles of random papers of DIR's corpus.
// 2. Types each as a person does: its prefixes of 1 to 6 letters each a request, and the prefix
//    of 4 letters after the word before it in the title ("deep lear"), 8 suggestions a request.
// 3. Runs every request once untimed (warm), then once timed. Prints p50, p99 and mean per
//    prefix length and for all, and what the answers held (words, authors, titles).
#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "latency.h"
#include "machine.h"
#include "workspace/workspace.h"

namespace fs = std::filesystem;
using namespace paperdeck;
using namespace paperdeck::bench;

namespace {

int Fail(const Status& s) {
  fmt::print(stderr, "suggest_bench: {}\n", s.message());
  return 1;
}

// The title's words of ASCII letters, lowercase, in order.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w += static_cast<char>(c | 0x20);
      continue;
    }
    if (!w.empty()) out.push_back(w);
    w.clear();
  }
  return out;
}

struct Typed {
  std::string text;
  std::string set;  // which row of the table
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"suggest_bench: suggestions as a person types, through Workspace::Suggest"};
  fs::path data;
  size_t n = 200;
  uint64_t seed = 14;
  std::string clock_name = "wall";
  app.add_option("--data", data, "an imported data directory")->required();
  app.add_option("--words", n, "words typed");
  app.add_option("--seed", seed, "seed of the drawing");
  app.add_option("--clock", clock_name, "wall or cpu");
  CLI11_PARSE(app, argc, argv);
  const QueryClock clock = clock_name == "cpu" ? QueryClock::kThreadCpu : QueryClock::kWall;

  Machine machine = DescribeMachine();
  fmt::print("suggest_bench: {} cores, {}, {:.1f} GiB; load average {}\n", machine.cores,
             machine.cpu, machine.memory_bytes / double(1 << 30), LoadAverage());
  auto workspace = workspace::Workspace::Open(data);
  if (!workspace.ok()) return Fail(workspace.status());
  auto snapshot = (*workspace)->Index();
  if (!snapshot.ok()) return Fail(snapshot.status());
  const uint64_t docs = snapshot->reader->live_doc_count();
  fmt::print("index: {} papers, {} segments, {:.0f} MiB\n", docs,
             snapshot->reader->segments().size(), snapshot->reader->size_bytes() / 1048576.0);

  // 1. Words from the titles of random papers (keys are the corpus's rowids: 1.. after an import).
  std::mt19937_64 rng(seed);
  std::vector<Typed> typed;
  {
    auto corpus = (*workspace)->Corpus();
    if (!corpus.ok()) return Fail(corpus.status());
    size_t drawn = 0;
    for (size_t tries = 0; drawn < n && tries < n * 50; ++tries) {
      const int64_t keys[] = {static_cast<int64_t>(1 + rng() % std::max<uint64_t>(docs, 1))};
      auto papers = (*corpus)->Get(keys);
      if (!papers.ok()) return Fail(papers.status());
      if (papers->empty()) continue;
      std::vector<std::string> words = Words(papers->front().record.title);
      std::vector<size_t> long_ones;
      for (size_t i = 0; i < words.size(); ++i) {
        if (words[i].size() >= 6) long_ones.push_back(i);
      }
      if (long_ones.empty()) continue;
      const size_t at = long_ones[rng() % long_ones.size()];
      const std::string& w = words[at];
      for (size_t len = 1; len <= 6; ++len) {
        typed.push_back({w.substr(0, len), fmt::format("{} letter{}", len, len > 1 ? "s" : "")});
      }
      if (at > 0) typed.push_back({words[at - 1] + " " + w.substr(0, 4), "word + 4 letters"});
      ++drawn;
    }
    fmt::print("typed: {} requests from {} title words (seed {})\n", typed.size(), drawn, seed);
  }

  // 2. Warm, then timed.
  std::map<std::string, size_t> kinds;
  for (const Typed& t : typed) {
    auto s = (*workspace)->Suggest(t.text, workspace::kDefaultSuggestions);
    if (!s.ok()) return Fail(s.status());
    for (const auto& one : *s) ++kinds[std::string(workspace::SuggestionKindName(one.kind))];
  }
  std::map<std::string, Latencies> by_set;
  Latencies all;
  for (const Typed& t : typed) {
    const double t0 = NowMillis(clock);
    auto s = (*workspace)->Suggest(t.text, workspace::kDefaultSuggestions);
    const double ms = NowMillis(clock) - t0;
    if (!s.ok()) return Fail(s.status());
    by_set[t.set].ms.push_back(ms);
    all.ms.push_back(ms);
  }

  fmt::print("\n| typed | requests | p50 ms | p99 ms | mean ms |\n|---|---|---|---|---|\n");
  for (const auto& [set, l] : by_set) {
    fmt::print("| {} | {} | {:.3f} | {:.3f} | {:.3f} |\n", set, l.ms.size(), l.Percentile(50),
               l.Percentile(99), l.Mean());
  }
  fmt::print("| **all** | {} | **{:.3f}** | **{:.3f}** | {:.3f} |\n", all.ms.size(),
             all.Percentile(50), all.Percentile(99), all.Mean());
  fmt::print("\nsuggestions given:");
  for (const auto& [kind, count] : kinds) fmt::print(" {} {}", count, kind);
  fmt::print(" (clock {}; load average {})\n", clock_name, LoadAverage());
  return 0;
}
