#include "library/corpus.h"

#include <chrono>
#include <ctime>
#include <system_error>

#include "library/corpus_impl.h"
#include "library/paper_match.h"
#include "library/paper_merge.h"
#include "library/paper_row.h"
#include "library/provenance_log.h"
#include "library/schema.h"
#include "library/sqlite_handle.h"
#include "library/transaction.h"
#include "model/paper_id.h"

namespace paperdeck::library {
namespace {


bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Names a record in an error message so a person can find it in the input.
std::string Describe(const PaperRecord& r) {
  std::string out;
  auto add = [&out](std::string_view label, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty()) out += ", ";
    out += std::string(label) + " " + std::string(value);
  };
  add("id", r.id);
  add("arXiv", r.arxiv_id);
  add("doi", r.doi);
  add("source", r.source);
  add("from", r.origin);
  return out.empty() ? std::string() : " (" + out + ")";
}

std::string SelectPapers(PaperFields fields, std::string_view rest) {
  return "SELECT " + PaperSelectList(fields) + " FROM papers " + std::string(rest);
}

}  // namespace


Status Corpus::Impl::PrepareStatements() {
  struct {
    Statement* into;
    std::string sql;
  } statements[] = {
      {&by_key, SelectPapers(PaperFields::kAll, "WHERE key = ?1")},
      {&insert_paper, InsertPaperSql()},
      {&update_paper, UpdatePaperSql()},
      {&read_revision, "SELECT CAST(value AS INTEGER) FROM meta WHERE name = 'revision'"},
      {&write_revision, "UPDATE meta SET value = CAST(?1 AS TEXT) WHERE name = 'revision'"},
      {&paper_id, "SELECT id FROM papers WHERE key = ?1"},
      {&delete_paper, "DELETE FROM papers WHERE key = ?1"},
      {&enter_version, "UPDATE papers SET entered_revision = ?1 WHERE key = ?2"},
      {&insert_removed, "INSERT INTO removed(key, id, revision) VALUES (?1, ?2, ?3)"},
      {&insert_import,
       "INSERT INTO imports(file, format, added, updated, errors, seconds, finished_at) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
  };
  for (auto& s : statements) {
    Result<Statement> prepared = db->Prepare(s.sql);
    if (!prepared.ok()) return prepared.status();
    *s.into = std::move(prepared).value();
  }
  return Status::Ok();
}

Result<int64_t> Corpus::Impl::ReadRevision() {
  Statement::Use use(read_revision);
  Result<bool> row = read_revision.Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Corruption(db_path.string() + ": meta has no revision");
  return read_revision.Int(0);
}

Status Corpus::Impl::WriteRevision(int64_t revision) {
  Statement::Use use(write_revision);
  write_revision.Bind(1, revision);
  return write_revision.Run();
}

Result<std::optional<StoredPaper>> Corpus::Impl::Load(int64_t key) {
  Statement::Use use(by_key);
  by_key.Bind(1, key);
  Result<bool> row = by_key.Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<StoredPaper>();
  Result<StoredPaper> paper = ReadPaperRow(by_key, PaperFields::kAll);
  if (!paper.ok()) return paper.status();
  return std::optional<StoredPaper>(std::move(paper).value());
}

Status Corpus::Impl::Store(const PaperRecord& given, int64_t revision, const std::string& now,
                           UpsertResult* result, int64_t* paper_key) {
  const PaperRecord record = NormalizeForCorpus(given);
  const MatchKeys keys = MatchKeys::OfRecord(record, given.id);
  const std::string_view source = SourceName(given);

  Result<std::optional<int64_t>> hit = matcher.Match(keys);
  if (!hit.ok()) return hit.status();

  if (!hit->has_value()) {
    Statement::Use use(insert_paper);
    BindPaperInsert(insert_paper, PaperWrite{record, keys.title_key, revision, now});
    PAPERDECK_RETURN_IF_ERROR(insert_paper.Run());
    ++result->added;
    result->changes.push_back(UpsertResult::Change::kAdded);
    *paper_key = db->LastInsertKey();
    return provenance.Append(*paper_key, source, given.origin,
                             FactsOf(record, /*source_marked_new=*/false), {});
  }

  const int64_t key = **hit;
  *paper_key = key;
  Result<std::optional<StoredPaper>> stored = Load(key);
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return Status::Corruption("paper " + std::to_string(key) + " vanished");
  const PaperRecord& before = (*stored)->record;

  Result<ProvenanceLog::LastValues> last = provenance.Last(key, source);
  if (!last.ok()) return last.status();
  auto marked = last->find("is_new");
  const bool source_marked_new = marked != last->end() && marked->second == "true";

  PaperRecord merged = before;
  bool changed = MergeInto(record, source_marked_new, &merged);
  if (changed && merged.id != before.id) {
    // The better id may belong to another paper already (stored twice before an id linked
    // them); then this one keeps its id rather than break uniqueness.
    Result<std::optional<int64_t>> owner = matcher.ByCanonicalId(merged.id);
    if (!owner.ok()) return owner.status();
    if (owner->has_value() && **owner != key) {
      merged.id = before.id;
      changed = !SameFacts(merged, before);
    }
  }
  if (changed) {
    Statement::Use use(update_paper);
    const std::string title_key =
        TitleKey(merged.title, merged.authors.empty() ? std::string_view() : merged.authors[0]);
    BindPaperUpdate(update_paper, key, PaperWrite{merged, title_key, revision, now});
    PAPERDECK_RETURN_IF_ERROR(update_paper.Run());
    if (merged.versions.size() > before.versions.size()) {
      // A newer version enters the corpus: "new since you looked" shows the paper again.
      Statement::Use enter(enter_version);
      enter_version.Bind(1, revision);
      enter_version.Bind(2, key);
      PAPERDECK_RETURN_IF_ERROR(enter_version.Run());
    }
    ++result->updated;
    result->changes.push_back(UpsertResult::Change::kUpdated);
  } else {
    ++result->unchanged;
    result->changes.push_back(UpsertResult::Change::kUnchanged);
  }
  return provenance.Append(key, source, given.origin, FactsOf(record, source_marked_new), *last);
}

Corpus::Corpus(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Corpus::~Corpus() = default;

Result<std::unique_ptr<Corpus>> Corpus::Open(const std::filesystem::path& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Status::IOError(data_dir.string() + ": cannot create directory: " + ec.message());
  std::filesystem::path path = data_dir / "corpus.db";
  Result<std::unique_ptr<Database>> db = Database::Open(path);
  if (!db.ok()) return db.status();
  PAPERDECK_RETURN_IF_ERROR(ConfigureConnection(**db));
  PAPERDECK_RETURN_IF_ERROR(MigrateSchema(**db));
  Result<PaperMatcher> matcher = PaperMatcher::Prepare(**db);
  if (!matcher.ok()) return matcher.status();
  Result<ProvenanceLog> provenance = ProvenanceLog::Prepare(**db);
  if (!provenance.ok()) return provenance.status();
  auto impl = std::make_unique<Impl>(path, std::move(db).value(), std::move(matcher).value(),
                                     std::move(provenance).value());
  PAPERDECK_RETURN_IF_ERROR(impl->PrepareStatements());
  return std::unique_ptr<Corpus>(new Corpus(std::move(impl)));
}

Result<UpsertResult> Corpus::Upsert(std::span<const PaperRecord> records) {
  // Refuse before writing anything: the batch is all or nothing.
  for (size_t i = 0; i < records.size(); ++i) {
    if (Blank(records[i].title)) {
      return Status::InvalidArgument("record " + std::to_string(i + 1) + " of " +
                                     std::to_string(records.size()) + Describe(records[i]) +
                                     " has no title; nothing from this batch was stored");
    }
  }
  UpsertResult result;
  if (records.empty()) {
    Result<int64_t> revision = impl_->ReadRevision();
    if (!revision.ok()) return revision.status();
    result.revision = *revision;
    return result;
  }

  Result<Transaction> txn = Transaction::BeginImmediate(*impl_->db);
  if (!txn.ok()) return txn.status();
  Result<int64_t> current = impl_->ReadRevision();
  if (!current.ok()) return current.status();
  const int64_t next = *current + 1;
  const std::string now = NowIsoTime();
  impl_->provenance.BeginBatch(now);
  for (size_t i = 0; i < records.size(); ++i) {
    const PaperRecord& record = records[i];
    int64_t key = 0;
    Status s = impl_->Store(record, next, now, &result, &key);
    // What the record carries of the user's own data goes with it, in this transaction.
    if (s.ok() && record.library) s = ApplyCarriedLibrary(*impl_->db, key, *record.library, now);
    if (s.ok() && !record.citation_key.empty()) {
      Result<std::string> notice = PinGivenCitationKey(
          *impl_->db, key, record.citation_key, SourceName(record), now);
      if (!notice.ok()) {
        s = notice.status();
      } else if (!notice->empty()) {
        result.notices.push_back("paper" + Describe(record) + ": " + *notice);
      }
    }
    if (!s.ok()) {
      return Status(s.code() == Status::Code::kInvalidArgument
                        ? Status::InvalidArgument("record " + std::to_string(i + 1) +
                                                  Describe(record) + ": " + s.message())
                        : s);
    }
  }
  result.revision = *current;
  if (result.added + result.updated > 0) {
    PAPERDECK_RETURN_IF_ERROR(impl_->WriteRevision(next));
    result.revision = next;
  }
  PAPERDECK_RETURN_IF_ERROR(txn->Commit());
  return result;
}

Status Corpus::SetCheckpointPages(int pages) {
  return impl_->db->Exec("PRAGMA wal_autocheckpoint=" + std::to_string(pages > 0 ? pages : 1000));
}

Result<bool> Corpus::Remove(std::string_view id, bool drop_library_data) {
  Result<Transaction> txn = Transaction::BeginImmediate(*impl_->db);
  if (!txn.ok()) return txn.status();
  Result<std::optional<int64_t>> hit = impl_->matcher.Match(MatchKeys::OfId(id));
  if (!hit.ok()) return hit.status();
  if (!hit->has_value()) return false;
  const int64_t key = **hit;

  std::string canonical;
  {
    Statement::Use use(impl_->paper_id);
    impl_->paper_id.Bind(1, key);
    Result<bool> row = impl_->paper_id.Step();
    if (!row.ok()) return row.status();
    canonical = impl_->paper_id.Text(0);
  }
  {
    // The user's own data never goes silently: it is refused unless the caller asked for it to go.
    Result<LibraryEntry> held = ReadLibraryEntry(*impl_->db, key);
    if (!held.ok()) return held.status();
    if (!held->empty()) {
      if (!drop_library_data) {
        return Status::InvalidArgument("paper " + canonical + " holds your " + held->Describe() +
                                       "; nothing was removed");
      }
      PAPERDECK_RETURN_IF_ERROR(DropLibraryData(*impl_->db, key));
    }
  }
  Result<int64_t> current = impl_->ReadRevision();
  if (!current.ok()) return current.status();
  const int64_t next = *current + 1;
  {
    // Its provenance rows and fetch marks go with it (ON DELETE CASCADE).
    Statement::Use use(impl_->delete_paper);
    impl_->delete_paper.Bind(1, key);
    PAPERDECK_RETURN_IF_ERROR(impl_->delete_paper.Run());
  }
  {
    Statement::Use use(impl_->insert_removed);
    impl_->insert_removed.Bind(1, key);
    impl_->insert_removed.Bind(2, std::string_view(canonical));
    impl_->insert_removed.Bind(3, next);
    PAPERDECK_RETURN_IF_ERROR(impl_->insert_removed.Run());
  }
  PAPERDECK_RETURN_IF_ERROR(impl_->WriteRevision(next));
  PAPERDECK_RETURN_IF_ERROR(txn->Commit());
  return true;
}

Result<std::optional<StoredPaper>> Corpus::Find(std::string_view id) {
  Result<std::optional<int64_t>> hit = impl_->matcher.Match(MatchKeys::OfId(id));
  if (!hit.ok()) return hit.status();
  if (!hit->has_value()) return std::optional<StoredPaper>();
  return impl_->Load(**hit);
}

Result<std::vector<StoredPaper>> Corpus::Get(std::span<const int64_t> keys) {
  std::vector<StoredPaper> out;
  out.reserve(keys.size());
  for (int64_t key : keys) {
    Result<std::optional<StoredPaper>> paper = impl_->Load(key);
    if (!paper.ok()) return paper.status();
    if (paper->has_value()) out.push_back(std::move(**paper));
  }
  return out;
}

Result<int64_t> Corpus::Revision() { return impl_->ReadRevision(); }

Status Corpus::ChangedSince(int64_t revision, const std::function<bool(const StoredPaper&)>& fn,
                            PaperFields fields, Order order) {
  // One statement, so the caller sees one snapshot even while another process writes. Only the
  // keys of changed papers are collected (by the revision index) and sorted; rows are read one
  // at a time in key order. From revision 0 every paper qualifies: a plain scan. By revision,
  // the revision index is walked (for papers stored in batches, as an import does, that is key
  // order too).
  std::string sql;
  if (order == Order::kByRevision) {
    sql = SelectPapers(fields, "WHERE revision > ?1 ORDER BY revision, key");
  } else {
    sql = revision <= 0 ? SelectPapers(fields, "ORDER BY key")
                        : SelectPapers(fields,
                                       "WHERE key IN (SELECT key FROM papers WHERE "
                                       "revision > ?1) ORDER BY key");
  }
  Result<Statement> query = impl_->db->Prepare(sql);
  if (!query.ok()) return query.status();
  if (revision > 0 || order == Order::kByRevision) query->Bind(1, revision);
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    Result<StoredPaper> paper = ReadPaperRow(*query, fields);
    if (!paper.ok()) return paper.status();
    if (!fn(*paper)) return Status::Ok();
  }
}

Result<uint64_t> Corpus::CountChangedSince(int64_t revision) {
  Result<Statement> query = impl_->db->Prepare("SELECT count(*) FROM papers WHERE revision > ?1");
  if (!query.ok()) return query.status();
  query->Bind(1, revision);
  Result<bool> row = query->Step();
  if (!row.ok()) return row.status();
  return *row ? static_cast<uint64_t>(query->Int(0)) : uint64_t{0};
}

Status Corpus::RemovedSince(int64_t revision, const std::function<void(int64_t key)>& fn) {
  Result<Statement> query =
      impl_->db->Prepare("SELECT key FROM removed WHERE revision > ?1 ORDER BY revision, key");
  if (!query.ok()) return query.status();
  query->Bind(1, revision);
  while (true) {
    Result<bool> row = query->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    fn(query->Int(0));
  }
}

Result<std::vector<Corpus::Provenance>> Corpus::ProvenanceOf(int64_t key) {
  return impl_->provenance.Of(key);
}

Status Corpus::RecordImport(std::string_view file, std::string_view format, uint64_t added,
                            uint64_t updated, uint64_t errors, double seconds) {
  Statement& s = impl_->insert_import;
  Statement::Use use(s);
  s.Bind(1, file);
  s.Bind(2, format);
  s.Bind(3, static_cast<int64_t>(added));
  s.Bind(4, static_cast<int64_t>(updated));
  s.Bind(5, static_cast<int64_t>(errors));
  s.Bind(6, seconds);
  s.Bind(7, std::string_view(NowIsoTime()));
  return s.Run();
}

Status Corpus::RecordPull(const Pull& pull) {
  Result<Statement> s = impl_->db->Prepare(
      "INSERT INTO pulls(source, query, remote_query, started_at, fetched, added, updated, "
      "errors, message, seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!s.ok()) return s.status();
  s->Bind(1, std::string_view(pull.source));
  s->Bind(2, std::string_view(pull.query));
  s->Bind(3, std::string_view(pull.remote_query));
  std::string started = pull.started_at.empty() ? NowIsoTime() : pull.started_at;
  s->Bind(4, std::string_view(started));
  s->Bind(5, static_cast<int64_t>(pull.fetched));
  s->Bind(6, static_cast<int64_t>(pull.added));
  s->Bind(7, static_cast<int64_t>(pull.updated));
  s->Bind(8, static_cast<int64_t>(pull.errors));
  s->Bind(9, std::string_view(pull.message));
  s->Bind(10, pull.seconds);
  return s->Run();
}

Result<std::vector<Corpus::Pull>> Corpus::RecentPulls(size_t limit) {
  Result<Statement> s = impl_->db->Prepare(
      "SELECT source, query, remote_query, started_at, fetched, added, updated, errors, message, "
      "seconds FROM pulls ORDER BY id DESC LIMIT ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, static_cast<int64_t>(limit));
  std::vector<Pull> out;
  while (true) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    Pull p;
    p.source = std::string(s->Text(0));
    p.query = std::string(s->Text(1));
    p.remote_query = std::string(s->Text(2));
    p.started_at = std::string(s->Text(3));
    p.fetched = static_cast<uint64_t>(s->Int(4));
    p.added = static_cast<uint64_t>(s->Int(5));
    p.updated = static_cast<uint64_t>(s->Int(6));
    p.errors = static_cast<uint64_t>(s->Int(7));
    p.message = std::string(s->Text(8));
    p.seconds = s->Double(9);
    out.push_back(std::move(p));
  }
  return out;
}

Status Corpus::SetState(std::string_view name, std::string_view value) {
  const std::string key = "state:" + std::string(name);
  Result<Statement> s = impl_->db->Prepare(
      value.empty() ? "DELETE FROM meta WHERE name = ?1"
                    : "INSERT INTO meta(name, value) VALUES (?1, ?2) "
                      "ON CONFLICT(name) DO UPDATE SET value = excluded.value");
  if (!s.ok()) return s.status();
  s->Bind(1, std::string_view(key));
  if (!value.empty()) s->Bind(2, value);
  return s->Run();
}

Result<std::unordered_map<int64_t, std::string>> Corpus::LastFetched(std::string_view source) {
  std::unordered_map<int64_t, std::string> out;
  Result<Statement> rows = impl_->db->Prepare(
      "SELECT p.paper_key, MAX(s.seen_at) FROM provenance p JOIN sightings s ON s.id = p.sighting "
      "WHERE s.source = ?1 GROUP BY p.paper_key");
  if (!rows.ok()) return rows.status();
  rows->Bind(1, source);
  for (;;) {
    Result<bool> row = rows->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out[rows->Int(0)] = std::string(rows->Text(1));
  }
  // The table's key leads with the paper, so this reads every mark, those of other sources
  // too: a few per paper, once per enrich run.
  Result<Statement> marks =
      impl_->db->Prepare("SELECT paper_key, fetched_at FROM fetch_marks WHERE source = ?1");
  if (!marks.ok()) return marks.status();
  marks->Bind(1, source);
  for (;;) {
    Result<bool> row = marks->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    std::string at(marks->Text(1));
    std::string& have = out[marks->Int(0)];
    if (at > have) have = std::move(at);
  }
  return out;
}

Status Corpus::MarkFetched(std::string_view source, std::span<const int64_t> keys) {
  if (keys.empty()) return Status::Ok();
  Result<Transaction> txn = Transaction::BeginImmediate(*impl_->db);
  if (!txn.ok()) return txn.status();
  // Selecting the paper skips keys removed meanwhile, which the foreign key would refuse.
  Result<Statement> s = impl_->db->Prepare(
      "INSERT INTO fetch_marks(paper_key, source, fetched_at) "
      "SELECT key, ?2, ?3 FROM papers WHERE key = ?1 "
      "ON CONFLICT(paper_key, source) DO UPDATE SET fetched_at = excluded.fetched_at");
  if (!s.ok()) return s.status();
  const std::string now = NowIsoTime();
  for (int64_t key : keys) {
    Statement::Use use(*s);
    s->Bind(1, key);
    s->Bind(2, source);
    s->Bind(3, std::string_view(now));
    PAPERDECK_RETURN_IF_ERROR(s->Run());
  }
  return txn->Commit();
}

Result<std::optional<std::string>> Corpus::State(std::string_view name) {
  const std::string key = "state:" + std::string(name);
  Result<Statement> s = impl_->db->Prepare("SELECT value FROM meta WHERE name = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, std::string_view(key));
  Result<bool> row = s->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(s->Text(0)));
}

Result<CorpusStats> Corpus::Stats() {
  CorpusStats stats;
  Database& db = *impl_->db;
  // One read transaction: the figures describe one state of the corpus.
  PAPERDECK_RETURN_IF_ERROR(db.Exec("BEGIN"));
  struct EndRead {
    Database& db;
    ~EndRead() {
      if (db.InTransaction()) (void)db.Exec("COMMIT");
    }
  } end_read{db};

  auto each_row = [&db](std::string_view sql, auto&& fn) -> Status {
    Result<Statement> q = db.Prepare(sql);
    if (!q.ok()) return q.status();
    while (true) {
      Result<bool> row = q->Step();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      fn(*q);
    }
  };
  Status s = each_row(
      "SELECT COUNT(*), MIN(published), MAX(published) FROM papers", [&](Statement& q) {
        stats.papers = static_cast<uint64_t>(q.Int(0));
        stats.earliest_date = q.Text(1);
        stats.latest_date = q.Text(2);
      });
  if (!s.ok()) return s;
  Result<int64_t> revision = impl_->ReadRevision();
  if (!revision.ok()) return revision.status();
  stats.revision = *revision;
  // The primary category (the first) only: it is the one arXiv files the paper under.
  s = each_row(
      "SELECT json_extract(categories, '$[0]') AS primary_category, COUNT(*) AS n FROM papers "
      "WHERE categories IS NOT NULL GROUP BY primary_category ORDER BY n DESC, primary_category "
      "LIMIT 10",
      [&](Statement& q) {
        stats.top_categories.emplace_back(std::string(q.Text(0)), static_cast<uint64_t>(q.Int(1)));
      });
  if (!s.ok()) return s;
  // Every record carries a title, so each source that ever described a paper left a title row.
  s = each_row(
      "SELECT s.source, COUNT(DISTINCT p.paper_key) AS n FROM provenance p "
      "JOIN sightings s ON s.id = p.sighting WHERE p.field = 'title' "
      "GROUP BY s.source ORDER BY n DESC, s.source",
      [&](Statement& q) {
        stats.by_source.emplace_back(std::string(q.Text(0)), static_cast<uint64_t>(q.Int(1)));
      });
  if (!s.ok()) return s;

  for (const char* suffix : {"", "-wal"}) {
    std::error_code ec;
    uintmax_t bytes = std::filesystem::file_size(impl_->db_path.string() + suffix, ec);
    if (!ec) stats.database_bytes += bytes;
  }
  return stats;
}

}  // namespace paperdeck::library
