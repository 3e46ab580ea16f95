// search_bench: PaperDeck's search side by side with SQLite FTS5 and Xapian, in one process, over
// the papers of a data directory the user has imported.
//
//   search_bench --data DIR [--queries N] [--seed S] [--out FILE] [--tmp DIR] [--no-xapian]
//
// What it does, in order:
//   1. Reads every paper of DIR's corpus into memory (Corpus::ChangedSince(0)).
//   2. Builds, from those same papers, an FTS5 table (title, abstract, authors;
//      tokenize='porter unicode61'), a fresh PaperDeck index and a Xapian database (BM25Weight,
//      English stemmer, positions; then compacted), each in a temporary directory, and prints
//      their build rate and size beside the size of DIR's own index.
//   3. Draws query sets from the corpus's titles with a seeded std::mt19937_64: one, two and
//      three-to-five words (AND), two-word phrases, and OR of two or three words.
//   4. Runs every query on DIR's index (search::Searcher, top 10 with the exact total), on the
//      FTS5 table (top 10 by bm25 with the same field weights, then count(*) for the total) and
//      on Xapian (top 10 with check_at_least = every document for an exact total, and top 10
//      with Xapian's estimate of the total), one untimed pass to warm each, then one timed pass,
//      on one thread.
//   5. Prints, per query set, latency percentiles and rates for each engine and its ratio to
//      PaperDeck, and how far each peer agrees with PaperDeck: top-10 overlap and equal totals.
//
// The engines do not score or analyse text identically (BM25F over fields vs a weighted sum of
// per-column BM25 vs BM25 over within-document frequencies with the title counted three times;
// Snowball English in PaperDeck and Xapian vs the original Porter stemmer in FTS5; PaperDeck
// splits compounds such as "GPT-4"), so the queries are made of plain lowercase-able words that
// all read alike, and the agreement figures say how comparable the answers are.
#include <sqlite3.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numeric>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "library/corpus.h"
#include "model/status.h"
#include "search/searcher.h"
#include "sync/paper_document.h"
#include "text/analyzer.h"

namespace paperdeck::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr uint32_t kTopK = 10;

double SecondsBetween(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// What a query's latency is measured on. Wall time is what a person waits; the thread's CPU time
// leaves out the time other processes held the core, for figures taken on a shared machine.
enum class QueryClock { kWall, kThreadCpu };

// Milliseconds on clock since an arbitrary origin.
double NowMillis(QueryClock clock) {
  timespec t{};
  clock_gettime(clock == QueryClock::kWall ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

double MiB(uint64_t bytes) { return static_cast<double>(bytes) / (1024.0 * 1024.0); }

// "75728" -> "75,728": figures a person reads at a glance.
std::string Grouped(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The machine the figures were taken on.

struct Machine {
  unsigned cores = 0;
  std::string cpu = "unknown CPU";
  uint64_t memory_bytes = 0;
};

// The value of the first "key<spaces>: value" line of a /proc file, or "".
std::string ProcField(const char* file, std::string_view key) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, key.size(), key) != 0) continue;
    size_t colon = line.find(':', key.size());
    if (colon == std::string::npos) continue;
    size_t begin = line.find_first_not_of(" \t", colon + 1);
    return begin == std::string::npos ? "" : line.substr(begin);
  }
  return "";
}

// The 1, 5 and 15 minute load averages: figures taken on a busy machine are slower and noisier.
std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  if (!(in >> one >> five >> fifteen)) return "unknown";
  return one + " " + five + " " + fifteen;
}

Machine DescribeMachine() {
  Machine m;
  m.cores = std::thread::hardware_concurrency();
  if (std::string cpu = ProcField("/proc/cpuinfo", "model name"); !cpu.empty()) m.cpu = cpu;
  // MemTotal is in kB.
  if (std::string mem = ProcField("/proc/meminfo", "MemTotal"); !mem.empty()) {
    m.memory_bytes = std::strtoull(mem.c_str(), nullptr, 10) * 1024;
  }
  return m;
}

// ---------------------------------------------------------------------------------------------
// A scratch directory for the two built indexes, removed however the program ends normally.

class ScratchDir {
 public:
  explicit ScratchDir(fs::path path) : path_(std::move(path)) {}
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// ---------------------------------------------------------------------------------------------
// Fts5Table: the peer engine. A contentless FTS5 table (content=''): like PaperDeck's index it
// keeps the terms, positions and lengths it needs to match and rank, not the text, which both
// leave to the corpus. Queries run on one reused prepared statement each.

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using SqliteDb = std::unique_ptr<sqlite3, SqliteCloser>;
using SqliteStatement = std::unique_ptr<sqlite3_stmt, SqliteCloser>;

class Fts5Table {
 public:
  static Result<std::unique_ptr<Fts5Table>> Create(const fs::path& file) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                             nullptr);
    SqliteDb db(raw);
    if (rc != SQLITE_OK) {
      return Status::IOError(file.string() + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open"));
    }
    std::unique_ptr<Fts5Table> table(new Fts5Table(file, std::move(db)));
    // No rollback journal is needed for a table that is thrown away if the build fails.
    if (Status s = table->Exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"); !s.ok()) {
      return s;
    }
    if (Status s = table->Exec(
            "CREATE VIRTUAL TABLE t USING fts5(title, abstract, authors, content='', "
            "tokenize='porter unicode61')");
        !s.ok()) {
      return s;
    }
    return table;
  }

