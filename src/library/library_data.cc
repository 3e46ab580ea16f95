// The user's library in the corpus: tags, reading states, notes (library_data.h, corpus.h).
#include "library/library_data.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <set>

#include "library/corpus.h"
#include "library/corpus_impl.h"
#include "library/transaction.h"

namespace paperdeck::library {
namespace {

constexpr size_t kMaxTagBytes = 200;

std::string Quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Runs sql with one integer parameter and calls fn on each row.
template <typename Fn>
Status EachRow(Database& db, std::string_view sql, int64_t key, Fn&& fn) {
  Result<Statement> s = db.Prepare(sql);
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    fn(*s);
  }
}

Status Run(Database& db, std::string_view sql, int64_t key) {
  Result<Statement> s = db.Prepare(sql);
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  return s->Run();
}

// Every key names a stored paper, or nothing is written.
Status RequirePapers(Database& db, std::span<const int64_t> keys) {
  for (int64_t key : keys) {
    bool found = false;
    PAPERDECK_RETURN_IF_ERROR(
        EachRow(db, "SELECT 1 FROM papers WHERE key = ?1", key, [&](Statement&) { found = true; }));
    if (!found) return Status::NotFound("no paper with key " + std::to_string(key));
  }
  return Status::Ok();
}

// Keeps library_papers true to the rest: a row while the paper holds a tag, state or note.
Status SyncEntry(Database& db, int64_t key, const std::string& now) {
  bool holds = false;
  PAPERDECK_RETURN_IF_ERROR(EachRow(
      db,
      "SELECT EXISTS(SELECT 1 FROM paper_tags WHERE paper_key = ?1) OR "
      "EXISTS(SELECT 1 FROM reading_states WHERE paper_key = ?1) OR "
      "EXISTS(SELECT 1 FROM notes WHERE paper_key = ?1)",
      key, [&](Statement& s) { holds = s.Int(0) != 0; }));
  if (!holds) return Run(db, "DELETE FROM library_papers WHERE paper_key = ?1", key);
  Result<Statement> s = db.Prepare(
      "INSERT INTO library_papers(paper_key, entered_at) VALUES (?1, ?2) "
      "ON CONFLICT(paper_key) DO NOTHING");
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  s->Bind(2, std::string_view(now));
  return s->Run();
}

Status ForgetUnusedTags(Database& db) {
  return db.Exec("DELETE FROM tags WHERE id NOT IN (SELECT tag FROM paper_tags)");
}

Result<std::vector<std::string>> CleanAll(std::span<const std::string> names) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    Result<std::string> clean = CleanTagName(name);
    if (!clean.ok()) return clean.status();
    out.push_back(std::move(clean).value());
  }
  return out;
}

// A read of several statements that see one state of the corpus.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Database& db) : db_(db) {}
  Status Begin() { return db_.Exec("BEGIN"); }
  ~ReadSnapshot() {
    if (db_.InTransaction()) (void)db_.Exec("COMMIT");
  }

 private:
  Database& db_;
};

}  // namespace

std::string_view ReadingStateName(ReadingState state) {
  switch (state) {
    case ReadingState::kToRead: return "to-read";
    case ReadingState::kReading: return "reading";
    case ReadingState::kRead: return "read";
  }
  return "to-read";
}

std::optional<ReadingState> ParseReadingState(std::string_view name) {
  for (ReadingState s : {ReadingState::kToRead, ReadingState::kReading, ReadingState::kRead}) {
    if (name == ReadingStateName(s)) return s;
  }
  return std::nullopt;
}

Result<std::string> CleanTagName(std::string_view name) {
  const size_t first = name.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return Status::InvalidArgument("a tag name is empty");
  name = name.substr(first, name.find_last_not_of(" \t\r\n") - first + 1);
  const std::string quoted = Quoted(name);
  if (name.size() > kMaxTagBytes) {
    return Status::InvalidArgument("tag " + quoted + " is longer than " +
                                   std::to_string(kMaxTagBytes) + " bytes");
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(name.data());
  const int32_t length = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return Status::InvalidArgument("tag " + quoted + " is not valid UTF-8");
    if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
      return Status::InvalidArgument("tag " + quoted +
                                     " holds white space or a control character");
    }
  }
  if (name.front() == '/' || name.back() == '/' || name.find("//") != std::string_view::npos) {
    return Status::InvalidArgument("tag " + quoted + " has an empty part between slashes");
  }
  return std::string(name);
}

