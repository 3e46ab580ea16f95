// The reads a search makes of the user's library (corpus.h: PapersTagged ... PapersByEntry):
// the papers a `tag:`, `state:` or `has:` filter names, every note for `note:`, and the order
// papers entered the library for `--sort added`.
#include <initializer_list>
#include <string>

#include "library/corpus.h"
#include "library/corpus_impl.h"
#include "library/library_data.h"

namespace paperdeck::library {
namespace {

// The integer first column of every row of sql, bound to the given texts (?1, ?2...).
Result<std::vector<int64_t>> Keys(Database& db, std::string_view sql,
                                  std::initializer_list<std::string_view> texts = {}) {
  Result<Statement> s = db.Prepare(sql);
  if (!s.ok()) return s.status();
  int i = 1;
  for (std::string_view t : texts) s->Bind(i++, t);
  std::vector<int64_t> out;
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(s->Int(0));
  }
}

}  // namespace

Result<std::vector<int64_t>> Corpus::PapersTagged(std::string_view name) {
  Result<std::string> clean = CleanTagName(name);
  if (!clean.ok()) return std::vector<int64_t>{};  // no tag is named so
  // Nested names are the folded name, '/', anything: the range ["f/", "f0") in byte order
  // ('0' follows '/'), which the UNIQUE index on folded answers.
  const std::string folded = FoldTagName(*clean);
  // A paper under two of the tags comes twice, in no order: the caller's set takes care of both
  // (sorting and de-duplicating in SQL took most of the time for a 100k-paper tag).
  return Keys(*impl_->db,
              "SELECT paper_key FROM paper_tags WHERE tag IN "
              "(SELECT id FROM tags WHERE folded = ?1 OR (folded >= ?2 AND folded < ?3))",
              {folded, folded + "/", folded + "0"});
}

Result<std::vector<int64_t>> Corpus::PapersInState(std::optional<ReadingState> state) {
  if (!state) return Keys(*impl_->db, "SELECT paper_key FROM reading_states ORDER BY paper_key");
  return Keys(*impl_->db,
              "SELECT paper_key FROM reading_states WHERE state = ?1 ORDER BY paper_key",
              {ReadingStateName(*state)});
}

Result<std::vector<int64_t>> Corpus::PapersWithTags() {
  return Keys(*impl_->db, "SELECT DISTINCT paper_key FROM paper_tags ORDER BY paper_key");
}

Result<std::vector<int64_t>> Corpus::PapersWithNotes() {
  return Keys(*impl_->db, "SELECT DISTINCT paper_key FROM notes ORDER BY paper_key");
}

Status Corpus::EachNote(const std::function<void(int64_t key, std::string_view text)>& fn) {
  Result<Statement> s = impl_->db->Prepare("SELECT paper_key, text FROM notes ORDER BY id");
  if (!s.ok()) return s.status();
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    fn(s->Int(0), s->Text(1));
  }
}

Result<std::vector<int64_t>> Corpus::PapersByEntry() {
  return Keys(*impl_->db, "SELECT paper_key FROM library_papers ORDER BY entered_at, paper_key");
}

Result<int64_t> Corpus::LibraryRevision() {
  PAPERDECK_ASSIGN_OR_RETURN(
      std::vector<int64_t> value,
      Keys(*impl_->db, "SELECT CAST(value AS INTEGER) FROM meta WHERE name = 'library_revision'"));
  if (value.size() != 1) {
    return Status::Corruption(impl_->db_path.string() + ": meta has no library_revision");
  }
  return value[0];
}

}  // namespace paperdeck::library