  Status Begin() {
    if (Status s = Exec("BEGIN"); !s.ok()) return s;
    return Prepare("INSERT INTO t(rowid, title, abstract, authors) VALUES (?, ?, ?, ?)",
                   &insert_);
  }

  // REQUIRES: Begin() was called and Commit() not yet.
  Status Add(int64_t key, std::string_view title, std::string_view abstract,
             std::string_view authors) {
    sqlite3_stmt* s = insert_.get();
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, key);
    sqlite3_bind_text(s, 2, title.data(), static_cast<int>(title.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, 3, abstract.data(), static_cast<int>(abstract.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, 4, authors.data(), static_cast<int>(authors.size()), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) return Error("insert");
    return Status::Ok();
  }

  Status Commit() {
    insert_.reset();
    return Exec("COMMIT");
  }

  // Merges the table's b-trees into one, as PaperDeck's build ends with one segment.
  Status Optimize() { return Exec("INSERT INTO t(t) VALUES('optimize')"); }

  // Sets the table up for queries in its most favourable way: memory-mapped like PaperDeck's
  // segments, with a page cache large enough for the whole file.
  Status PrepareQueries() {
    if (Status s = Exec("PRAGMA mmap_size=4294967296; PRAGMA cache_size=-1048576;"); !s.ok()) {
      return s;
    }
    if (Status s = Prepare("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 3.0, 1.0, 1.0) "
                           "LIMIT 10",
                           &top_);
        !s.ok()) {
      return s;
    }
    return Prepare("SELECT count(*) FROM t WHERE t MATCH ?", &count_);
  }

  // REQUIRES: PrepareQueries(). The rowids (paper keys) of the best ten matches, best first.
  Status TopTen(const std::string& match, std::vector<uint64_t>* keys) {
    keys->clear();
    sqlite3_stmt* s = top_.get();
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      keys->push_back(static_cast<uint64_t>(sqlite3_column_int64(s, 0)));
    }
    if (rc != SQLITE_DONE) return Error("query " + match);
    return Status::Ok();
  }

  // REQUIRES: PrepareQueries(). The number of rows matching.
  Result<uint64_t> Count(const std::string& match) {
    sqlite3_stmt* s = count_.get();
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, match.data(), static_cast<int>(match.size()), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_ROW) return Error("count " + match);
    return static_cast<uint64_t>(sqlite3_column_int64(s, 0));
  }

  uint64_t file_bytes() const {
    std::error_code ec;
    uint64_t n = fs::file_size(file_, ec);
    return ec ? 0 : n;
  }

 private:
  Fts5Table(fs::path file, SqliteDb db) : file_(std::move(file)), db_(std::move(db)) {}

  Status Error(const std::string& what) {
    return Status::IOError("fts5 " + what + ": " + sqlite3_errmsg(db_.get()));
  }

  Status Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_.get(), sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "error";
      sqlite3_free(message);
      return Status::IOError(std::string("fts5: ") + sql + ": " + text);
    }
    return Status::Ok();
  }

  Status Prepare(const char* sql, SqliteStatement* out) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql, -1, &raw, nullptr) != SQLITE_OK) {
      return Error(std::string("prepare ") + sql);
    }
    out->reset(raw);
    return Status::Ok();
  }

  fs::path file_;
  SqliteDb db_;
  SqliteStatement insert_, top_, count_;
};

// ---------------------------------------------------------------------------------------------
// Query sets drawn from the titles of the corpus.

struct Query {
  enum class Kind { kAll, kAny, kPhrase };
  std::string ours;  // PaperDeck's query language
  std::string fts;   // FTS5's MATCH syntax
  Kind kind = Kind::kAll;
  std::vector<std::string> words;  // lowercase, for Xapian's query, which is built, not parsed
};

struct QuerySet {
  std::string name;         // short, for the TSV file: "and2"
  std::string description;  // for the table's title
  std::vector<Query> queries;
};

// The words of one title that both engines read alike, and its two-word phrases.
struct TitleWords {
  std::vector<std::string> words;  // distinct, lowercase, in title order
  std::vector<std::pair<std::string, std::string>> phrases;
};

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A title token as a query word: plain letters, at least three, capitalised at most at the
// front. That leaves out compounds ("GPT-4", "FlashAttention", "LLMs"), which PaperDeck splits
// into parts and FTS5's unicode61 does not, and digits, which both treat differently.
// Returns the lowercase word, or "" if the token does not qualify.
std::string PlainWord(std::string_view token) {
  if (token.size() < 3) return "";
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (!IsAsciiLetter(c)) return "";
    if (i > 0 && c >= 'A' && c <= 'Z') return "";
  }
  std::string word(token);
  word[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(word[0])));
  return word;
}

