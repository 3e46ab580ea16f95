// search_bench: PaperDeck's search side by side with SQLite FTS5 and Xapian, in one run, over the
// papers of a data directory the user has imported.
//
//   search_bench --data DIR [--queries N] [--seed S] [--top 10,100] [--cold N] [--out FILE]
//                [--tmp DIR | --keep DIR] [--clock wall|cpu] [--no-xapian] [--slowest N]
//                [--exact-weight W]
//
// What it does, in order:
//   1. Reads every paper of DIR's corpus into memory (Corpus::ChangedSince(0)).
//   2. Builds, from those same papers, a fresh PaperDeck index, an FTS5 table and a Xapian
//      database, each in a child process of its own (its time, rate, size and peak memory), or
//      reuses the builds a kept directory holds for the same corpus (--keep).
//   3. Draws query sets from the papers with a seeded std::mt19937_64 (query_sets.h).
//   4. Times opening each engine's index, warm and with its files out of the page cache, and
//      measures each engine's memory while it serves every query in a child process.
//   5. Runs every set on DIR's own index (search::Searcher), the FTS5 table and Xapian, for each
//      page size, warm (one untimed pass, then one timed), then a few queries cold (set_run.h).
//   6. Prints, per set and over all sets, latency percentiles, rates, each peer's ratio to
//      PaperDeck and how far its answers agree with PaperDeck's; then what an exact form and
//      feedback cost PaperDeck beside the same words without them.
//
// The engines do not score or analyse text identically (BM25F over fields vs a weighted sum of
// per-column BM25 vs BM25 over within-document frequencies with the title counted three times;
// Snowball English in PaperDeck and Xapian vs the original Porter stemmer in FTS5; PaperDeck
// splits compounds), so the queries are made of plain words that all read alike, and the
// agreement figures say how comparable the answers are.
#include <fmt/core.h>
#include <malloc.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "child_process.h"
#include "fts5_engine.h"
#include "latency.h"
#include "library/corpus.h"
#include "machine.h"
#include "model/status.h"
#include "page_cache.h"
#include "paperdeck_engine.h"
#include "query_sets.h"
#include "report.h"
#include "scratch_indexes.h"
#include "set_run.h"
#include "text/analyzer.h"
#include "xapian_engine.h"