std::string FoldTagName(std::string_view name) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(error);
  if (U_FAILURE(error) || fold == nullptr) return std::string(name);
  icu::UnicodeString folded = fold->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(name.data(), static_cast<int32_t>(name.size()))),
      error);
  if (U_FAILURE(error)) return std::string(name);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

std::string LibraryEntry::Describe() const {
  std::vector<std::string> parts;
  if (!tags.empty()) {
    std::string names;
    for (const std::string& t : tags) names += (names.empty() ? "" : ", ") + t;
    parts.push_back(std::to_string(tags.size()) + (tags.size() == 1 ? " tag (" : " tags (") +
                    names + ")");
  }
  if (state) parts.push_back("reading state " + std::string(ReadingStateName(state->state)));
  if (!notes.empty()) {
    parts.push_back(std::to_string(notes.size()) + (notes.size() == 1 ? " note" : " notes"));
  }
  if (!citation_key.empty()) parts.push_back("citation key " + citation_key);
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

Result<LibraryEntry> ReadLibraryEntry(Database& db, int64_t key) {
  LibraryEntry entry;
  PAPERDECK_RETURN_IF_ERROR(EachRow(db, "SELECT entered_at FROM library_papers WHERE paper_key = ?1",
                                    key, [&](Statement& s) { entry.entered_at = s.Text(0); }));
  PAPERDECK_RETURN_IF_ERROR(EachRow(
      db,
      "SELECT t.name FROM paper_tags pt JOIN tags t ON t.id = pt.tag WHERE pt.paper_key = ?1 "
      "ORDER BY t.folded",
      key, [&](Statement& s) { entry.tags.emplace_back(s.Text(0)); }));
  Status bad_state = Status::Ok();
  PAPERDECK_RETURN_IF_ERROR(
      EachRow(db, "SELECT state, set_at FROM reading_states WHERE paper_key = ?1", key,
              [&](Statement& s) {
                std::optional<ReadingState> state = ParseReadingState(s.Text(0));
                if (!state) {
                  bad_state = Status::Corruption("reading_states: unknown state '" +
                                                 std::string(s.Text(0)) + "'");
                  return;
                }
                entry.state = ReadingStateAt{*state, std::string(s.Text(1))};
              }));
  PAPERDECK_RETURN_IF_ERROR(bad_state);
  PAPERDECK_RETURN_IF_ERROR(EachRow(
      db, "SELECT id, text, created_at, edited_at FROM notes WHERE paper_key = ?1 ORDER BY id", key,
      [&](Statement& s) {
        entry.notes.push_back(Note{s.Int(0), std::string(s.Text(1)), std::string(s.Text(2)),
                                   std::string(s.Text(3))});
      }));
  PAPERDECK_RETURN_IF_ERROR(
      EachRow(db, "SELECT citation_key FROM citation_keys WHERE paper_key = ?1", key,
              [&](Statement& s) { entry.citation_key = s.Text(0); }));
  return entry;
}

Status DropLibraryData(Database& db, int64_t key) {
  PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM paper_tags WHERE paper_key = ?1", key));
  PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM reading_states WHERE paper_key = ?1", key));
  PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM notes WHERE paper_key = ?1", key));
  PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM library_papers WHERE paper_key = ?1", key));
  PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM citation_keys WHERE paper_key = ?1", key));
  return ForgetUnusedTags(db);
}

Status ApplyCarriedLibrary(Database& db, int64_t key, const CarriedLibrary& carried,
                           const std::string& now) {
  if (carried.empty()) return Status::Ok();
  for (const std::string& time : {carried.state_set_at, carried.entered_at}) {
    if (!time.empty() && !IsIsoTime(time)) {
      return Status::InvalidArgument("time '" + time + "' is not YYYY-MM-DDTHH:MM:SSZ");
    }
  }
  for (const CarriedNote& note : carried.notes) {
    for (const std::string& time : {note.created_at, note.edited_at}) {
      if (!time.empty() && !IsIsoTime(time)) {
        return Status::InvalidArgument("note time '" + time + "' is not YYYY-MM-DDTHH:MM:SSZ");
      }
    }
  }

  // Tags: added, as ChangeTags adds them.
  Result<std::vector<std::string>> tags = CleanAll(carried.tags);
  if (!tags.ok()) return tags.status();
  for (const std::string& name : *tags) {
    const std::string folded = FoldTagName(name);
    Result<Statement> insert_tag = db.Prepare(
        "INSERT INTO tags(name, folded, created_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(folded) DO NOTHING");
    if (!insert_tag.ok()) return insert_tag.status();
    insert_tag->Bind(1, std::string_view(name));
    insert_tag->Bind(2, std::string_view(folded));
    insert_tag->Bind(3, std::string_view(now));
    PAPERDECK_RETURN_IF_ERROR(insert_tag->Run());
    Result<Statement> tag_paper = db.Prepare(
        "INSERT INTO paper_tags(paper_key, tag, tagged_at) "
        "SELECT ?1, id, ?3 FROM tags WHERE folded = ?2 "
        "ON CONFLICT(paper_key, tag) DO NOTHING");
    if (!tag_paper.ok()) return tag_paper.status();
    tag_paper->Bind(1, key);
    tag_paper->Bind(2, std::string_view(folded));
    tag_paper->Bind(3, std::string_view(now));
    PAPERDECK_RETURN_IF_ERROR(tag_paper->Run());
  }

  // The state: taken when the paper has none, or one set before the carried one was.
  if (!carried.state.empty()) {
    if (!ParseReadingState(carried.state)) {
      return Status::InvalidArgument("reading state '" + carried.state +
                                     "' is not to-read, reading or read");
    }
    const std::string set_at = carried.state_set_at.empty() ? now : carried.state_set_at;
    std::optional<std::string> have_at;
    PAPERDECK_RETURN_IF_ERROR(EachRow(db, "SELECT set_at FROM reading_states WHERE paper_key = ?1",
                                      key, [&](Statement& s) { have_at = s.Text(0); }));
    if (!have_at || *have_at < set_at) {
      PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM reading_states WHERE paper_key = ?1", key));
      Result<Statement> s = db.Prepare(
          "INSERT INTO reading_states(paper_key, state, set_at) VALUES (?1, ?2, ?3)");
      if (!s.ok()) return s.status();
      s->Bind(1, key);
      s->Bind(2, std::string_view(carried.state));
      s->Bind(3, std::string_view(set_at));
      PAPERDECK_RETURN_IF_ERROR(s->Run());
    }
  }

  // Notes: those the paper does not hold yet (the same text written at the same time).
  for (const CarriedNote& note : carried.notes) {
    if (Blank(note.text)) continue;
    const std::string created = note.created_at.empty() ? now : note.created_at;
    const std::string edited = note.edited_at.empty() ? created : note.edited_at;
    Result<Statement> s = db.Prepare(
        "INSERT INTO notes(paper_key, text, created_at, edited_at) "
        "SELECT ?1, ?2, ?3, ?4 WHERE NOT EXISTS (SELECT 1 FROM notes WHERE paper_key = ?1 "
        "AND text = ?2 AND created_at = ?3)");
    if (!s.ok()) return s.status();
    s->Bind(1, key);
    s->Bind(2, std::string_view(note.text));
    s->Bind(3, std::string_view(created));
    s->Bind(4, std::string_view(edited));
    PAPERDECK_RETURN_IF_ERROR(s->Run());
  }

  PAPERDECK_RETURN_IF_ERROR(SyncEntry(db, key, now));
  if (carried.entered_at.empty()) return Status::Ok();
  // The earlier of the two times the paper entered the library.
  Result<Statement> s = db.Prepare(
      "UPDATE library_papers SET entered_at = ?2 WHERE paper_key = ?1 AND entered_at > ?2");
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  s->Bind(2, std::string_view(carried.entered_at));
  return s->Run();
}

Status Corpus::ChangeTags(std::span<const int64_t> keys, std::span<const std::string> add,
                          std::span<const std::string> remove) {
  Result<std::vector<std::string>> added = CleanAll(add);
  if (!added.ok()) return added.status();
  Result<std::vector<std::string>> removed = CleanAll(remove);
  if (!removed.ok()) return removed.status();
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_RETURN_IF_ERROR(RequirePapers(db, keys));
  const std::string now = NowIsoTime();

  Result<Statement> insert_tag = db.Prepare(
      "INSERT INTO tags(name, folded, created_at) VALUES (?1, ?2, ?3) "
      "ON CONFLICT(folded) DO NOTHING");
  if (!insert_tag.ok()) return insert_tag.status();
  Result<Statement> tag_paper = db.Prepare(
      "INSERT INTO paper_tags(paper_key, tag, tagged_at) "
      "SELECT ?1, id, ?3 FROM tags WHERE folded = ?2 "
      "ON CONFLICT(paper_key, tag) DO NOTHING");
  if (!tag_paper.ok()) return tag_paper.status();
  Result<Statement> untag_paper = db.Prepare(
      "DELETE FROM paper_tags WHERE paper_key = ?1 "
      "AND tag = (SELECT id FROM tags WHERE folded = ?2)");
  if (!untag_paper.ok()) return untag_paper.status();

  for (const std::string& name : *added) {
    const std::string folded = FoldTagName(name);
    {
      Statement::Use use(*insert_tag);
      insert_tag->Bind(1, std::string_view(name));
      insert_tag->Bind(2, std::string_view(folded));
      insert_tag->Bind(3, std::string_view(now));
      PAPERDECK_RETURN_IF_ERROR(insert_tag->Run());
    }
    for (int64_t key : keys) {
      Statement::Use use(*tag_paper);
      tag_paper->Bind(1, key);
      tag_paper->Bind(2, std::string_view(folded));
      tag_paper->Bind(3, std::string_view(now));
      PAPERDECK_RETURN_IF_ERROR(tag_paper->Run());
    }
  }
  for (const std::string& name : *removed) {
    const std::string folded = FoldTagName(name);
    for (int64_t key : keys) {
      Statement::Use use(*untag_paper);
      untag_paper->Bind(1, key);
      untag_paper->Bind(2, std::string_view(folded));
      PAPERDECK_RETURN_IF_ERROR(untag_paper->Run());
    }
  }
  PAPERDECK_RETURN_IF_ERROR(ForgetUnusedTags(db));
  for (int64_t key : keys) PAPERDECK_RETURN_IF_ERROR(SyncEntry(db, key, now));
  return txn->Commit();
}

Status Corpus::AddTags(int64_t key, std::span<const std::string> names) {
  return ChangeTags(std::span<const int64_t>(&key, 1), names, {});
}

Status Corpus::RemoveTags(int64_t key, std::span<const std::string> names) {
  return ChangeTags(std::span<const int64_t>(&key, 1), {}, names);
}

Result<std::vector<TagCount>> Corpus::Tags() {
  Result<Statement> s = impl_->db->Prepare(
      "SELECT t.name, COUNT(*) FROM tags t JOIN paper_tags pt ON pt.tag = t.id "
      "GROUP BY t.id ORDER BY t.folded");
  if (!s.ok()) return s.status();
  std::vector<TagCount> out;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(TagCount{std::string(s->Text(0)), static_cast<uint64_t>(s->Int(1))});
  }
}