// Splits a title at white space and judges each token, remembering which adjacent tokens both
// qualify with nothing but space between them: those pairs are phrases as written.
TitleWords ReadTitle(std::string_view title, text::Analyzer& analyzer) {
  TitleWords out;
  std::unordered_set<std::string> seen;
  std::string previous;  // the previous token's word if it ended without punctuation, else ""
  size_t i = 0;
  while (i < title.size()) {
    while (i < title.size() && std::isspace(static_cast<unsigned char>(title[i]))) ++i;
    size_t begin = i;
    while (i < title.size() && !std::isspace(static_cast<unsigned char>(title[i]))) ++i;
    std::string_view token = title.substr(begin, i - begin);
    if (token.empty()) break;
    // Punctuation around a word ("(sparse", "attention:") does not change how either engine
    // reads it; punctuation after it ends a phrase as written.
    size_t lead = 0;
    while (lead < token.size() && !IsAsciiLetter(token[lead]) &&
           std::ispunct(static_cast<unsigned char>(token[lead]))) {
      ++lead;
    }
    size_t trail = token.size();
    while (trail > lead && !IsAsciiLetter(token[trail - 1]) &&
           std::ispunct(static_cast<unsigned char>(token[trail - 1]))) {
      --trail;
    }
    std::string word = PlainWord(token.substr(lead, trail - lead));
    if (!word.empty() && analyzer.IsStopWord(word)) word.clear();
    if (!word.empty()) {
      if (!previous.empty() && lead == 0 && previous != word) {
        out.phrases.emplace_back(previous, word);
      }
      if (seen.insert(word).second) out.words.push_back(word);
    }
    previous = (trail == token.size()) ? word : "";
  }
  return out;
}

// An FTS5 string: double quotes, with any quote inside doubled.
std::string FtsQuoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

Query AllOf(const std::vector<std::string>& words) {
  Query q;
  for (const std::string& w : words) {
    if (!q.ours.empty()) {
      q.ours += ' ';
      q.fts += ' ';  // FTS5: juxtaposition is AND
    }
    q.ours += w;
    q.fts += FtsQuoted(w);
  }
  q.kind = Query::Kind::kAll;
  q.words = words;
  return q;
}

Query AnyOf(const std::vector<std::string>& words) {
  Query q;
  for (const std::string& w : words) {
    if (!q.ours.empty()) {
      q.ours += " OR ";
      q.fts += " OR ";
    }
    q.ours += w;
    q.fts += FtsQuoted(w);
  }
  q.kind = Query::Kind::kAny;
  q.words = words;
  return q;
}

Query Phrase(const std::pair<std::string, std::string>& words) {
  std::string text = words.first + " " + words.second;
  return Query{"\"" + text + "\"", FtsQuoted(text), Query::Kind::kPhrase,
               {words.first, words.second}};
}

class QueryDrawer {
 public:
  QueryDrawer(std::vector<TitleWords> titles, uint64_t seed)
      : titles_(std::move(titles)), rng_(seed) {}

  // k distinct words of one random title, in title order.
  std::vector<std::string> WordsOfOneTitle(size_t k) {
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const TitleWords& t = titles_[Pick(titles_.size())];
      if (t.words.size() < k) continue;
      std::vector<size_t> chosen(t.words.size());
      std::iota(chosen.begin(), chosen.end(), 0);
      std::shuffle(chosen.begin(), chosen.end(), rng_);
      chosen.resize(k);
      std::sort(chosen.begin(), chosen.end());
      std::vector<std::string> words;
      for (size_t i : chosen) words.push_back(t.words[i]);
      return words;
    }
    return {};
  }

  // One word from each of k random titles, all distinct.
  std::vector<std::string> WordsOfTitles(size_t k) {
    std::vector<std::string> words;
    for (int attempt = 0; attempt < 100000 && words.size() < k; ++attempt) {
      std::vector<std::string> one = WordsOfOneTitle(1);
      if (one.empty()) break;
      if (std::find(words.begin(), words.end(), one[0]) == words.end()) words.push_back(one[0]);
    }
    return words;
  }

  std::optional<std::pair<std::string, std::string>> PhraseOfOneTitle() {
    for (int attempt = 0; attempt < 100000; ++attempt) {
      const TitleWords& t = titles_[Pick(titles_.size())];
      if (!t.phrases.empty()) return t.phrases[Pick(t.phrases.size())];
    }
    return std::nullopt;
  }

  size_t Between(size_t lo, size_t hi) { return lo + Pick(hi - lo + 1); }

 private:
  size_t Pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }

  std::vector<TitleWords> titles_;
  std::mt19937_64 rng_;
};

// The sets, each of n queries, always drawn in the same order from the same generator: the same
// corpus and seed give the same queries.
std::vector<QuerySet> DrawQuerySets(std::vector<TitleWords> titles, size_t n, uint64_t seed) {
  QueryDrawer draw(std::move(titles), seed);
  std::vector<QuerySet> sets = {
      {"and1", "1 word", {}},
      {"and2", "2 words, all required", {}},
      {"and3-5", "3-5 words, all required", {}},
      {"phrase2", "2-word phrases", {}},
      {"or2-3", "2-3 words, any (OR)", {}},
  };
  for (size_t i = 0; i < n; ++i) {
    if (auto w = draw.WordsOfOneTitle(1); !w.empty()) sets[0].queries.push_back(AllOf(w));
    if (auto w = draw.WordsOfOneTitle(2); !w.empty()) sets[1].queries.push_back(AllOf(w));
    if (auto w = draw.WordsOfOneTitle(draw.Between(3, 5)); !w.empty()) {
      sets[2].queries.push_back(AllOf(w));
    }
    if (auto p = draw.PhraseOfOneTitle()) sets[3].queries.push_back(Phrase(*p));
    if (auto w = draw.WordsOfTitles(draw.Between(2, 3)); w.size() >= 2) {
      sets[4].queries.push_back(AnyOf(w));
    }
  }
  return sets;
}

