// forgive_bench: what search that forgives costs, beside the peers, one thread.
//
//   forgive_bench --data DIR [--work DIR] [--queries N] [--seed S] [--clock wall|cpu]
//                 [--without-xapian] [--without-fts5]
//
// 1. Reads every paper of DIR's corpus; builds (or reuses, under --work) an SQLite FTS5 table
//    and a Xapian database as search_bench does, and a Xapian spelling table (add_spelling of
//    every lowercase word of three letters or more of every title and abstract), Xapian's own
//    way to "did you mean".
// 2. Draws N words of six letters or more from the titles (seen in five papers or more), and from
//    each a prefix (its first four letters) and a typo (one edit past the first letter: a
//    deletion, an insertion, a substitution or a swap of neighbours).
// 3. Times, warm, per query: `prefix*` through PaperDeck's Searcher (top 10 and the exact
//    total), FTS5 (`prefix*` MATCH, top 10 by bm25 and count(*)) and Xapian (OP_WILDCARD over
//    the stemmed terms, the 128 most frequent as one synonym, top 10 and the exact count);
//    `typo~2` through the Searcher (neither peer has an edit-distance query: Xapian 1.4 has no
//    OP_EDIT_DISTANCE, FTS5 none); and the suggestion of one word: PaperDeck's FindCorrections
//    (the dictionary walk and the rule, search/did_you_mean.h) beside Xapian's
//    get_spelling_suggestion(word, 2). Prints p50, p99 and mean, and how often each suggestion
//    gives back the word the typo was made from. --without-xapian leaves Xapian out (its build
//    takes 25-45 minutes at 2.6 million papers on two cores), --without-fts5 FTS5.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "fts5_engine.h"
#include "latency.h"
#include "library/corpus.h"
#include "machine.h"
#include "query/query_parser.h"
#include "search/did_you_mean.h"
#include "search/searcher.h"
#include "text/analyzer.h"
#include "xapian_engine.h"

namespace fs = std::filesystem;
using namespace paperdeck;
using namespace paperdeck::bench;

namespace {

int Fail(const Status& s) {
  fmt::print(stderr, "forgive_bench: {}\n", s.message());
  return 1;
}

// Lowercase ASCII words of letters only, at least min_len long.
std::vector<std::string> Words(std::string_view text, size_t min_len) {
  std::vector<std::string> out;
  std::string w;
  for (size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w += static_cast<char>(c | 0x20);
      continue;
    }
    if (w.size() >= min_len) out.push_back(w);
    w.clear();
  }
  return out;
}

std::string Typo(const std::string& w, std::mt19937_64& rng) {
  std::string t = w;
  const size_t at = 1 + rng() % (w.size() - 2);  // past the first letter, before the last
  const char letter = static_cast<char>('a' + rng() % 26);
  switch (rng() % 4) {
    case 0:
      t.erase(at, 1);
      break;
    case 1:
      t.insert(at, 1, letter);
      break;
    case 2:
      t[at] = letter == t[at] ? (letter == 'z' ? 'a' : letter + 1) : letter;
      break;
    default:
      std::swap(t[at], t[at + 1]);
      break;
  }
  return t;
}

struct Row {
  std::string set, engine;
  Latencies latency;
  std::string note;
};