Result<std::vector<std::string>> Corpus::TagsOf(int64_t key) {
  Result<LibraryEntry> entry = LibraryOf(key);
  if (!entry.ok()) return entry.status();
  return std::move(entry->tags);
}

Status Corpus::SetReadingState(std::span<const int64_t> keys, std::optional<ReadingState> state) {
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_RETURN_IF_ERROR(RequirePapers(db, keys));
  const std::string now = NowIsoTime();
  for (int64_t key : keys) {
    if (state) {
      std::string have;
      PAPERDECK_RETURN_IF_ERROR(EachRow(db, "SELECT state FROM reading_states WHERE paper_key = ?1",
                                        key, [&](Statement& s) { have = s.Text(0); }));
      if (have == ReadingStateName(*state)) continue;
    }
    // Deleted and inserted anew: a new row id, so marks made in one second keep their order.
    PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM reading_states WHERE paper_key = ?1", key));
    if (state) {
      Result<Statement> s = db.Prepare(
          "INSERT INTO reading_states(paper_key, state, set_at) VALUES (?1, ?2, ?3)");
      if (!s.ok()) return s.status();
      s->Bind(1, key);
      s->Bind(2, ReadingStateName(*state));
      s->Bind(3, std::string_view(now));
      PAPERDECK_RETURN_IF_ERROR(s->Run());
    }
    PAPERDECK_RETURN_IF_ERROR(SyncEntry(db, key, now));
  }
  return txn->Commit();
}

