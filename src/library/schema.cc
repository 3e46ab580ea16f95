#include "library/schema.h"

#include <string>
#include <string_view>

#include "library/transaction.h"

namespace paperdeck::library {
namespace {

struct Migration {
  int64_t version;  // the schema version after this migration
  std::string_view sql;
};

// Append-only: a released migration is never edited, a change is a new entry.
constexpr Migration kMigrations[] = {
    {1, R"sql(
CREATE TABLE meta (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- AUTOINCREMENT: a key is never handed out twice, even after the paper holding the highest key
-- is removed, so the index never confuses a removed paper with a new one.
CREATE TABLE papers (
  key              INTEGER PRIMARY KEY AUTOINCREMENT,
  id               TEXT    NOT NULL UNIQUE,
  arxiv_id         TEXT,
  doi              TEXT,
  title_key        TEXT    NOT NULL,
  title            TEXT    NOT NULL,
  abstract         TEXT,
  authors          TEXT,
  authors_complete INTEGER NOT NULL DEFAULT 1,
  categories       TEXT,
  published        TEXT,
  updated          TEXT,
  venue            TEXT,
  year             INTEGER,
  citations        INTEGER,
  upvotes          INTEGER,
  is_new           INTEGER NOT NULL DEFAULT 0,
  badges           TEXT,
  links            TEXT,
  versions         TEXT,
  comments         TEXT,
  journal_ref      TEXT,
  revision         INTEGER NOT NULL,
  added_at         TEXT    NOT NULL,
  changed_at       TEXT    NOT NULL
);
CREATE INDEX papers_arxiv_id  ON papers(arxiv_id) WHERE arxiv_id IS NOT NULL;
CREATE INDEX papers_doi       ON papers(doi) WHERE doi IS NOT NULL;
CREATE INDEX papers_title_key ON papers(title_key);
CREATE INDEX papers_revision  ON papers(revision);

-- One source seen in one batch: the who, where and when that every provenance row of that
-- batch shares, stored once instead of on each of its rows.
CREATE TABLE sightings (
  id      INTEGER PRIMARY KEY,
  source  TEXT NOT NULL,
  origin  TEXT NOT NULL,
  seen_at TEXT NOT NULL
);

CREATE TABLE provenance (
  id        INTEGER PRIMARY KEY,
  paper_key INTEGER NOT NULL REFERENCES papers(key) ON DELETE CASCADE,
  sighting  INTEGER NOT NULL REFERENCES sightings(id),
  field     TEXT    NOT NULL,
  value     TEXT    NOT NULL
);
CREATE INDEX provenance_paper ON provenance(paper_key);

CREATE TABLE removed (
  key      INTEGER PRIMARY KEY,
  id       TEXT    NOT NULL,
  revision INTEGER NOT NULL
);
CREATE INDEX removed_revision ON removed(revision);

CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  file        TEXT    NOT NULL,
  format      TEXT    NOT NULL,
  added       INTEGER NOT NULL,
  updated     INTEGER NOT NULL,
  errors      INTEGER NOT NULL,
  seconds     REAL    NOT NULL,
  finished_at TEXT    NOT NULL
);

INSERT INTO meta(name, value) VALUES ('revision', '0');
)sql"},
    // Every pull from a remote source (`paperdeck pull`), for `paperdeck status`.
    {2, R"sql(
CREATE TABLE pulls (
  id           INTEGER PRIMARY KEY,
  source       TEXT    NOT NULL,
  query        TEXT    NOT NULL,
  remote_query TEXT    NOT NULL,
  started_at   TEXT    NOT NULL,
  fetched      INTEGER NOT NULL,
  added        INTEGER NOT NULL,
  updated      INTEGER NOT NULL,
  errors       INTEGER NOT NULL,
  message      TEXT    NOT NULL,
  seconds      REAL    NOT NULL
);
)sql"},
    // When a source was last asked about a paper (Corpus::MarkFetched), in a table of its own so
    // that the marks go with their paper, instead of `fetched:SOURCE:KEY` rows in meta that
    // outlived it. The meta rows move here; those of papers since removed are dropped. A name
    // is split at its last ':' (KEY is digits, SOURCE the rest); two names of one paper and
    // source ("...:7", "...:07") keep the newer time, as LastFetched answered.
    {3, R"sql(
CREATE TABLE fetch_marks (
  paper_key  INTEGER NOT NULL REFERENCES papers(key) ON DELETE CASCADE,
  source     TEXT    NOT NULL,
  fetched_at TEXT    NOT NULL,
  PRIMARY KEY (paper_key, source)
) WITHOUT ROWID;

INSERT INTO fetch_marks(paper_key, source, fetched_at)
SELECT p.key, m.source, MAX(m.fetched_at)
FROM (SELECT substr(head, 9, length(head) - 9) AS source,
             substr(name, length(head) + 1)   AS key_text,
             value                            AS fetched_at,
             head
      FROM (SELECT name, value, rtrim(name, '0123456789') AS head FROM meta
            WHERE name GLOB 'fetched:*')) AS m
JOIN papers p ON p.key = CAST(m.key_text AS INTEGER)
WHERE m.key_text <> '' AND m.head GLOB 'fetched:?*:'
GROUP BY p.key, m.source;

DELETE FROM meta WHERE name GLOB 'fetched:*';
)sql"},
    // The user's own library: tags, a reading state and notes per paper, and when the paper
    // entered the library. None of it can be fetched again, so the references to papers do not
    // cascade: deleting a paper that holds any of it fails (Corpus::Remove removes it first, and
    // only when told to).
    {4, R"sql(
CREATE TABLE library_papers (
  paper_key  INTEGER PRIMARY KEY REFERENCES papers(key),
  entered_at TEXT    NOT NULL
);

CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  folded     TEXT    NOT NULL UNIQUE,
  created_at TEXT    NOT NULL
);

CREATE TABLE paper_tags (
  paper_key INTEGER NOT NULL REFERENCES papers(key),
  tag       INTEGER NOT NULL REFERENCES tags(id),
  tagged_at TEXT    NOT NULL,
  PRIMARY KEY (paper_key, tag)
) WITHOUT ROWID;
CREATE INDEX paper_tags_tag ON paper_tags(tag);

CREATE TABLE reading_states (
  id        INTEGER PRIMARY KEY,
  paper_key INTEGER NOT NULL UNIQUE REFERENCES papers(key),
  state     TEXT    NOT NULL CHECK (state IN ('to-read', 'reading', 'read')),
  set_at    TEXT    NOT NULL
);
CREATE INDEX reading_states_state ON reading_states(state, set_at);

CREATE TABLE notes (
  id         INTEGER PRIMARY KEY,
  paper_key  INTEGER NOT NULL REFERENCES papers(key),
  text       TEXT    NOT NULL,
  created_at TEXT    NOT NULL,
  edited_at  TEXT    NOT NULL
);
CREATE INDEX notes_paper ON notes(paper_key);
)sql"},
    // Citation keys, pinned once given (the first export, or a file that named one), so a paper
    // keeps its key in every later export. The user's own, like tags: no cascade. The key is
    // unique without regard to ASCII case (a .bib file cannot hold two keys differing in case
    // alone); `how` is 'generated' or the source that gave it ("paperdeck-jsonl", "bibtex").
    {5, R"sql(
CREATE TABLE citation_keys (
  paper_key    INTEGER PRIMARY KEY REFERENCES papers(key),
  citation_key TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  pinned_at    TEXT    NOT NULL,
  how          TEXT    NOT NULL
);
)sql"},
    // A revision of the library alone, bumped by triggers on every change to the tables a search's
    // `tag:`, `state:`, `has:`, `note:` and `--sort added` read, whoever writes them: a search
    // keeps the sets it read while the number stays the same (workspace/library_sets.h).
    {6, R"sql(
INSERT OR IGNORE INTO meta(name, value) VALUES ('library_revision', '0');
CREATE TRIGGER library_papers_insert AFTER INSERT ON library_papers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER library_papers_update AFTER UPDATE ON library_papers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER library_papers_delete AFTER DELETE ON library_papers BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER tags_insert AFTER INSERT ON tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER tags_update AFTER UPDATE ON tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER tags_delete AFTER DELETE ON tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER paper_tags_insert AFTER INSERT ON paper_tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER paper_tags_update AFTER UPDATE ON paper_tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER paper_tags_delete AFTER DELETE ON paper_tags BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER reading_states_insert AFTER INSERT ON reading_states BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER reading_states_update AFTER UPDATE ON reading_states BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER reading_states_delete AFTER DELETE ON reading_states BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER notes_insert AFTER INSERT ON notes BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER notes_update AFTER UPDATE ON notes BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
CREATE TRIGGER notes_delete AFTER DELETE ON notes BEGIN
  UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE name = 'library_revision';
END;
)sql"},
    // Keeping up. `entered_revision`: the corpus revision of the batch that first stored the paper,
    // or stored a newer version of it (more versions than before), which "new since you looked"
    // compares with the revision a saved search was last looked at. Papers stored before this
    // migration entered at the revision that last changed them (the best the file knows).
    // `saved_searches` are the user's own, like tags (nothing cascades into them).
    // `source_usage` is the quota meter: what was asked of each source per UTC day.
    {7, R"sql(
ALTER TABLE papers ADD COLUMN entered_revision INTEGER NOT NULL DEFAULT 0;
UPDATE papers SET entered_revision = revision;
CREATE INDEX papers_entered_revision ON papers(entered_revision);
CREATE INDEX papers_added_at ON papers(added_at);

CREATE TABLE saved_searches (
  id            INTEGER PRIMARY KEY,
  name          TEXT    NOT NULL UNIQUE COLLATE NOCASE,
  query         TEXT    NOT NULL,
  pull          INTEGER NOT NULL DEFAULT 1 CHECK (pull IN (0, 1)),
  created_at    TEXT    NOT NULL,
  seen_revision INTEGER,
  looked_at     TEXT,
  synced_at     TEXT
);

CREATE TABLE source_usage (
  day          TEXT    NOT NULL,
  source       TEXT    NOT NULL,
  requests     INTEGER NOT NULL DEFAULT 0,
  bytes        INTEGER NOT NULL DEFAULT 0,
  wait_ms      INTEGER NOT NULL DEFAULT 0,
  errors       INTEGER NOT NULL DEFAULT 0,
  next_allowed TEXT,
  PRIMARY KEY (day, source)
) WITHOUT ROWID;
)sql"},
    // A saved search is a query or a recommendation (papers like those its query selects, those
    // excluded). A recommendation's papers are a ranking, not a set of matches, so what it has
    // shown is kept: each paper at the revision its shown version entered (a newer version is new
    // again). Rows go with their saved search; they name papers without holding them (a removed
    // paper's row is harmless). Existing saved searches are queries.
    {8, R"sql(
ALTER TABLE saved_searches ADD COLUMN kind TEXT NOT NULL DEFAULT 'query'
  CHECK (kind IN ('query', 'recommend'));

CREATE TABLE saved_search_shown (
  search           INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
  paper_key        INTEGER NOT NULL,
  entered_revision INTEGER NOT NULL,
  PRIMARY KEY (search, paper_key)
) WITHOUT ROWID;
)sql"},
};

Status Pragma(Database& db, std::string_view sql) { return db.Exec(sql); }

Status RefuseNewer(Database& db, int64_t version) {
  if (version <= kSchemaVersion) return Status::Ok();
  return Status::Corruption(db.path().string() + ": schema version " + std::to_string(version) +
                            " is newer than this build knows (" + std::to_string(kSchemaVersion) +
                            "); upgrade paperdeck");
}

}  // namespace

