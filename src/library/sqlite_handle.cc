#include "library/sqlite_handle.h"

#include <sqlite3.h>

#include <mutex>
#include <utility>

namespace paperdeck::library {
namespace {

// The start of a statement's SQL, to say which statement failed without flooding the message.
std::string SqlExcerpt(sqlite3_stmt* stmt) {
  const char* sql = stmt ? sqlite3_sql(stmt) : nullptr;
  if (!sql) return {};
  std::string s(sql);
  for (char& c : s) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  if (s.size() > 60) s = s.substr(0, 57) + "...";
  return s;
}

// SQLite counts every allocation it makes under one process-wide mutex unless told not to; no
// part of PaperDeck reads those counts, and storing a batch allocates for every value bound. The
// setting can only be made before SQLite initialises itself: if something initialised it first
// (a test's auto-extension), the counting simply stays on.
void StopMemoryCounting() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

Status SqliteStatus(int code, std::string_view message, std::string_view where) {
  std::string text = std::string(where) + ": " + std::string(message);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Busy(text + " (another connection holds the lock)");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(text);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
    case SQLITE_TOOBIG:
      return Status::InvalidArgument(text);
    default:
      return Status::IOError(text);
  }
}

Statement::Statement(sqlite3_stmt* stmt, sqlite3* db, std::string where)
    : stmt_(stmt), db_(db), where_(std::move(where)) {}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      db_(other.db_),
      where_(std::move(other.where_)),
      bind_error_(std::move(other.bind_error_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    db_ = other.db_;
    where_ = std::move(other.where_);
    bind_error_ = std::move(other.bind_error_);
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

void Statement::NoteBind(int rc, int index) {
  if (rc != SQLITE_OK && bind_error_.ok()) {
    bind_error_ = SqliteStatus(rc, std::string(sqlite3_errmsg(db_)) + " binding parameter " +
                                       std::to_string(index) + " of " + SqlExcerpt(stmt_),
                               where_);
  }
}

void Statement::Bind(int index, int64_t value) {
  NoteBind(sqlite3_bind_int64(stmt_, index, value), index);
}

void Statement::Bind(int index, double value) {
  NoteBind(sqlite3_bind_double(stmt_, index, value), index);
}

void Statement::Bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies the text, so callers may pass temporaries.
  NoteBind(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8),
           index);
}

void Statement::BindKept(int index, std::string_view text) {
  NoteBind(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8),
           index);
}

void Statement::BindNull(int index) { NoteBind(sqlite3_bind_null(stmt_, index), index); }

void Statement::BindTextOrNull(int index, std::string_view text) {
  if (text.empty()) {
    BindNull(index);
  } else {
    Bind(index, text);
  }
}

void Statement::BindIntOrNull(int index, std::optional<int64_t> value) {
  if (value) {
    Bind(index, *value);
  } else {
    BindNull(index);
  }
}

Result<bool> Statement::Step() {
  if (!bind_error_.ok()) return bind_error_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteStatus(rc, std::string(sqlite3_errmsg(db_)) + " in " + SqlExcerpt(stmt_), where_);
}

Status Statement::Run() {
  Result<bool> row = Step();
  if (!row.ok()) return row.status();
  return Status::Ok();
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  if (!p) return {};
  return std::string_view(reinterpret_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<int64_t> Statement::IntOrNull(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

void Statement::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = Status::Ok();
}

Result<std::unique_ptr<Database>> Database::Open(const std::filesystem::path& path) {
  StopMemoryCounting();
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (a Corpus is, and so is every
  // Database), so SQLite need not lock it around every call.
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return SqliteStatus(rc, "cannot open: " + message, path.string());
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Database>(new Database(db, path));
}

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Exec(std::string_view sql) {
  char* error = nullptr;
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = error ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return SqliteStatus(rc, message + " in " + text, path_.string());
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    std::string text(sql.substr(0, 60));
    return SqliteStatus(rc, std::string(sqlite3_errmsg(db_)) + " preparing " + text,
                        path_.string());
  }
  return Statement(stmt, db_, path_.string());
}

int64_t Database::LastInsertKey() const { return sqlite3_last_insert_rowid(db_); }

bool Database::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

}  // namespace paperdeck::library
