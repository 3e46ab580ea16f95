// Corpus::BackupTo (corpus.h): a consistent copy of corpus.db through SQLite's online backup API.
#include <sqlite3.h>

#include <system_error>

#include "library/corpus.h"
#include "library/corpus_impl.h"

namespace paperdeck::library {
namespace {

// Pages copied per step: small steps let writers in between (a write by another connection
// restarts the copy; a write on this one is carried into it).
constexpr int kPagesPerStep = 256;

}  // namespace

Status Corpus::BackupTo(const std::filesystem::path& file) {
  const std::filesystem::path temp = file.string() + ".tmp";
  std::error_code ec;
  std::filesystem::remove(temp, ec);
  sqlite3* target = nullptr;
  int rc = sqlite3_open_v2(temp.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           nullptr);
  if (rc != SQLITE_OK) {
    Status failed = SqliteStatus(rc, target ? sqlite3_errmsg(target) : "cannot open",
                                 temp.string());
    sqlite3_close(target);
    return failed;
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", impl_->db->raw(), "main");
  if (backup == nullptr) {
    Status failed = SqliteStatus(sqlite3_errcode(target), sqlite3_errmsg(target), temp.string());
    sqlite3_close(target);
    std::filesystem::remove(temp, ec);
    return failed;
  }
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    // The source is being written by another process: wait a little and go on.
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    Status failed = SqliteStatus(rc, sqlite3_errstr(rc), impl_->db_path.string() + " -> " +
                                                             temp.string());
    sqlite3_close(target);
    std::filesystem::remove(temp, ec);
    return failed;
  }
  // The copy is a database of its own: one file, no WAL beside it.
  char* error = nullptr;
  rc = sqlite3_exec(target, "PRAGMA journal_mode=DELETE", nullptr, nullptr, &error);
  sqlite3_free(error);
  rc = sqlite3_close(target);
  if (rc != SQLITE_OK) {
    std::filesystem::remove(temp, ec);
    return SqliteStatus(rc, sqlite3_errstr(rc), temp.string());
  }
  std::filesystem::rename(temp, file, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return Status::IOError(file.string() + ": cannot put the backup in place: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace paperdeck::library
