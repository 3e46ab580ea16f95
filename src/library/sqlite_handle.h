// Database and Statement: RAII owners of one SQLite connection and of one prepared statement.
// Every failure comes back as a Status carrying SQLite's own message and the database path, so
// a person reading "database is locked" or "disk I/O error" knows which file and what to check.
//
// Statements are prepared once and reused (the corpus caches them): bind, step through the rows,
// and let a Statement::Use guard reset the statement so no read snapshot stays open by accident.
// Bind errors are sticky and reported by the next Step(), which keeps call sites short.
//
// Threading: a Database and its Statements belong to one thread at a time. A Statement must be
// destroyed before the Database that prepared it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "model/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace paperdeck::library {

// Maps an SQLite result code and message to a Status: busy/locked -> Busy, corrupt/not a
// database -> Corruption, constraint/mismatch/range -> InvalidArgument, the rest -> IOError.
Status SqliteStatus(int code, std::string_view message, std::string_view where);

class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Resets the statement (and clears its bindings) when it goes out of scope, so a cached
  // statement never keeps a read transaction open after its caller is done with it.
  class Use {
   public:
    explicit Use(Statement& statement) : statement_(statement) { statement_.Reset(); }
    ~Use() { statement_.Reset(); }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    Statement& statement_;
  };

  // Parameters are 1-based, as in SQL text ("?1"). Empty text and nullopt bind NULL where the
  // *OrNull variants are used; Bind(text) binds the text as given (even when empty).
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void Bind(int index, std::string_view text);
  // Binds text without copying it: the caller keeps it alive and unchanged until the statement
  // is reset (the end of its Use). For the values a batch binds by the thousand.
  void BindKept(int index, std::string_view text);
  void BindNull(int index);
  void BindTextOrNull(int index, std::string_view text);
  void BindIntOrNull(int index, std::optional<int64_t> value);

  // Advances to the next row: true when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Runs a statement that returns no rows (INSERT, UPDATE, DELETE) to completion.
  Status Run();

  // Columns are 0-based. Text of a NULL column is empty; ints of a NULL column are 0.
  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string_view Text(int column) const;
  std::optional<int64_t> IntOrNull(int column) const;

  // Clears the current row, the bindings and any sticky bind error.
  void Reset();

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, sqlite3* db, std::string where);
  void NoteBind(int rc, int index);

  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
  std::string where_;  // database path, for messages
  Status bind_error_;
};

class Database {
 public:
  // Opens (creating if missing) the database file at path, read-write, with extended result
  // codes. The connection is for one thread at a time (SQLite's multi-thread mode: it does not
  // lock the connection itself).
  static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows we need (DDL, PRAGMA x=y, BEGIN/COMMIT).
  Status Exec(std::string_view sql);
  // Prepares one statement for repeated use.
  Result<Statement> Prepare(std::string_view sql);

  const std::filesystem::path& path() const { return path_; }
  // The key of the last row inserted on this connection.
  int64_t LastInsertKey() const;
  // True while a transaction is open on this connection.
  bool InTransaction() const;
  sqlite3* raw() { return db_; }

 private:
  Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::filesystem::path path_;
};

}  // namespace paperdeck::library