Status WriteQueries(const fs::path& file, const std::vector<QuerySet>& sets) {
  std::ofstream out(file);
  if (!out) return Status::IOError(file.string() + ": cannot write");
  out << "set\tquery\tfts5\n";
  for (const QuerySet& set : sets) {
    for (const Query& q : set.queries) out << set.name << '\t' << q.ours << '\t' << q.fts << '\n';
  }
  out.close();
  if (!out) return Status::IOError(file.string() + ": write failed");
  return Status::Ok();
}

// ---------------------------------------------------------------------------------------------
// XapianDb: the second peer, set up as a Xapian user would for this data: an on-disk (glass)
// database; title (within-document frequency 3 per occurrence, PaperDeck's title weight),
// abstract and authors indexed by TermGenerator with the English stemmer applied to every term
// (STEM_ALL, so phrases match stems, as in the other two engines) and positions kept; BM25Weight
// with its default parameters. Queries are built from the words with Xapian::Query (OP_AND,
// OP_OR, OP_PHRASE) rather than parsed, so all three engines see the same words. The database is
// compacted after the build, as Xapian's own tools advise for a database that is only read.
// Xapian's errors are caught here and come back as a Status.

class XapianDb {
 public:
  static Result<std::unique_ptr<XapianDb>> Create(const fs::path& dir) {
    try {
      std::unique_ptr<XapianDb> db(new XapianDb(dir));
      db->writer_ = std::make_unique<Xapian::WritableDatabase>(dir.string(),
                                                               Xapian::DB_CREATE_OR_OVERWRITE);
      db->generator_.set_stemmer(db->stem_);
      db->generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
      return db;
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian: " + e.get_description());
    }
  }

  Status Add(uint64_t key, std::string_view title, std::string_view abstract,
             std::string_view authors) {
    try {
      Xapian::Document doc;
      generator_.set_document(doc);
      generator_.index_text(Xapian::Utf8Iterator(title.data(), title.size()), 3);
      generator_.increase_termpos();
      generator_.index_text(Xapian::Utf8Iterator(abstract.data(), abstract.size()));
      generator_.increase_termpos();
      generator_.index_text(Xapian::Utf8Iterator(authors.data(), authors.size()));
      Xapian::docid id = writer_->add_document(doc);
      if (keys_.size() <= id) keys_.resize(id + 1);
      keys_[id] = key;
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian add: " + e.get_description());
    }
  }

  Status Commit() {
    try {
      writer_->commit();
      writer_->close();
      writer_.reset();
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian commit: " + e.get_description());
    }
  }

  // REQUIRES: Commit(). Compacts the database into compact_dir and reads from there on.
  Status Compact(const fs::path& compact_dir) {
    try {
      Xapian::Database(dir_.string()).compact(compact_dir.string());
      compact_dir_ = compact_dir;
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian compact: " + e.get_description());
    }
  }

  // REQUIRES: Commit(). Opens the compacted database if there is one, else the built one.
  Status PrepareQueries() {
    try {
      reader_ = std::make_unique<Xapian::Database>(
          (compact_dir_.empty() ? dir_ : compact_dir_).string());
      enquire_ = std::make_unique<Xapian::Enquire>(*reader_);
      enquire_->set_weighting_scheme(Xapian::BM25Weight());
      doc_count_ = reader_->get_doccount();
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian open: " + e.get_description());
    }
  }

  // REQUIRES: PrepareQueries(). The keys of the best ten matches, best first, and the number of
  // matches: exact when exact_total (check_at_least = every document), else Xapian's estimate.
  Result<uint64_t> TopTen(const Query& q, bool exact_total, std::vector<uint64_t>* keys) {
    keys->clear();
    try {
      std::vector<Xapian::Query> terms;
      for (const std::string& w : q.words) terms.emplace_back(stem_(w));
      Xapian::Query::op op = q.kind == Query::Kind::kAll   ? Xapian::Query::OP_AND
                             : q.kind == Query::Kind::kAny ? Xapian::Query::OP_OR
                                                           : Xapian::Query::OP_PHRASE;
      enquire_->set_query(Xapian::Query(op, terms.begin(), terms.end()));
      Xapian::MSet mset = enquire_->get_mset(0, kTopK, exact_total ? doc_count_ : 0);
      for (Xapian::MSetIterator m = mset.begin(); m != mset.end(); ++m) {
        Xapian::docid id = *m;
        keys->push_back(id < keys_.size() ? keys_[id] : 0);
      }
      return static_cast<uint64_t>(mset.get_matches_estimated());
    } catch (const Xapian::Error& e) {
      return Status::IOError("xapian query: " + e.get_description());
    }
  }

  // Bytes on disk of the database queries read (the compacted one if compacted), and of the
  // database as built.
  uint64_t query_bytes() const { return DirBytes(compact_dir_.empty() ? dir_ : compact_dir_); }
  uint64_t built_bytes() const { return DirBytes(dir_); }

 private:
  explicit XapianDb(fs::path dir) : dir_(std::move(dir)), stem_("english") {}