namespace paperdeck::bench {
namespace {

namespace fs = std::filesystem;
using SteadyClock = std::chrono::steady_clock;

struct Options {
  std::string data;
  size_t queries = 1000;
  uint64_t seed = 42;
  std::vector<uint32_t> top = {10, 100};
  size_t cold = 5;
  std::string out;
  std::string tmp;
  std::string keep;
  size_t slowest = 0;
  std::vector<std::string> sets;  // the sets timed, by name; empty: all
  QueryClock clock = QueryClock::kWall;
  bool xapian = true;  // build and query Xapian too (its build is the slowest of the three)
  std::optional<float> exact_weight;  // the exact-form weight PaperDeck ranks with, if not its default
};

int Fail(const Status& s) {
  fmt::print(stderr, "search_bench: {}\n", s.message());
  return 1;
}

uint64_t BytesOf(const std::vector<fs::path>& paths) {
  uint64_t total = 0;
  std::error_code ec;
  for (const fs::path& f : FilesUnder(paths)) total += fs::file_size(f, ec);
  return total;
}

double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Step 2 for one engine: build it in a child process, or reuse a kept build.
struct BuildLine {
  std::string label;
  std::string engine;  // the scratch subdirectory
  bool reused = false;
  std::string built_when;
  BuildFigures figures;
  ChildMemory memory;
};

using BuildFunction = std::function<Status(const fs::path& dir, BuildFigures*)>;

// This program's binary, by size and modification time: PaperDeck's engine is linked into it, so a
// rebuilt engine gives a different answer.
std::string ThisProgram() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  struct stat st {};
  if (ec || ::stat(exe.c_str(), &st) != 0) return "unknown";
  return fmt::format("{} {} bytes, modified {}.{:09}", exe.string(), st.st_size, st.st_mtim.tv_sec,
                     st.st_mtim.tv_nsec);
}

// code: what a build depends on besides the corpus (ScratchIndexes::BuiltEarlier).
Result<BuildLine> BuildOrReuse(ScratchIndexes& scratch, const std::string& engine,
                               const std::string& label, int64_t revision, uint64_t papers,
                               const std::string& code, const BuildFunction& build) {
  BuildLine line;
  line.label = label;
  line.engine = engine;
  line.built_when = scratch.BuiltEarlier(engine, revision, papers, code);
  if (!line.built_when.empty()) {
    line.reused = true;
    return line;
  }
  if (Status s = scratch.Clear(engine); !s.ok()) return s;
  fs::path dir = scratch.PathOf(engine);
  auto built = InChild<BuildFigures>([&](BuildFigures* figures) { return build(dir, figures); });
  if (!built.ok()) return built.status();
  line.figures = built->first;
  line.memory = built->second;
  if (Status s = scratch.Stamp(engine, revision, papers, code); !s.ok()) return s;
  return line;
}

void PrintBuilds(const std::vector<BuildLine>& lines, const std::vector<SearchEngine*>& built,
                 uint64_t papers, uint64_t text_bytes) {
  const double n = static_cast<double>(papers);
  fmt::print(
      "\nIndex build: the same {} papers ({:.1f} MiB of text) from memory, added from one "
      "thread; each engine in a child process of its own\n",
      Grouped(papers), MiB(text_bytes));
  fmt::print(
      "  MiB/s: text fed in; peak: the child's peak RSS (VmHWM); start: its RSS holding "
      "every paper in memory, before the build; over start: what the build added\n");
  fmt::print("  {:<26} {:>8} {:>8} {:>8} {:>9} {:>9} {:>9} {:>10}\n", "engine", "seconds", "docs/s",
             "MiB/s", "size MiB", "peak MiB", "start MiB", "over start");
  for (size_t i = 0; i < lines.size(); ++i) {
    const BuildLine& l = lines[i];
    uint64_t size = BytesOf(built[i]->Files());
    if (l.reused) {
      fmt::print("  {:<26} {:>8} {:>8} {:>8} {:>9.1f}  reused, built earlier ({})\n", l.label, "",
                 "", "", MiB(size), l.built_when);
      continue;
    }
    const BuildFigures& f = l.figures;
    fmt::print("  {:<26} {:>8.2f} {:>8.0f} {:>8.2f} {:>9.1f} {:>9.0f} {:>9.0f} {:>10.0f}\n",
               l.label, f.seconds, n / f.seconds, MiB(text_bytes) / f.seconds, MiB(f.built_bytes),
               MiB(l.memory.peak_bytes), MiB(l.memory.start_bytes),
               MiB(l.memory.peak_bytes) - MiB(l.memory.start_bytes));
    if (f.optimize_seconds > 0) {
      fmt::print("  {:<26} {:>8.2f} of those seconds\n", "  of which optimize", f.optimize_seconds);
    }
    if (f.compact_seconds > 0) {
      fmt::print("  {:<26} {:>8.2f} {:>8} {:>8} {:>9.1f}  (queries read this copy)\n",
                 "  then compacted", f.compact_seconds, "", "", MiB(f.bytes));
    }
  }
}

// Step 4: opening each engine's index, warm (median of 5, after one untimed open) and cold
// (median of 3, each after dropping its files from the page cache).
Status PrintOpening(const std::vector<SearchEngine*>& engines) {
  fmt::print(
      "\nOpening the index (wall time; warm: median of 5; cold: median of 3, each after "
      "dropping the index's files from the page cache)\n");
  fmt::print("  {:<12} {:>10} {:>10} {:>10}  {}\n", "engine", "warm ms", "cold ms", "size MiB",
             "what is timed");
  for (SearchEngine* e : engines) {
    std::vector<fs::path> files = FilesUnder(e->Files());
    std::vector<double> warm, cold;
    if (Status s = e->Open(); !s.ok()) return s;
    for (int i = 0; i < 5; ++i) {
      double t0 = NowMillis(QueryClock::kWall);
      if (Status s = e->Open(); !s.ok()) return s;
      warm.push_back(NowMillis(QueryClock::kWall) - t0);
    }
    for (int i = 0; i < 3; ++i) {
      e->Close();
      if (Status s = DropFromPageCache(files); !s.ok()) return s;
      double t0 = NowMillis(QueryClock::kWall);
      if (Status s = e->Open(); !s.ok()) return s;
      cold.push_back(NowMillis(QueryClock::kWall) - t0);
    }
    e->Close();
    const char* what = e->name() == "paperdeck" ? "index::IndexReader::Open + Searcher"
                       : e->name() == "fts5"    ? "sqlite3_open_v2 + pragmas + 4 prepares"
                                                : "Xapian::Database + Enquire";
    fmt::print("  {:<12} {:>10.3f} {:>10.3f} {:>10.1f}  {}\n", e->name(), Median(warm),
               Median(cold), MiB(BytesOf(files)), what);
  }
  return Status::Ok();
}

// Step 4: each engine's memory while it serves every query of every set once, at the largest
// page size, in a child process of its own.
struct ServeFigures {
  uint64_t queries = 0;
};

Status PrintServing(const std::vector<SearchEngine*>& engines, const std::vector<QuerySet>& sets,
                    uint32_t k, QueryClock clock) {
  fmt::print(
      "\nMemory while serving: a child process opens one engine and runs every query of "
      "every set once (top {})\n",
      k);
  fmt::print(
      "  peak RSS is the child's VmHWM: it counts the index pages an engine maps (paperdeck, "
      "fts5) but not the page cache it reads through (xapian); start: the child's RSS before "
      "it opened the engine\n");
  fmt::print("  {:<12} {:>9} {:>14} {:>10} {:>10}\n", "engine", "queries", "peak RSS MiB",
             "start MiB", "over start");
  for (SearchEngine* e : engines) {
    e->Close();
    auto served = InChild<ServeFigures>([&](ServeFigures* figures) -> Status {
      if (Status s = e->Open(); !s.ok()) return s;
      Answer answer;
      Timing timing;
      for (const QuerySet& set : sets) {
        for (const Query& q : set.queries) {
          if (Status s = e->Run(q, k, clock, false, &answer, &timing); !s.ok()) return s;
          ++figures->queries;
        }
      }
      return Status::Ok();
    });
    if (!served.ok()) return served.status();
    const ChildMemory& m = served->second;
    fmt::print("  {:<12} {:>9} {:>14.1f} {:>10.1f} {:>10.1f}\n", e->name(),
               Grouped(served->first.queries), MiB(m.peak_bytes), MiB(m.start_bytes),
               MiB(m.peak_bytes) - MiB(m.start_bytes));
  }
  return Status::Ok();
}

// PaperDeck's latency on a set beside the set of the same words without the form or feedback:
// what `=word` and `--expand` cost.
void PrintCosts(const std::map<std::string, SetResult>& sets, const std::vector<uint32_t>& ks) {
  struct Pair {
    const char* with;
    const char* without;
    const char* what;
  };
  const Pair pairs[] = {{"exact1", "plain1", "exact form (=word) beside the word"},
                        {"question3-6+fb", "question3-6", "feedback (--expand) beside the question"}};
  fmt::print("\nCost in paperdeck, the same words with and without (warm, ms; goal for feedback: "
             "p50 under 2x)\n");
  fmt::print("  {:<40} {:>6} {:>9} {:>9} {:>9} {:>9} {:>8} {:>8}\n", "", "top", "p50", "p50 w/o",
             "p99", "p99 w/o", "p50 x", "p99 x");
  for (const Pair& p : pairs) {
    auto with = sets.find(p.with), without = sets.find(p.without);
    if (with == sets.end() || without == sets.end()) continue;
    for (size_t i = 0; i < ks.size(); ++i) {
      const Latencies& a = with->second.warm[i][0].with_total;
      const Latencies& b = without->second.warm[i][0].with_total;
      if (a.empty() || b.empty()) continue;
      fmt::print("  {:<40} {:>6} {:>9.3f} {:>9.3f} {:>9.3f} {:>9.3f} {:>8.2f} {:>8.2f}\n", p.what,
                 ks[i], a.Percentile(50), b.Percentile(50), a.Percentile(99), b.Percentile(99),
                 a.Percentile(50) / b.Percentile(50), a.Percentile(99) / b.Percentile(99));
    }
  }
}

int Run(const Options& options) {
  const fs::path data = options.data;
  if (!fs::exists(data / "corpus.db")) {
    return Fail(Status::NotFound((data / "corpus.db").string() +
                                 ": no corpus here; import papers first (paperdeck --data " +
                                 data.string() + " import FILE)"));
  }
  std::vector<uint32_t> ks = options.top;
  std::sort(ks.begin(), ks.end());
  ks.erase(std::unique(ks.begin(), ks.end()), ks.end());

  Machine machine = DescribeMachine();
  fmt::print("PaperDeck search benchmark: paperdeck vs SQLite FTS5{}, one thread\n",
             options.xapian ? " and Xapian" : "");
  fmt::print("machine:  {} cores, {}, {:.1f} GiB memory; load average {}\n", machine.cores,
             machine.cpu, MiB(machine.memory_bytes) / 1024.0, LoadAverage());
  fmt::print("sqlite:   {} (FTS5, tokenize='porter unicode61', contentless, memory-mapped)\n",
             sqlite3_libversion());
  if (options.xapian) {
    fmt::print(
        "xapian:   {} (glass, BM25Weight, English stemmer on every term, positions, "
        "compacted)\n",
        Xapian::version_string());
  }

  // 1. Every paper, once, in memory: every build then reads the same input at memory speed.
  auto corpus = library::Corpus::Open(data);
  if (!corpus.ok()) return Fail(corpus.status());
  auto revision = (*corpus)->Revision();
  if (!revision.ok()) return Fail(revision.status());
  std::vector<library::StoredPaper> papers;
  SteadyClock::time_point load_start = SteadyClock::now();
  Status streamed = (*corpus)->ChangedSince(0, [&](const library::StoredPaper& paper) {
    papers.push_back(paper);
    return true;
  });
  if (!streamed.ok()) return Fail(streamed);
  double load_seconds = std::chrono::duration<double>(SteadyClock::now() - load_start).count();
  corpus->reset();  // no connection may cross the forks below
  uint64_t text_bytes = 0;
  for (const library::StoredPaper& p : papers) {
    text_bytes += p.record.title.size() + p.record.abstract.size();
    for (const std::string& a : p.record.authors) text_bytes += a.size();
    for (const std::string& c : p.record.categories) text_bytes += c.size();
  }
  fmt::print("corpus:   {}: {} papers, revision {} (read in {:.1f} s)\n", data.string(),
             Grouped(papers.size()), *revision, load_seconds);

  PaperDeckEngine ours(data / "index", {}, data / "vectors");
  if (Status s = ours.Open(); !s.ok()) return Fail(s);
  fmt::print("index:    {} live documents, revision {}, {:.1f} MiB\n",
             Grouped(ours.reader().live_doc_count()), ours.reader().corpus_revision(),
             MiB(ours.reader().size_bytes()));
  if (ours.reader().corpus_revision() != *revision) {
    fmt::print(
        "warning:  the index lags the corpus (revision {} vs {}); run `paperdeck --data {} "
        "reindex` for figures that compare like with like\n",
        ours.reader().corpus_revision(), *revision, data.string());
  }
  ours.Close();
  if (papers.empty()) return Fail(Status::InvalidArgument("the corpus holds no papers"));

  // 2. The builds.
  fs::path tmp_root = options.tmp.empty() ? fs::temp_directory_path() : fs::path(options.tmp);
  auto scratch = ScratchIndexes::Open(tmp_root, options.keep);
  if (!scratch.ok()) return Fail(scratch.status());
  fmt::print("scratch:  {}{}\n", (*scratch)->dir().string(),
             (*scratch)->kept() ? " (kept; builds of the same corpus revision are reused)"
                                : " (removed at the end)");
  const uint64_t n = papers.size();
  std::vector<BuildLine> lines;
  auto add = [&](const std::string& engine, const std::string& label, const BuildFunction& f) {
    // PaperDeck's build depends on the engine's code too; the peers' only on the corpus.
    std::string code = engine == "paperdeck" ? ThisProgram() : "";
    auto line = BuildOrReuse(**scratch, engine, label, *revision, n, code, f);
    if (!line.ok()) return line.status();
    lines.push_back(std::move(line).value());
    return Status::Ok();
  };
  if (Status s = add("paperdeck", "paperdeck (one segment)",
                     [&](const fs::path& dir, BuildFigures* f) {
                       return BuildPaperDeck(papers, *revision, dir, f);
                     });
      !s.ok()) {
    return Fail(s);
  }
  if (Status s = add("fts5", "fts5 (inserts + optimize)",
                     [&](const fs::path& dir, BuildFigures* f) {
                       std::error_code ec;
                       fs::create_directories(dir, ec);
                       if (ec) return Status::IOError(dir.string() + ": " + ec.message());
                       return BuildFts5(papers, dir / "fts5.db", f);
                     });
      !s.ok()) {
    return Fail(s);
  }
  if (options.xapian) {
    if (Status s =
            add("xapian", "xapian (adds + commit)",
                [&](const fs::path& dir, BuildFigures* f) { return BuildXapian(papers, dir, f); });
        !s.ok()) {
      return Fail(s);
    }
  }
  search::SearcherOptions ranking;
  if (options.exact_weight) ranking.exact_form_weight = *options.exact_weight;
  PaperDeckEngine fresh((*scratch)->PathOf("paperdeck"), ranking);
  Fts5Engine fts((*scratch)->PathOf("fts5") / "fts5.db");
  std::unique_ptr<XapianEngine> xapian;
  if (options.xapian) {
    auto loaded = XapianEngine::Load((*scratch)->PathOf("xapian"));
    if (!loaded.ok()) return Fail(loaded.status());
    xapian = std::move(loaded).value();
  }
  std::vector<SearchEngine*> built = {&fresh, &fts};
  if (xapian) built.push_back(xapian.get());
  PrintBuilds(lines, built, n, text_bytes);
  fmt::print("  paperdeck's own index in {} is {:.1f} MiB; searches below run on it\n",
             (data / "index").string(), MiB(BytesOf(ours.Files())));

  // 3. The queries.
  std::vector<QuerySet> sets;
  {
    text::Analyzer analyzer;
    std::vector<PaperWords> words;
    words.reserve(papers.size());
    for (const library::StoredPaper& p : papers) words.push_back(ReadPaper(p, analyzer));
    std::vector<library::StoredPaper>().swap(papers);  // no longer needed
    ::malloc_trim(0);  // and not counted in the serving children's resident sets
    sets = DrawQuerySets(std::move(words), options.queries, options.seed);
  }
  if (!options.sets.empty()) {  // drawn as always, so a set's queries do not depend on the others
    std::erase_if(sets, [&](const QuerySet& set) {
      return std::find(options.sets.begin(), options.sets.end(), set.name) == options.sets.end();
    });
    if (sets.empty()) return Fail(Status::InvalidArgument("--sets names no set this bench draws"));
  }
  if (!options.out.empty()) {
    if (Status s = WriteQueries(options.out, sets); !s.ok()) return Fail(s);
  }

  // 4. Opening and memory.
  std::vector<SearchEngine*> engines = {&ours, &fts};
  if (xapian) engines.push_back(xapian.get());
  if (Status s = PrintOpening(engines); !s.ok()) return Fail(s);
  if (Status s = PrintServing(engines, sets, ks.back(), options.clock); !s.ok()) return Fail(s);

  // 5. The runs.
  for (SearchEngine* e : engines) {
    if (Status s = e->Open(); !s.ok()) return Fail(s);
  }
  std::string sizes;
  for (uint32_t k : ks) sizes += (sizes.empty() ? "top " : " and top ") + std::to_string(k);
  fmt::print("\nSearch: {} by relevance, warm (one untimed pass first), seed {}, {}{}\n", sizes,
             options.seed, options.clock == QueryClock::kWall ? "wall time" : "thread CPU time",
             options.out.empty() ? "" : ", queries in " + options.out);
  fmt::print(
      "  p50/ours and mean/ours: the peer's latency over paperdeck's; above 1, paperdeck is "
      "faster\n");
  if (options.cold > 0) {
    fmt::print(
        "  cold rows: the first {} queries of each set, top {}, each after the engine is "
        "closed, its index files dropped from the page cache (posix_fadvise "
        "POSIX_FADV_DONTNEED) and the engine opened again; wall time of the query alone\n",
        options.cold, ks.front());
    long read_ahead = ReadAheadKb(data / "index");
    fmt::print(
        "  read-ahead of the disk holding {}: {}; a page fault in a memory-mapped file reads "
        "up to that much around the page\n",
        (data / "index").string(), read_ahead < 0 ? "unknown" : std::to_string(read_ahead) + " kB");
  }
  SetResult all;
  std::map<std::string, SetResult> by_name;
  for (const QuerySet& set : sets) {
    auto result = RunSet(set, engines, ks, options.cold, options.clock);
    if (!result.ok()) return Fail(result.status());
    PrintSet(set.description, *result, engines);
    PrintSlowest(set, *result, engines, options.slowest);
    all.Append(*result);
    by_name[set.name] = std::move(*result);
  }
  PrintSet("All sets", all, engines);
  PrintCosts(by_name, ks);
  fmt::print("\nload average at the end: {}\n", LoadAverage());
  return 0;
}

}  // namespace
}  // namespace paperdeck::bench

