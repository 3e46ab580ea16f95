// The user's saved searches (corpus.h; the saved_searches table, docs/schema.md), and the reads
// "new since you looked" and `added:` make of the papers table.
#include <algorithm>
#include <string>
#include <unordered_map>

#include "library/corpus.h"
#include "library/corpus_impl.h"
#include "library/transaction.h"
#include "model/calendar.h"

namespace paperdeck::library {
namespace {

constexpr size_t kMaxNameBytes = 100;
constexpr std::string_view kColumns =
    "id, name, query, pull, created_at, seen_revision, looked_at, synced_at, kind";

// Why name cannot name a saved search, or an empty string.
std::string NameProblem(std::string_view name) {
  if (name.empty()) return "a saved search needs a name";
  if (name.size() > kMaxNameBytes) {
    return "a saved search's name is at most " + std::to_string(kMaxNameBytes) + " bytes";
  }
  if (name.front() == ' ' || name.back() == ' ') {
    return "a saved search's name does not begin or end with a space";
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return "a saved search's name holds no control characters";
    if (c == '/') return "a saved search's name holds no '/' (it names a feed: /feeds/NAME.atom)";
  }
  return {};
}

SavedSearch ReadRow(const Statement& s) {
  SavedSearch out;
  out.id = s.Int(0);
  out.name = std::string(s.Text(1));
  out.query = std::string(s.Text(2));
  out.pull = s.Int(3) != 0;
  out.created_at = std::string(s.Text(4));
  out.seen_revision = s.IntOrNull(5);
  out.looked_at = std::string(s.Text(6));
  out.synced_at = std::string(s.Text(7));
  // The column's CHECK admits only the two names.
  out.kind = ParseSavedSearchKind(s.Text(8)).value_or(SavedSearchKind::kQuery);
  return out;
}

Result<std::optional<SavedSearch>> Lookup(Database& db, std::string_view name) {
  Result<Statement> s = db.Prepare("SELECT " + std::string(kColumns) +
                                   " FROM saved_searches WHERE name = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, name);
  Result<bool> row = s->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<SavedSearch>();
  return std::optional<SavedSearch>(ReadRow(*s));
}

Status NoSuchSearch(std::string_view name) {
  return Status::NotFound("no saved search is named '" + std::string(name) + "'");
}

// The saved search named name; NotFound when there is none.
Result<SavedSearch> Existing(Database& db, std::string_view name) {
  PAPERDECK_ASSIGN_OR_RETURN(std::optional<SavedSearch> found, Lookup(db, name));
  if (!found) return NoSuchSearch(name);
  return std::move(*found);
}

// Runs sql (binding ?1 = value, ?2 = name) on the saved search named name, which must exist.
Status UpdateOne(Database& db, std::string_view name, std::string_view sql,
                 std::string_view value) {
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_RETURN_IF_ERROR(Existing(db, name).status());
  Result<Statement> s = db.Prepare(sql);
  if (!s.ok()) return s.status();
  s->Bind(1, value);
  s->Bind(2, name);
  PAPERDECK_RETURN_IF_ERROR(s->Run());
  return txn->Commit();
}

// The keys a statement gives (its first column), ascending; with second, each key's second
// column.
Result<std::vector<int64_t>> SortedKeys(Statement& s,
                                        std::unordered_map<int64_t, int64_t>* second = nullptr) {
  std::vector<int64_t> keys;
  for (;;) {
    Result<bool> row = s.Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    keys.push_back(s.Int(0));
    if (second != nullptr) second->emplace(s.Int(0), s.Int(1));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Records a look at saved search id: seen up to revision (never moved back), looked at now.
Status RecordLook(Database& db, int64_t id, int64_t revision) {
  Result<Statement> s = db.Prepare(
      "UPDATE saved_searches SET seen_revision = MAX(COALESCE(seen_revision, ?1), ?1), "
      "looked_at = ?2 WHERE id = ?3");
  if (!s.ok()) return s.status();
  const std::string now = NowIsoTime();
  s->Bind(1, revision);
  s->Bind(2, std::string_view(now));
  s->Bind(3, id);
  return s->Run();
}

}  // namespace

std::string_view SavedSearchKindName(SavedSearchKind kind) {
  return kind == SavedSearchKind::kRecommend ? "recommend" : "query";
}

std::optional<SavedSearchKind> ParseSavedSearchKind(std::string_view name) {
  if (name == "query") return SavedSearchKind::kQuery;
  if (name == "recommend") return SavedSearchKind::kRecommend;
  return std::nullopt;
}

Result<SavedSearch> Corpus::AddSavedSearch(std::string_view name, std::string_view query,
                                           bool pull, std::string_view created_at,
                                           SavedSearchKind kind) {
  if (std::string problem = NameProblem(name); !problem.empty()) {
    return Status::InvalidArgument(problem + ": '" + std::string(name) + "'");
  }
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("saved search '" + std::string(name) + "' needs a query");
  }
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  Result<std::optional<SavedSearch>> taken = Lookup(db, name);
  if (!taken.ok()) return taken.status();
  if (taken->has_value()) {
    return Status::InvalidArgument("a saved search is already named '" + (*taken)->name +
                                   "' (its query: " + (*taken)->query + ")");
  }
  Result<Statement> insert = db.Prepare(
      "INSERT INTO saved_searches(name, query, pull, created_at, kind) "
      "VALUES (?1, ?2, ?3, ?4, ?5)");
  if (!insert.ok()) return insert.status();
  const std::string now = created_at.empty() ? NowIsoTime() : std::string(created_at);
  insert->Bind(1, name);
  insert->Bind(2, query);
  const bool pulled = pull && kind == SavedSearchKind::kQuery;
  insert->Bind(3, int64_t{pulled ? 1 : 0});
  insert->Bind(4, std::string_view(now));
  insert->Bind(5, SavedSearchKindName(kind));
  PAPERDECK_RETURN_IF_ERROR(insert->Run());
  Result<std::optional<SavedSearch>> added = Lookup(db, name);
  if (!added.ok()) return added.status();
  PAPERDECK_RETURN_IF_ERROR(txn->Commit());
  return std::move(**added);
}

Result<std::vector<SavedSearch>> Corpus::SavedSearches() {
  Result<Statement> s = impl_->db->Prepare("SELECT " + std::string(kColumns) +
                                           " FROM saved_searches ORDER BY name, id");
  if (!s.ok()) return s.status();
  std::vector<SavedSearch> out;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(ReadRow(*s));
  }
}

Result<std::optional<SavedSearch>> Corpus::FindSavedSearch(std::string_view name) {
  return Lookup(*impl_->db, name);
}

Status Corpus::RemoveSavedSearch(std::string_view name) {
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_ASSIGN_OR_RETURN(SavedSearch found, Existing(db, name));
  Result<Statement> s = db.Prepare("DELETE FROM saved_searches WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, found.id);
  PAPERDECK_RETURN_IF_ERROR(s->Run());
  return txn->Commit();
}

Status Corpus::RenameSavedSearch(std::string_view from, std::string_view to) {
  if (std::string problem = NameProblem(to); !problem.empty()) {
    return Status::InvalidArgument(problem + ": '" + std::string(to) + "'");
  }
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_ASSIGN_OR_RETURN(SavedSearch source, Existing(db, from));
  Result<std::optional<SavedSearch>> taken = Lookup(db, to);
  if (!taken.ok()) return taken.status();
  if (taken->has_value() && (*taken)->id != source.id) {
    return Status::InvalidArgument("a saved search is already named '" + (*taken)->name + "'");
  }
  Result<Statement> s = db.Prepare("UPDATE saved_searches SET name = ?1 WHERE id = ?2");
  if (!s.ok()) return s.status();
  s->Bind(1, to);
  s->Bind(2, source.id);
  PAPERDECK_RETURN_IF_ERROR(s->Run());
  return txn->Commit();
}

Status Corpus::MarkSavedSearchSeen(std::string_view name, int64_t revision) {
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_ASSIGN_OR_RETURN(SavedSearch found, Existing(db, name));
  PAPERDECK_RETURN_IF_ERROR(RecordLook(db, found.id, revision));
  return txn->Commit();
}

Result<std::unordered_map<int64_t, int64_t>> Corpus::SavedSearchShown(int64_t search_id) {
  Result<Statement> s = impl_->db->Prepare(
      "SELECT paper_key, entered_revision FROM saved_search_shown WHERE search = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, search_id);
  std::unordered_map<int64_t, int64_t> shown;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return shown;
    shown.emplace(s->Int(0), s->Int(1));
  }
}

Status Corpus::MarkSavedSearchShown(std::string_view name, int64_t revision,
                                    const std::unordered_map<int64_t, int64_t>& shown) {
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_ASSIGN_OR_RETURN(SavedSearch found, Existing(db, name));
  Result<Statement> put = db.Prepare(
      "INSERT INTO saved_search_shown(search, paper_key, entered_revision) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(search, paper_key) DO UPDATE SET entered_revision = "
      "MAX(entered_revision, excluded.entered_revision)");
  if (!put.ok()) return put.status();
  for (const auto& [key, entered] : shown) {
    put->Reset();
    put->Bind(1, found.id);
    put->Bind(2, key);
    put->Bind(3, entered);
    PAPERDECK_RETURN_IF_ERROR(put->Run());
  }
  PAPERDECK_RETURN_IF_ERROR(RecordLook(db, found.id, revision));
  return txn->Commit();
}

Status Corpus::MarkSavedSearchSynced(std::string_view name, std::string_view iso_time) {
  return UpdateOne(*impl_->db, name, "UPDATE saved_searches SET synced_at = ?1 WHERE name = ?2",
                   iso_time);
}

Result<std::vector<int64_t>> Corpus::PapersEnteredAfter(
    int64_t revision, std::unordered_map<int64_t, int64_t>* entered) {
  // INDEXED BY: ordered by key, SQLite would walk the whole table (gigabytes at a million
  // papers) rather than the index, whose cost is the number found; they are sorted here.
  Result<Statement> s = impl_->db->Prepare(
      "SELECT key, entered_revision FROM papers INDEXED BY papers_entered_revision "
      "WHERE entered_revision > ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, revision);
  if (entered != nullptr) entered->clear();
  return SortedKeys(*s, entered);
}

Result<std::vector<int64_t>> Corpus::PapersAddedBetween(std::string_view first_day,
                                                        std::string_view last_day) {
  // added_at is "YYYY-MM-DDTHH:MM:SSZ": a day's times sort between "DAY" and "DAY~".
  Result<Statement> s = impl_->db->Prepare(
      "SELECT key FROM papers INDEXED BY papers_added_at WHERE added_at >= ?1 AND added_at < ?2");
  if (!s.ok()) return s.status();
  s->Bind(1, first_day);
  const std::string after_last = std::string(last_day) + "~";
  s->Bind(2, std::string_view(after_last));
  return SortedKeys(*s);
}

}  // namespace paperdeck::library