  static uint64_t DirBytes(const fs::path& dir) {
    uint64_t total = 0;
    std::error_code ec;
    for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
      if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    }
    return total;
  }

  fs::path dir_, compact_dir_;
  Xapian::Stem stem_;
  Xapian::TermGenerator generator_;
  std::unique_ptr<Xapian::WritableDatabase> writer_;
  std::unique_ptr<Xapian::Database> reader_;
  std::unique_ptr<Xapian::Enquire> enquire_;
  Xapian::doccount doc_count_ = 0;
  std::vector<uint64_t> keys_;  // by Xapian docid: the paper key
};

// ---------------------------------------------------------------------------------------------
// Latencies and agreement.

struct Latencies {
  std::vector<double> ms;

  double Percentile(double p) const {
    if (ms.empty()) return 0;
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank.
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<size_t>(rank, 1, sorted.size()) - 1];
  }
  double Total() const { return std::accumulate(ms.begin(), ms.end(), 0.0); }
  double Mean() const { return ms.empty() ? 0 : Total() / static_cast<double>(ms.size()); }
  double PerSecond() const { return Total() > 0 ? 1000.0 * ms.size() / Total() : 0; }
  void Append(const Latencies& other) { ms.insert(ms.end(), other.ms.begin(), other.ms.end()); }
};

// How far a peer's answers agree with PaperDeck's over a set.
struct Agreement {
  double overlap_sum = 0;  // per query |A ∩ B| / max(|A|, |B|), 1 when both are empty
  double jaccard_sum = 0;  // per query |A ∩ B| / |A ∪ B|, 1 when both are empty
  uint64_t same_total = 0;
  uint64_t near_total = 0;     // totals within 1% of each other
  uint64_t peer_matches = 0;   // the peer's totals summed, to show the direction of drift
  uint64_t peer_faster = 0;    // queries the peer (top 10 only) answered faster than paperdeck

  void Append(const Agreement& o) {
    overlap_sum += o.overlap_sum;
    jaccard_sum += o.jaccard_sum;
    same_total += o.same_total;
    near_total += o.near_total;
    peer_matches += o.peer_matches;
    peer_faster += o.peer_faster;
  }
};

struct SetResult {
  Latencies ours, fts_top, fts_top_count, xapian_top, xapian_exact;
  Agreement fts, xapian;
  uint64_t ours_matches = 0;  // paperdeck's totals summed
  uint64_t queries = 0;
  uint64_t notices = 0;  // queries PaperDeck did not take as written (should be none)

  void Append(const SetResult& o) {
    ours.Append(o.ours);
    fts_top.Append(o.fts_top);
    fts_top_count.Append(o.fts_top_count);
    xapian_top.Append(o.xapian_top);
    xapian_exact.Append(o.xapian_exact);
    fts.Append(o.fts);
    xapian.Append(o.xapian);
    ours_matches += o.ours_matches;
    queries += o.queries;
    notices += o.notices;
  }
};

void AddAgreement(std::vector<uint64_t> a, std::vector<uint64_t> b, uint64_t total_a,
                  uint64_t total_b, Agreement* r) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  std::vector<uint64_t> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  size_t larger = std::max(a.size(), b.size());
  size_t together = a.size() + b.size() - common.size();
  r->overlap_sum += larger == 0 ? 1.0 : static_cast<double>(common.size()) / larger;
  r->jaccard_sum += together == 0 ? 1.0 : static_cast<double>(common.size()) / together;
  if (total_a == total_b) ++r->same_total;
  uint64_t most = std::max(total_a, total_b);
  uint64_t gap = total_a > total_b ? total_a - total_b : total_b - total_a;
  if (gap * 100 <= most) ++r->near_total;
  r->peer_matches += total_b;
}

// Runs a set on every engine: an untimed pass over every query on each, then a timed pass.
// xapian may be null (not built).
Result<SetResult> RunSet(const QuerySet& set, const search::Searcher& searcher, Fts5Table& fts,
                         XapianDb* xapian, QueryClock clock) {
  SetResult r;
  std::vector<uint64_t> fts_keys, xapian_keys;
  for (int pass = 0; pass < 2; ++pass) {
    const bool timed = pass == 1;
    std::vector<search::SearchResponse> ours(set.queries.size());
    for (size_t i = 0; i < set.queries.size(); ++i) {
      search::SearchRequest request;
      request.query = set.queries[i].ours;
      request.limit = kTopK;
      double t0 = NowMillis(clock);
      Result<search::SearchResponse> response = searcher.Search(request);
      double t1 = NowMillis(clock);
      if (!response.ok()) return response.status();
      if (timed) r.ours.ms.push_back(t1 - t0);
      ours[i] = std::move(response).value();
    }
    for (size_t i = 0; i < set.queries.size(); ++i) {
      const std::string& match = set.queries[i].fts;
      double t0 = NowMillis(clock);
      if (Status s = fts.TopTen(match, &fts_keys); !s.ok()) return s;
      double t1 = NowMillis(clock);
      Result<uint64_t> count = fts.Count(match);
      double t2 = NowMillis(clock);
      if (!count.ok()) return count.status();
      if (!timed) continue;
      r.fts_top.ms.push_back(t1 - t0);
      r.fts_top_count.ms.push_back(t2 - t0);

      const search::SearchResponse& mine = ours[i];
      std::vector<uint64_t> our_keys;
      for (const search::SearchHit& hit : mine.hits) our_keys.push_back(hit.paper_key);
      AddAgreement(std::move(our_keys), fts_keys, mine.total, *count, &r.fts);
      r.ours_matches += mine.total;
      if (mine.notice) ++r.notices;
      if (r.fts_top.ms.back() < r.ours.ms[i]) ++r.fts.peer_faster;
      ++r.queries;
    }
    if (xapian == nullptr) continue;
    for (size_t i = 0; i < set.queries.size(); ++i) {
      double t0 = NowMillis(clock);
      Result<uint64_t> estimate = xapian->TopTen(set.queries[i], false, &xapian_keys);
      double t1 = NowMillis(clock);
      if (!estimate.ok()) return estimate.status();
      Result<uint64_t> exact = xapian->TopTen(set.queries[i], true, &xapian_keys);
      double t2 = NowMillis(clock);
      if (!exact.ok()) return exact.status();
      if (!timed) continue;
      r.xapian_top.ms.push_back(t1 - t0);
      r.xapian_exact.ms.push_back(t2 - t1);
      const search::SearchResponse& mine = ours[i];
      std::vector<uint64_t> our_keys;
      for (const search::SearchHit& hit : mine.hits) our_keys.push_back(hit.paper_key);
      AddAgreement(std::move(our_keys), xapian_keys, mine.total, *exact, &r.xapian);
      if (r.xapian_top.ms.back() < r.ours.ms[i]) ++r.xapian.peer_faster;
    }
  }
  return r;
}

