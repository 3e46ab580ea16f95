#include "eval/fts5_system.h"

#include <sqlite3.h>

#include <cctype>
#include <memory>

namespace paperdeck::eval {
namespace {

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Db = std::unique_ptr<sqlite3, DbCloser>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

Status Error(sqlite3* db, const std::string& what) {
  return Status::IOError("sqlite fts5: " + what + ": " + sqlite3_errmsg(db));
}

Result<Stmt> Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) return Error(db, sql);
  return Stmt(s);
}

// A word is a run of ASCII letters and digits or non-ASCII bytes, as unicode61 splits ASCII.
bool IsSeparator(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && !std::isalnum(u);
}

}  // namespace

std::string Fts5MatchExpression(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsSeparator(text[i])) ++i;
    const size_t start = i;
    while (i < text.size() && !IsSeparator(text[i])) ++i;
    if (i == start) break;
    if (!out.empty()) out += " OR ";
    out += '"';
    out += text.substr(start, i - start);  // no '"' in a word: nothing to escape
    out += '"';
  }
  return out;
}

Result<Run> RunFts5(const Collection& collection, QueryFields fields) {
  sqlite3* raw = nullptr;
  if (sqlite3_open(":memory:", &raw) != SQLITE_OK) {
    sqlite3_close(raw);
    return Status::IOError("sqlite fts5: cannot open an in-memory database");
  }
  Db db(raw);
  if (sqlite3_exec(db.get(),
                   "CREATE VIRTUAL TABLE docs USING fts5(title, text, "
                   "tokenize = 'porter unicode61'); BEGIN",
                   nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Error(db.get(), "create table");
  }
  {
    Result<Stmt> insert = Prepare(db.get(), "INSERT INTO docs(rowid, title, text) VALUES (?, ?, ?)");
    if (!insert.ok()) return insert.status();
    for (size_t i = 0; i < collection.docs.size(); ++i) {
      const CollectionDoc& d = collection.docs[i];
      sqlite3_stmt* s = insert->get();
      sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(i + 1));
      sqlite3_bind_text(s, 2, d.title.data(), static_cast<int>(d.title.size()), SQLITE_STATIC);
      sqlite3_bind_text(s, 3, d.text.data(), static_cast<int>(d.text.size()), SQLITE_STATIC);
      if (sqlite3_step(s) != SQLITE_DONE) return Error(db.get(), "insert");
      sqlite3_reset(s);
    }
  }
  if (sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Error(db.get(), "commit");
  }

  Result<Stmt> query = Prepare(
      db.get(), "SELECT rowid, bm25(docs) FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?");
  if (!query.ok()) return query.status();
  Run run;
  for (const CollectionQuery& q : collection.queries) {
    std::vector<ScoredDoc>& docs = run[q.id];
    std::string match = Fts5MatchExpression(q.text);
    if (match.empty()) continue;
    if (fields == QueryFields::kTitle) match = "title : (" + match + ")";
    sqlite3_stmt* s = query->get();
    sqlite3_bind_text(s, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, static_cast<sqlite3_int64>(kRunDepth));
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      const sqlite3_int64 rowid = sqlite3_column_int64(s, 0);
      // bm25() is lower for better matches: its negation ranks as a score does.
      docs.push_back({collection.docs[static_cast<size_t>(rowid - 1)].id,
                      -sqlite3_column_double(s, 1)});
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    if (rc != SQLITE_DONE) return Error(db.get(), "query " + q.id);
  }
  return run;
}

}  // namespace paperdeck::eval