Status ConfigureConnection(Database& db) {
  // busy_timeout first: switching to WAL needs a lock another process may hold.
  PAPERDECK_RETURN_IF_ERROR(Pragma(db, "PRAGMA busy_timeout=10000"));
  Result<Statement> wal = db.Prepare("PRAGMA journal_mode=WAL");
  if (!wal.ok()) return wal.status();
  {
    Statement::Use use(*wal);
    Result<bool> row = wal->Step();
    if (!row.ok()) return row.status();
    if (!*row || wal->Text(0) != "wal") {
      return Status::IOError(db.path().string() + ": cannot switch the journal to WAL mode (got '" +
                             std::string(*row ? wal->Text(0) : "") + "')");
    }
  }
  PAPERDECK_RETURN_IF_ERROR(Pragma(db, "PRAGMA synchronous=NORMAL"));
  PAPERDECK_RETURN_IF_ERROR(Pragma(db, "PRAGMA foreign_keys=ON"));
  // A larger page cache (32 MB) keeps the indexes of a big import in memory.
  return Pragma(db, "PRAGMA cache_size=-32768");
}

Result<int64_t> SchemaVersion(Database& db) {
  Result<Statement> has_meta =
      db.Prepare("SELECT 1 FROM sqlite_schema WHERE type='table' AND name='meta'");
  if (!has_meta.ok()) return has_meta.status();
  Result<bool> row = has_meta->Step();
  if (!row.ok()) return row.status();
  if (!*row) return int64_t{0};
  Result<Statement> version = db.Prepare("SELECT value FROM meta WHERE name='schema_version'");
  if (!version.ok()) return version.status();
  row = version->Step();
  if (!row.ok()) return row.status();
  if (!*row) return int64_t{0};
  std::string text(version->Text(0));
  try {
    return static_cast<int64_t>(std::stoll(text));
  } catch (...) {
    return Status::Corruption(db.path().string() + ": meta.schema_version is not a number: '" +
                              text + "'");
  }
}

