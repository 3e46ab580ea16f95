// Transaction: one SQLite write transaction, rolled back unless committed. Every change the
// corpus makes happens inside one, so a failed or interrupted batch leaves the database exactly
// as it was: SQLite's journal (the WAL) makes a commit all-or-nothing even if the process dies.
//
// BEGIN IMMEDIATE takes the write lock up front, so two writers queue (for up to the busy
// timeout) instead of both reading and then one failing with "database is locked" mid-batch.
//
// Threading: as the Database it belongs to.
#pragma once

#include "library/sqlite_handle.h"
#include "model/status.h"

namespace paperdeck::library {

class Transaction {
 public:
  // REQUIRES: no transaction is open on db.
  static Result<Transaction> BeginImmediate(Database& db);

  Transaction(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  // Rolls back if neither Commit() nor Rollback() has run.
  ~Transaction();

  // Makes every change durable-on-commit (WAL, synchronous=NORMAL) and visible to others.
  // On failure the transaction is rolled back.
  Status Commit();
  void Rollback();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;  // null once finished
};

}  // namespace paperdeck::library