void PrintRows(const std::vector<Row>& rows) {
  fmt::print("\n| set | engine | p50 ms | p99 ms | mean ms | |\n|---|---|---:|---:|---:|---|\n");
  for (const Row& r : rows) {
    fmt::print("| {} | {} | {:.3f} | {:.3f} | {:.3f} | {} |\n", r.set, r.engine,
               r.latency.Percentile(50), r.latency.Percentile(99), r.latency.Mean(), r.note);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"forgive_bench: prefixes, typos and suggestions beside FTS5 and Xapian"};
  fs::path data, work = "/tmp/paperdeck-bench/forgive";
  size_t n = 200;
  uint64_t seed = 14;
  std::string clock_name = "wall";
  bool without_xapian = false, without_fts5 = false;
  app.add_option("--data", data, "an imported data directory")->required();
  app.add_flag("--without-xapian", without_xapian, "leave Xapian out (its build and its rows)");
  app.add_flag("--without-fts5", without_fts5, "leave FTS5 out (its build and its row)");
  app.add_option("--work", work, "where the peers' indexes are built and kept");
  app.add_option("--queries", n, "queries per set");
  app.add_option("--seed", seed, "seed of the drawing");
  app.add_option("--clock", clock_name, "wall or cpu");
  CLI11_PARSE(app, argc, argv);
  const QueryClock clock = clock_name == "cpu" ? QueryClock::kThreadCpu : QueryClock::kWall;

  Machine machine = DescribeMachine();
  fmt::print("forgive_bench: {} cores, {}, {:.1f} GiB; load average {}; sqlite {}, xapian {}\n",
             machine.cores, machine.cpu, machine.memory_bytes / double(1 << 30), LoadAverage(),
             sqlite3_libversion(), Xapian::version_string());

  auto corpus = library::Corpus::Open(data);
  if (!corpus.ok()) return Fail(corpus.status());
  std::vector<library::StoredPaper> papers;
  if (Status s = (*corpus)->ChangedSince(0, [&](const library::StoredPaper& p) {
        papers.push_back(p);
        return true;
      });
      !s.ok()) {
    return Fail(s);
  }
  corpus->reset();
  fmt::print("corpus: {} papers\n", papers.size());

  // 1. The peers, built once under work.
  std::error_code ec;
  fs::create_directories(work, ec);
  if (!without_fts5 && !fs::exists(work / "fts5" / "fts5.db")) {
    fs::create_directories(work / "fts5", ec);
    BuildFigures f;
    if (Status s = BuildFts5(papers, work / "fts5" / "fts5.db", &f); !s.ok()) return Fail(s);
    fmt::print("built fts5 in {:.1f} s\n", f.seconds);
  }
  if (!without_xapian && !fs::exists(work / "xapian" / "keys")) {
    BuildFigures f;
    if (Status s = BuildXapian(papers, work / "xapian", &f); !s.ok()) return Fail(s);
    fmt::print("built xapian in {:.1f} s\n", f.seconds + f.compact_seconds);
  }
  std::map<std::string, uint64_t> title_df;
  for (const library::StoredPaper& p : papers) {
    std::vector<std::string> words = Words(p.record.title, 6);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (const std::string& w : words) ++title_df[w];
  }
  try {
    if (!without_xapian && !fs::exists(work / "spelling")) {
      Xapian::WritableDatabase db((work / "spelling").string(), Xapian::DB_CREATE_OR_OPEN);
      const double t0 = NowMillis(QueryClock::kWall);
      for (const library::StoredPaper& p : papers) {
        for (const std::string& w : Words(p.record.title, 3)) db.add_spelling(w);
        for (const std::string& w : Words(p.record.abstract, 3)) db.add_spelling(w);
      }
      db.commit();
      fmt::print("built xapian's spelling table in {:.1f} s\n",
                 (NowMillis(QueryClock::kWall) - t0) / 1000);
    }
  } catch (const Xapian::Error& e) {
    return Fail(Status::IOError("xapian spelling: " + e.get_description()));
  }
  papers.clear();
  papers.shrink_to_fit();

  // 2. The words.
  std::vector<std::string> pool;
  for (const auto& [w, df] : title_df) {
    if (df >= 5) pool.push_back(w);
  }
  std::mt19937_64 rng(seed);
  std::vector<std::string> words, prefixes, typos;
  for (size_t i = 0; i < n && !pool.empty(); ++i) {
    words.push_back(pool[rng() % pool.size()]);
    prefixes.push_back(words.back().substr(0, 4));
    typos.push_back(Typo(words.back(), rng));
  }
  fmt::print("queries: {} words of 6+ letters from {} title words seen in 5+ papers (seed {})\n",
             words.size(), pool.size(), seed);

  // 3. The timings.
  auto reader = index::IndexReader::Open(data / "index");
  if (!reader.ok()) return Fail(reader.status());
  search::Searcher searcher(*reader);
  Fts5Engine fts(work / "fts5" / "fts5.db");
  if (!without_fts5) {
    if (Status s = fts.Open(); !s.ok()) return Fail(s);
  }
  std::unique_ptr<XapianEngine> xapian;
  std::optional<Xapian::Database> spelling;
  if (!without_xapian) {
    auto loaded = XapianEngine::Load(work / "xapian");
    if (!loaded.ok()) return Fail(loaded.status());
    xapian = std::move(*loaded);
    if (Status s = xapian->Open(); !s.ok()) return Fail(s);
    spelling.emplace((work / "spelling").string());
  }
  text::Analyzer analyzer;

  std::vector<Row> rows;
  auto ours = [&](const std::string& set, const std::vector<std::string>& queries,
                  const std::string& suffix) {
    Row r{set, "paperdeck top-10 + exact total", {}, ""};
    uint64_t totals = 0;
    for (int pass = 0; pass < 2; ++pass) {  // the first pass warms the page cache
      r.latency = {};
      for (const std::string& q : queries) {
        const double t0 = NowMillis(clock);
        search::SearchRequest request;
        request.query = q + suffix;
        request.limit = 10;
        auto res = searcher.Search(request);
        r.latency.ms.push_back(NowMillis(clock) - t0);
        if (res.ok() && pass == 1) totals += res->total;
      }
    }
    r.note = fmt::format("{} matches in all", totals);
    rows.push_back(std::move(r));
  };
  auto peer = [&](const std::string& set, SearchEngine& engine, Query::Kind kind) {
    Row r{set, engine.WithTotalRow(10), {}, ""};
    uint64_t totals = 0;
    for (int pass = 0; pass < 2; ++pass) {
      r.latency = {};
      for (const std::string& p : prefixes) {
        Query q;
        q.kind = kind;
        q.words = {p};
        q.fts = p + "*";
        Answer a;
        Timing t;
        if (Status s = engine.Run(q, 10, clock, /*total_only=*/true, &a, &t); !s.ok()) {
          r.note = s.message();
          break;
        }
        r.latency.ms.push_back(t.with_total_ms);
        if (pass == 1) totals += a.total;
      }
    }
    if (r.note.empty()) r.note = fmt::format("{} matches in all", totals);
    rows.push_back(std::move(r));
  };
  ours("prefix*", prefixes, "*");
  if (!without_fts5) peer("prefix*", fts, Query::Kind::kAll);
  if (xapian) peer("prefix*", *xapian, Query::Kind::kPrefix);
  ours("typo~2", typos, "~2");

  {
    Row r{"suggestion of one word", "paperdeck FindCorrections", {}, ""};
    size_t right = 0;
    for (int pass = 0; pass < 2; ++pass) {
      r.latency = {};
      right = 0;
      for (size_t i = 0; i < typos.size(); ++i) {
        const double t0 = NowMillis(clock);
        std::vector<search::Correction> c = search::FindCorrections(
            query::PlainTextQuery(typos[i]), typos[i], &analyzer, **reader, nullptr);
        r.latency.ms.push_back(NowMillis(clock) - t0);
        if (!c.empty() && c[0].term == analyzer.Term(words[i])) ++right;
      }
    }
    r.note = fmt::format("gives back the word for {} of {} typos", right, typos.size());
    rows.push_back(std::move(r));
  }
  if (spelling) {
    size_t right = 0;
    Row x{"suggestion of one word", "xapian get_spelling_suggestion(w, 2)", {}, ""};
    for (int pass = 0; pass < 2; ++pass) {
      x.latency = {};
      right = 0;
      for (size_t i = 0; i < typos.size(); ++i) {
        const double t0 = NowMillis(clock);
        std::string s = spelling->get_spelling_suggestion(typos[i], 2);
        x.latency.ms.push_back(NowMillis(clock) - t0);
        if (s == words[i]) ++right;
      }
    }
    x.note = fmt::format("gives back the word for {} of {} typos", right, typos.size());
    rows.push_back(std::move(x));
  }
  PrintRows(rows);
  return 0;
}