Status MigrateSchema(Database& db) {
  // The common case, an up-to-date database, needs no write lock: a reader opening the corpus
  // while an import runs must not queue behind it.
  Result<int64_t> before = SchemaVersion(db);
  if (!before.ok()) return before.status();
  PAPERDECK_RETURN_IF_ERROR(RefuseNewer(db, *before));
  if (*before == kSchemaVersion) return Status::Ok();
  for (const Migration& m : kMigrations) {
    Result<Transaction> txn = Transaction::BeginImmediate(db);
    if (!txn.ok()) return txn.status();
    // Read inside the write transaction: another process may have migrated meanwhile.
    Result<int64_t> current = SchemaVersion(db);
    if (!current.ok()) return current.status();
    PAPERDECK_RETURN_IF_ERROR(RefuseNewer(db, *current));
    if (*current >= m.version) continue;  // already applied; the empty transaction rolls back
    PAPERDECK_RETURN_IF_ERROR(db.Exec(m.sql));
    Result<Statement> set = db.Prepare(
        "INSERT INTO meta(name, value) VALUES ('schema_version', ?1) "
        "ON CONFLICT(name) DO UPDATE SET value=excluded.value");
    if (!set.ok()) return set.status();
    set->Bind(1, std::to_string(m.version));
    PAPERDECK_RETURN_IF_ERROR(set->Run());
    PAPERDECK_RETURN_IF_ERROR(txn->Commit());
  }
  return Status::Ok();
}

}  // namespace paperdeck::library