Result<std::optional<ReadingStateAt>> Corpus::ReadingStateOf(int64_t key) {
  Result<LibraryEntry> entry = LibraryOf(key);
  if (!entry.ok()) return entry.status();
  return entry->state;
}

Result<std::vector<Corpus::QueueEntry>> Corpus::Queue() {
  Database& db = *impl_->db;
  ReadSnapshot snapshot(db);
  PAPERDECK_RETURN_IF_ERROR(snapshot.Begin());
  std::vector<std::pair<int64_t, std::string>> marks;
  {
    Result<Statement> s = db.Prepare(
        "SELECT paper_key, set_at FROM reading_states WHERE state = 'to-read' "
        "ORDER BY set_at, id");
    if (!s.ok()) return s.status();
    for (;;) {
      Result<bool> row = s->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      marks.emplace_back(s->Int(0), std::string(s->Text(1)));
    }
  }
  std::vector<QueueEntry> out;
  for (auto& [key, at] : marks) {
    Result<std::optional<StoredPaper>> paper = impl_->Load(key);
    if (!paper.ok()) return paper.status();
    if (paper->has_value()) out.push_back(QueueEntry{std::move(**paper), std::move(at)});
  }
  return out;
}

Result<int64_t> Corpus::AddNote(int64_t key, std::string_view text) {
  if (Blank(text)) return Status::InvalidArgument("the note is empty");
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_RETURN_IF_ERROR(RequirePapers(db, std::span<const int64_t>(&key, 1)));
  const std::string now = NowIsoTime();
  Result<Statement> s = db.Prepare(
      "INSERT INTO notes(paper_key, text, created_at, edited_at) VALUES (?1, ?2, ?3, ?3)");
  if (!s.ok()) return s.status();
  s->Bind(1, key);
  s->Bind(2, text);
  s->Bind(3, std::string_view(now));
  PAPERDECK_RETURN_IF_ERROR(s->Run());
  const int64_t id = db.LastInsertKey();
  PAPERDECK_RETURN_IF_ERROR(SyncEntry(db, key, now));
  PAPERDECK_RETURN_IF_ERROR(txn->Commit());
  return id;
}

