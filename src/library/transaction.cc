#include "library/transaction.h"

#include <utility>

namespace paperdeck::library {

Result<Transaction> Transaction::BeginImmediate(Database& db) {
  PAPERDECK_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() { Rollback(); }

Status Transaction::Commit() {
  if (!db_) return Status::InvalidArgument("commit of a finished transaction");
  Status s = db_->Exec("COMMIT");
  if (!s.ok()) {
    Rollback();
    return s;
  }
  db_ = nullptr;
  return s;
}

void Transaction::Rollback() {
  if (!db_) return;
  // A failed statement may already have ended the transaction; ROLLBACK would then fail.
  if (db_->InTransaction()) (void)db_->Exec("ROLLBACK");
  db_ = nullptr;
}

}  // namespace paperdeck::library