void PrintSet(const std::string& title, const SetResult& r) {
  fmt::print("\n{} ({} queries)\n", title, r.queries);
  fmt::print("  {:<30} {:>8} {:>8} {:>8} {:>8} {:>9} {:>10} {:>10}\n", "engine", "p50 ms",
             "p95 ms", "p99 ms", "mean ms", "queries/s", "p50/ours", "mean/ours");
  auto row = [&](const char* name, const Latencies& l, bool ratio) {
    if (l.ms.empty()) return;
    fmt::print("  {:<30} {:>8.3f} {:>8.3f} {:>8.3f} {:>8.3f} {:>9.0f}", name, l.Percentile(50),
               l.Percentile(95), l.Percentile(99), l.Mean(), l.PerSecond());
    if (ratio && r.ours.Mean() > 0 && r.ours.Percentile(50) > 0) {
      fmt::print(" {:>10} {:>10}", fmt::format("{:.2f}x", l.Percentile(50) / r.ours.Percentile(50)),
                 fmt::format("{:.2f}x", l.Mean() / r.ours.Mean()));
    }
    fmt::print("\n");
  };
  row("paperdeck top-10 + total", r.ours, false);
  row("fts5 top-10 + count(*)", r.fts_top_count, true);
  row("fts5 top-10 only", r.fts_top, true);
  row("xapian top-10 + exact total", r.xapian_exact, true);
  row("xapian top-10 (estimate)", r.xapian_top, true);
  double n = r.queries > 0 ? static_cast<double>(r.queries) : 1.0;
  auto agreement = [&](const char* peer, const Agreement& a, const char* faster_row) {
    fmt::print(
        "  agreement with {}: top-10 overlap {:.2f} (|A∩B|/max), Jaccard {:.2f}; totals equal in "
        "{:.1f}%, within 1% in {:.1f}%; mean total {:.0f} (paperdeck) vs {:.0f}\n",
        peer, a.overlap_sum / n, a.jaccard_sum / n, 100.0 * a.same_total / n,
        100.0 * a.near_total / n, r.ours_matches / n, a.peer_matches / n);
    fmt::print("  {} was faster than paperdeck on {} of {} queries\n", faster_row, a.peer_faster,
               r.queries);
  };
  agreement("fts5", r.fts, "fts5 (top-10 only)");
  if (!r.xapian_top.ms.empty()) agreement("xapian", r.xapian, "xapian (top-10, estimate)");
  if (r.notices > 0) {
    fmt::print("  note: {} queries were not taken as written by paperdeck's parser\n", r.notices);
  }
}

// The k queries paperdeck took longest on, with FTS5's time beside: where to look first.
// REQUIRES: r is RunSet's result for set (latencies in the order of set.queries).
void PrintSlowest(const QuerySet& set, const SetResult& r, size_t k) {
  std::vector<size_t> order(r.ours.ms.size());
  std::iota(order.begin(), order.end(), 0);
  k = std::min(k, order.size());
  std::partial_sort(order.begin(), order.begin() + k, order.end(),
                    [&](size_t a, size_t b) { return r.ours.ms[a] > r.ours.ms[b]; });
  for (size_t i = 0; i < k; ++i) {
    size_t q = order[i];
    fmt::print("  slow: {:>8.3f} ms paperdeck, {:>8.3f} ms fts5 + count: {}\n", r.ours.ms[q],
               r.fts_top_count.ms[q], set.queries[q].ours);
  }
}

// ---------------------------------------------------------------------------------------------

struct Options {
  std::string data;
  size_t queries = 1000;
  uint64_t seed = 42;
  std::string out;
  std::string tmp;
  size_t slowest = 0;
  QueryClock clock = QueryClock::kWall;
  bool xapian = true;  // build and query Xapian too (its build is the slowest of the three)
};

std::string JoinedAuthors(const std::vector<std::string>& authors) {
  std::string out;
  for (const std::string& a : authors) {
    if (!out.empty()) out += ", ";
    out += a;
  }
  return out;
}

int Fail(const Status& s) {
  fmt::print(stderr, "search_bench: {}\n", s.message());
  return 1;
}