namespace {

// The paper holds note_id, or NotFound naming both.
Status RequireNote(Database& db, int64_t key, int64_t note_id) {
  Result<Statement> s = db.Prepare("SELECT paper_key FROM notes WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, note_id);
  Result<bool> row = s->Step();
  if (!row.ok()) return row.status();
  if (!*row || s->Int(0) != key) {
    return Status::NotFound("the paper has no note " + std::to_string(note_id));
  }
  return Status::Ok();
}

}  // namespace

Status Corpus::EditNote(int64_t key, int64_t note_id, std::string_view text) {
  if (Blank(text)) return Status::InvalidArgument("the note is empty");
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_RETURN_IF_ERROR(RequireNote(db, key, note_id));
  Result<Statement> s = db.Prepare("UPDATE notes SET text = ?2, edited_at = ?3 WHERE id = ?1");
  if (!s.ok()) return s.status();
  s->Bind(1, note_id);
  s->Bind(2, text);
  s->Bind(3, std::string_view(NowIsoTime()));
  PAPERDECK_RETURN_IF_ERROR(s->Run());
  return txn->Commit();
}

Status Corpus::DeleteNote(int64_t key, int64_t note_id) {
  Database& db = *impl_->db;
  Result<Transaction> txn = Transaction::BeginImmediate(db);
  if (!txn.ok()) return txn.status();
  PAPERDECK_RETURN_IF_ERROR(RequireNote(db, key, note_id));
  PAPERDECK_RETURN_IF_ERROR(Run(db, "DELETE FROM notes WHERE id = ?1", note_id));
  PAPERDECK_RETURN_IF_ERROR(SyncEntry(db, key, NowIsoTime()));
  return txn->Commit();
}

Result<std::vector<Note>> Corpus::NotesOf(int64_t key) {
  Result<LibraryEntry> entry = LibraryOf(key);
  if (!entry.ok()) return entry.status();
  return std::move(entry->notes);
}

Result<LibraryEntry> Corpus::LibraryOf(int64_t key) {
  Database& db = *impl_->db;
  ReadSnapshot snapshot(db);
  PAPERDECK_RETURN_IF_ERROR(snapshot.Begin());
  return ReadLibraryEntry(db, key);
}

Result<std::vector<int64_t>> Corpus::LibraryPapers() {
  Result<Statement> s =
      impl_->db->Prepare("SELECT paper_key FROM library_papers ORDER BY entered_at, paper_key");
  if (!s.ok()) return s.status();
  std::vector<int64_t> out;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(s->Int(0));
  }
}

Result<bool> Corpus::HasLibraryData(int64_t key) {
  bool found = false;
  PAPERDECK_RETURN_IF_ERROR(EachRow(*impl_->db, "SELECT 1 FROM library_papers WHERE paper_key = ?1",
                                    key, [&](Statement&) { found = true; }));
  return found;
}

}  // namespace paperdeck::library
