#include "fts5_engine.h"

#include <chrono>
#include <system_error>

#include "fmt/core.h"

namespace paperdeck::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

Status Exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
    std::string text = message ? message : "error";
    sqlite3_free(message);
    return Status::IOError(std::string("fts5: ") + sql + ": " + text);
  }
  return Status::Ok();
}

std::string Joined(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += separator;
    out += v;
  }
  return out;
}

void BindText(sqlite3_stmt* s, int i, const std::string& text) {
  sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

}  // namespace

Status BuildFts5(const std::vector<library::StoredPaper>& papers, const fs::path& file,
                 BuildFigures* figures) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, decltype(&sqlite3_close_v2)> db(raw, &sqlite3_close_v2);
  if (rc != SQLITE_OK) {
    return Status::IOError(file.string() + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open"));
  }
  if (Status s = Exec(raw, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"); !s.ok()) return s;
  if (Status s = Exec(raw,
                      "CREATE VIRTUAL TABLE t USING fts5(title, abstract, authors, categories, "
                      "content='', tokenize='porter unicode61')");
      !s.ok()) {
    return s;
  }
  if (Status s = Exec(raw, "CREATE TABLE years(key INTEGER PRIMARY KEY, year INTEGER NOT NULL)");
      !s.ok()) {
    return s;
  }
  Clock::time_point start = Clock::now();
  if (Status s = Exec(raw, "BEGIN"); !s.ok()) return s;
  {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw,
                           "INSERT INTO t(rowid, title, abstract, authors, categories) "
                           "VALUES (?, ?, ?, ?, ?)",
                           -1, &stmt, nullptr) != SQLITE_OK) {
      return Status::IOError(std::string("fts5 prepare insert: ") + sqlite3_errmsg(raw));
    }
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> insert(stmt, &sqlite3_finalize);
    if (sqlite3_prepare_v2(raw, "INSERT INTO years(key, year) VALUES (?, ?)", -1, &stmt, nullptr) !=
        SQLITE_OK) {
      return Status::IOError(std::string("fts5 prepare years: ") + sqlite3_errmsg(raw));
    }
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> insert_year(stmt, &sqlite3_finalize);
    for (const library::StoredPaper& p : papers) {
      std::string authors = Joined(p.record.authors, ", ");
      std::string categories = Joined(p.record.categories, " ");
      sqlite3_stmt* year = insert_year.get();
      sqlite3_reset(year);
      sqlite3_bind_int64(year, 1, p.key);
      sqlite3_bind_int(year, 2, YearOf(p));
      if (sqlite3_step(year) != SQLITE_DONE) {
        return Status::IOError(std::string("fts5 insert year: ") + sqlite3_errmsg(raw));
      }
      stmt = insert.get();
      sqlite3_reset(stmt);
      sqlite3_bind_int64(stmt, 1, p.key);
      BindText(stmt, 2, p.record.title);
      BindText(stmt, 3, p.record.abstract);
      BindText(stmt, 4, authors);
      BindText(stmt, 5, categories);
      if (sqlite3_step(stmt) != SQLITE_DONE) {
        return Status::IOError(std::string("fts5 insert: ") + sqlite3_errmsg(raw));
      }
    }
  }
  if (Status s = Exec(raw, "COMMIT"); !s.ok()) return s;
  Clock::time_point optimize_start = Clock::now();
  if (Status s = Exec(raw, "INSERT INTO t(t) VALUES('optimize')"); !s.ok()) return s;
  figures->optimize_seconds = SecondsSince(optimize_start);
  figures->seconds = SecondsSince(start);
  db.reset();
  std::error_code ec;
  figures->bytes = figures->built_bytes = fs::file_size(file, ec);
  return Status::Ok();
}

Fts5Engine::Fts5Engine(fs::path file) : file_(std::move(file)) {}

Fts5Engine::~Fts5Engine() { Close(); }

std::string Fts5Engine::WithTotalRow(uint32_t k) const {
  return fmt::format("fts5 top-{} + count(*)", k);
}

std::string Fts5Engine::TopOnlyRow(uint32_t k) const { return fmt::format("fts5 top-{} only", k); }

Status Fts5Engine::Error(const std::string& what) const {
  return Status::IOError("fts5 " + what + ": " + sqlite3_errmsg(db_.get()));
}

void Fts5Engine::Close() {
  top_.reset();
  count_.reset();
  top_year_.reset();
  count_year_.reset();
  db_.reset();
}

Status Fts5Engine::Open() {
  Close();
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(file_.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  db_.reset(raw);
  if (rc != SQLITE_OK) {
    return Status::IOError(file_.string() + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open"));
  }
  if (Status s = Exec(raw, "PRAGMA mmap_size=4294967296; PRAGMA cache_size=-1048576;"); !s.ok()) {
    return s;
  }
  // ?1 the MATCH text, ?2 the limit, ?3 the first year.
  const char* statements[] = {
      "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY bm25(t, 3.0, 1.0, 1.0, 0.0) LIMIT ?2",
      "SELECT count(*) FROM t WHERE t MATCH ?1",
      "SELECT t.rowid FROM t JOIN years ON years.key = t.rowid WHERE t MATCH ?1 AND "
      "years.year >= ?3 ORDER BY bm25(t, 3.0, 1.0, 1.0, 0.0) LIMIT ?2",
      "SELECT count(*) FROM t JOIN years ON years.key = t.rowid WHERE t MATCH ?1 AND "
      "years.year >= ?3",
  };
  std::unique_ptr<sqlite3_stmt, Closer>* prepared[] = {&top_, &count_, &top_year_, &count_year_};
  for (size_t i = 0; i < 4; ++i) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(raw, statements[i], -1, &stmt, nullptr) != SQLITE_OK) {
      return Error(std::string("prepare ") + statements[i]);
    }
    prepared[i]->reset(stmt);
  }
  return Status::Ok();
}

Status Fts5Engine::Run(const Query& q, uint32_t k, QueryClock clock, bool total_only,
                       Answer* answer, Timing* timing) {
  answer->keys.clear();
  answer->not_as_written = false;
  // The top k and the count are two statements; the top k alone is the top-only row.
  const bool by_year = q.year_from > 0;
  // Binds what a statement asks for; unused parameters stay unbound.
  auto bind = [&](sqlite3_stmt* s) {
    sqlite3_reset(s);
    BindText(s, 1, q.fts);
    if (sqlite3_bind_parameter_count(s) >= 2) sqlite3_bind_int(s, 2, static_cast<int>(k));
    if (by_year) sqlite3_bind_int(s, 3, q.year_from);
  };
  double t0 = NowMillis(clock);
  sqlite3_stmt* s = by_year ? top_year_.get() : top_.get();
  bind(s);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    answer->keys.push_back(static_cast<uint64_t>(sqlite3_column_int64(s, 0)));
  }
  double t1 = NowMillis(clock);
  if (rc != SQLITE_DONE) return Error("query " + q.fts);
  s = by_year ? count_year_.get() : count_.get();
  bind(s);
  if (sqlite3_step(s) != SQLITE_ROW) return Error("count " + q.fts);
  answer->total = static_cast<uint64_t>(sqlite3_column_int64(s, 0));
  double t2 = NowMillis(clock);
  timing->top_only_ms = t1 - t0;
  timing->with_total_ms = t2 - t0;
  return Status::Ok();
}

}  // namespace paperdeck::bench