int Run(const Options& options) {
  const fs::path data = options.data;
  if (!fs::exists(data / "corpus.db")) {
    return Fail(Status::NotFound((data / "corpus.db").string() +
                                 ": no corpus here; import papers first (paperdeck --data " +
                                 data.string() + " import FILE)"));
  }

  Machine machine = DescribeMachine();
  fmt::print("PaperDeck search benchmark: paperdeck vs SQLite FTS5{}, one process, one thread\n",
             options.xapian ? " and Xapian" : "");
  fmt::print("machine:  {} cores, {}, {:.1f} GiB memory; load average {}\n", machine.cores,
             machine.cpu, MiB(machine.memory_bytes) / 1024.0, LoadAverage());
  fmt::print("sqlite:   {} (FTS5, tokenize='porter unicode61', contentless, memory-mapped)\n",
             sqlite3_libversion());
  if (options.xapian) {
    fmt::print("xapian:   {} (glass, BM25Weight, English stemmer on every term, positions, "
               "compacted)\n",
               Xapian::version_string());
  }

  auto corpus = library::Corpus::Open(data);
  if (!corpus.ok()) return Fail(corpus.status());
  auto revision = (*corpus)->Revision();
  if (!revision.ok()) return Fail(revision.status());
  auto reader = index::IndexReader::Open(data / "index");
  if (!reader.ok()) return Fail(reader.status());

  // 1. Every paper, once, in memory: both builds then read the same input at memory speed.
  std::vector<library::StoredPaper> papers;
  Clock::time_point load_start = Clock::now();
  Status streamed = (*corpus)->ChangedSince(0, [&](const library::StoredPaper& paper) {
    papers.push_back(paper);
    return true;
  });
  if (!streamed.ok()) return Fail(streamed);
  double load_seconds = SecondsBetween(load_start, Clock::now());
  corpus->reset();

  fmt::print("corpus:   {}: {} papers, revision {} (read in {:.1f} s)\n", data.string(),
             Grouped(papers.size()), *revision, load_seconds);
  fmt::print("index:    {} live documents, revision {}, {:.1f} MiB\n",
             Grouped((*reader)->live_doc_count()), (*reader)->corpus_revision(),
             MiB((*reader)->size_bytes()));
  if ((*reader)->corpus_revision() != *revision) {
    fmt::print("warning:  the index lags the corpus (revision {} vs {}); run `paperdeck --data {} "
               "reindex` for figures that compare like with like\n",
               (*reader)->corpus_revision(), *revision, data.string());
  }
  if (papers.empty()) return Fail(Status::InvalidArgument("the corpus holds no papers"));

  fs::path tmp_root = options.tmp.empty() ? fs::temp_directory_path() : fs::path(options.tmp);
  ScratchDir scratch(tmp_root / ("paperdeck-bench-" + std::to_string(::getpid())));
  std::error_code ec;
  fs::create_directories(scratch.path(), ec);
  if (ec) return Fail(Status::IOError(scratch.path().string() + ": " + ec.message()));

  // 2. The builds.
  auto fts = Fts5Table::Create(scratch.path() / "fts5.db");
  if (!fts.ok()) return Fail(fts.status());
  Clock::time_point fts_start = Clock::now();
  if (Status s = (*fts)->Begin(); !s.ok()) return Fail(s);
  for (const library::StoredPaper& p : papers) {
    std::string authors = JoinedAuthors(p.record.authors);
    if (Status s = (*fts)->Add(p.key, p.record.title, p.record.abstract, authors); !s.ok()) {
      return Fail(s);
    }
  }
  if (Status s = (*fts)->Commit(); !s.ok()) return Fail(s);
  Clock::time_point fts_inserted = Clock::now();
  if (Status s = (*fts)->Optimize(); !s.ok()) return Fail(s);
  double fts_seconds = SecondsBetween(fts_start, Clock::now());
  double fts_optimize_seconds = SecondsBetween(fts_inserted, Clock::now());

  fs::path our_dir = scratch.path() / "index";
  double our_seconds = 0;
  uint64_t our_bytes = 0;
  {
    auto writer = index::IndexWriter::Open(our_dir);
    if (!writer.ok()) return Fail(writer.status());
    Clock::time_point start = Clock::now();
    for (const library::StoredPaper& p : papers) {
      sync::PaperDocument doc(p);
      if (Status s = (*writer)->Upsert(doc.document()); !s.ok()) return Fail(s);
    }
    if (Status s = (*writer)->Commit(*revision); !s.ok()) return Fail(s);
    our_seconds = SecondsBetween(start, Clock::now());
    auto rebuilt = index::IndexReader::Open(our_dir);
    if (!rebuilt.ok()) return Fail(rebuilt.status());
    our_bytes = (*rebuilt)->size_bytes();
  }

  // Xapian, from the same papers, then compacted.
  std::unique_ptr<XapianDb> xapian;
  double xapian_seconds = 0, xapian_compact_seconds = 0;
  if (options.xapian) {
    auto created = XapianDb::Create(scratch.path() / "xapian");
    if (!created.ok()) return Fail(created.status());
    xapian = std::move(created).value();
    Clock::time_point start = Clock::now();
    for (const library::StoredPaper& p : papers) {
      std::string authors = JoinedAuthors(p.record.authors);
      if (Status s = xapian->Add(p.key, p.record.title, p.record.abstract, authors); !s.ok()) {
        return Fail(s);
      }
    }
    if (Status s = xapian->Commit(); !s.ok()) return Fail(s);
    xapian_seconds = SecondsBetween(start, Clock::now());
    Clock::time_point compact_start = Clock::now();
    if (Status s = xapian->Compact(scratch.path() / "xapian-compact"); !s.ok()) return Fail(s);
    xapian_compact_seconds = SecondsBetween(compact_start, Clock::now());
    if (Status s = xapian->PrepareQueries(); !s.ok()) return Fail(s);
  }

  const double n = static_cast<double>(papers.size());
  fmt::print("\nIndex build: the same {} papers from memory, one thread\n", Grouped(papers.size()));
  fmt::print("  {:<26} {:>9} {:>9} {:>10}\n", "engine", "seconds", "docs/s", "size MiB");
  fmt::print("  {:<26} {:>9.2f} {:>9.0f} {:>10.1f}\n", "paperdeck (one segment)", our_seconds,
             n / our_seconds, MiB(our_bytes));
  fmt::print("  {:<26} {:>9.2f} {:>9.0f} {:>10.1f}\n", "fts5 (inserts + optimize)", fts_seconds,
             n / fts_seconds, MiB((*fts)->file_bytes()));
  if (xapian) {
    fmt::print("  {:<26} {:>9.2f} {:>9.0f} {:>10.1f}\n", "xapian (adds + commit)", xapian_seconds,
               n / xapian_seconds, MiB(xapian->built_bytes()));
    fmt::print("  {:<26} {:>9.2f} {:>9} {:>10.1f}\n", "xapian compacted", xapian_compact_seconds,
               "", MiB(xapian->query_bytes()));
    fmt::print("  docs/s ours over xapian: {:.1f}x; size xapian compacted over ours: {:.2f}x\n",
               xapian_seconds / our_seconds,
               static_cast<double>(xapian->query_bytes()) / static_cast<double>(our_bytes));
  }
  fmt::print("  fts5 optimize took {:.2f} s of that; paperdeck's index in {} is {:.1f} MiB\n",
             fts_optimize_seconds, (data / "index").string(), MiB((*reader)->size_bytes()));

  // 3. The queries.
  std::vector<QuerySet> sets;
  {
    text::Analyzer analyzer;
    std::vector<TitleWords> titles;
    titles.reserve(papers.size());
    for (const library::StoredPaper& p : papers) {
      titles.push_back(ReadTitle(p.record.title, analyzer));
    }
    std::vector<library::StoredPaper>().swap(papers);  // no longer needed
    sets = DrawQuerySets(std::move(titles), options.queries, options.seed);
  }
  if (!options.out.empty()) {
    if (Status s = WriteQueries(options.out, sets); !s.ok()) return Fail(s);
  }

  // 4. The runs.
  if (Status s = (*fts)->PrepareQueries(); !s.ok()) return Fail(s);
  search::Searcher searcher(*reader);
  fmt::print("\nSearch: top 10 by relevance, warm (one untimed pass first), seed {}, {}{}\n",
             options.seed,
             options.clock == QueryClock::kWall ? "wall time" : "thread CPU time",
             options.out.empty() ? "" : ", queries in " + options.out);
  fmt::print("  p50/ours and mean/ours: the peer's latency over paperdeck's; above 1, paperdeck is "
             "faster\n");
  SetResult all;
  for (const QuerySet& set : sets) {
    auto result = RunSet(set, searcher, **fts, xapian.get(), options.clock);
    if (!result.ok()) return Fail(result.status());
    PrintSet(set.description, *result);
    PrintSlowest(set, *result, options.slowest);
    all.Append(*result);
  }
  PrintSet("All sets", all);
  fmt::print("\nload average at the end: {}\n", LoadAverage());
  return 0;
}

}  // namespace
}  // namespace paperdeck::bench