int main(int argc, char** argv) {
  paperdeck::bench::Options options;
  CLI::App app{
      "Times PaperDeck's search against SQLite FTS5 and Xapian over the papers of a data "
      "directory."};
  app.add_option("--data", options.data, "data directory holding corpus.db and index/")->required();
  app.add_option("--queries", options.queries, "queries per set")
      ->default_val(1000)
      ->check(CLI::Range(1, 1000000));
  app.add_option("--seed", options.seed, "seed of the query generator")->default_val(42);
  app.add_option("--top", options.top, "page sizes to time, comma separated")
      ->delimiter(',')
      ->default_str("10,100")
      ->check(CLI::Range(1, 1000));
  app.add_option("--cold", options.cold,
                 "queries per set timed cold, with the index out of the page cache (0: none)")
      ->default_val(5);
  app.add_option("--out", options.out, "write the queries to this TSV file (set, query, fts5)");
  auto* tmp = app.add_option("--tmp", options.tmp,
                             "where to build the scratch indexes (default: the system temp "
                             "directory); removed at the end");
  app.add_option("--keep", options.keep,
                 "build the scratch indexes in this directory, keep them, and reuse them on the "
                 "next run over the same corpus revision and paper count")
      ->excludes(tmp);
  app.add_option("--sets", options.sets,
                 "time only these sets, by the names the --out file gives (and1, or2-3, ...)")
      ->delimiter(',');
  app.add_option("--slowest", options.slowest,
                 "also list the N queries of each set that paperdeck took longest on")
      ->default_val(0);
  std::string clock = "wall";
  app.add_option("--clock", clock,
                 "what warm latency is measured on: wall, or cpu (the thread's CPU time, for a "
                 "machine other work shares); cold queries are always on the wall clock")
      ->check(CLI::IsMember({"wall", "cpu"}))
      ->default_val("wall");
  bool no_xapian = false;
  app.add_flag("--no-xapian", no_xapian,
               "leave Xapian out (its build is slow: about 1,500 papers/s on one thread)");
  float exact_weight = -1;
  app.add_option("--exact-weight", exact_weight,
                 "rank with this weight of a word's exact form (0: off) instead of the default");
  CLI11_PARSE(app, argc, argv);
  options.xapian = !no_xapian;
  if (exact_weight >= 0) options.exact_weight = exact_weight;
  if (clock == "cpu") options.clock = paperdeck::bench::QueryClock::kThreadCpu;
  return paperdeck::bench::Run(options);
}