int main(int argc, char** argv) {
  paperdeck::bench::Options options;
  CLI::App app{"Times PaperDeck's search against SQLite FTS5 over the papers of a data directory."};
  app.add_option("--data", options.data, "data directory holding corpus.db and index/")
      ->required();
  app.add_option("--queries", options.queries, "queries per set")
      ->default_val(1000)
      ->check(CLI::Range(1, 1000000));
  app.add_option("--seed", options.seed, "seed of the query generator")->default_val(42);
  app.add_option("--out", options.out, "write the queries to this TSV file (set, query, fts5)");
  app.add_option("--tmp", options.tmp,
                 "where to build the two scratch indexes (default: the system temp directory)");
  app.add_option("--slowest", options.slowest,
                 "also list the N queries of each set that paperdeck took longest on")
      ->default_val(0);
  std::string clock = "wall";
  app.add_option("--clock", clock,
                 "what latency is measured on: wall, or cpu (the thread's CPU time, for a machine "
                 "other work shares)")
      ->check(CLI::IsMember({"wall", "cpu"}))
      ->default_val("wall");
  bool no_xapian = false;
  app.add_flag("--no-xapian", no_xapian,
               "leave Xapian out (its build is slow: about 1,400 papers/s on one thread)");
  CLI11_PARSE(app, argc, argv);
  options.xapian = !no_xapian;
  if (clock == "cpu") options.clock = paperdeck::bench::QueryClock::kThreadCpu;
  return paperdeck::bench::Run(options);
}
