// PaperColumns: the columns of the `papers` table, described once. Each entry names a column,
// says how its value is bound from a PaperRecord being written (or from what the corpus adds:
// the title key, the batch's revision and time) and how it is read back into a StoredPaper. The
// SELECT column list, the INSERT and UPDATE statements, the binding and the reading
// (paper_row.h) are all made from this table, in its order, so adding a column is one entry here
// (plus its migration in schema.cc, and docs/schema.md).
//
// What is stored is as docs/schema.md says: a fact no source gave is NULL (empty text or list,
// year 0, missing count); lists are JSON arrays (paper_json.h); flags are 0 or 1.
//
// Threading: constants, and functions of their arguments only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "library/corpus.h"
#include "library/paper_json.h"
#include "library/sqlite_handle.h"
#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::library {

// One paper as it is written: the record's facts, and what the corpus adds to them.
struct PaperWrite {
  const PaperRecord& record;  // record.id is the canonical id
  std::string_view title_key;
  int64_t revision = 0;  // the batch's revision
  std::string_view now;  // the batch's time, ISO UTC
};

struct PaperColumn {
  std::string_view name;
  // Binds the column's value as parameter `index`. Null for `key`, which SQLite assigns.
  void (*bind)(Statement& statement, int index, const PaperWrite& write);
  // Reads the column from result column `column` into *paper; Corruption (saying only what is
  // wrong with the text: the caller names the row and column) when it does not hold what it
  // should. Null for columns that are written but not read back (title_key, changed_at).
  Status (*read)(const Statement& statement, int column, StoredPaper* paper);
  // False for a column written once, when the paper is added (added_at).
  bool updated = true;
  // Read by a PaperFields::kIndexed scan: what sync/paper_document.cc builds the index from.
  bool indexed = false;
};

namespace paper_column {

inline constexpr bool kIndexed = true;

template <std::string PaperRecord::*kField>
void BindText(Statement& s, int i, const PaperWrite& w) {
  s.BindTextOrNull(i, w.record.*kField);
}
// Bound as given, even when empty: the column is NOT NULL (id, title).
template <std::string PaperRecord::*kField>
void BindRequiredText(Statement& s, int i, const PaperWrite& w) {
  s.Bind(i, std::string_view(w.record.*kField));
}
template <std::string PaperRecord::*kField>
Status ReadText(const Statement& s, int c, StoredPaper* p) {
  p->record.*kField = s.Text(c);
  return Status::Ok();
}

template <std::vector<std::string> PaperRecord::*kField>
void BindStrings(Statement& s, int i, const PaperWrite& w) {
  s.BindTextOrNull(i, EncodeStrings(w.record.*kField));
}
template <std::vector<std::string> PaperRecord::*kField>
Status ReadStrings(const Statement& s, int c, StoredPaper* p) {
  Result<std::vector<std::string>> values = DecodeStrings(s.Text(c));
  if (!values.ok()) return values.status();
  p->record.*kField = std::move(values).value();
  return Status::Ok();
}

template <bool PaperRecord::*kField>
void BindFlag(Statement& s, int i, const PaperWrite& w) {
  s.Bind(i, int64_t{w.record.*kField ? 1 : 0});
}
template <bool PaperRecord::*kField>
Status ReadFlag(const Statement& s, int c, StoredPaper* p) {
  p->record.*kField = s.Int(c) != 0;
  return Status::Ok();
}

template <std::optional<int64_t> PaperRecord::*kField>
void BindCount(Statement& s, int i, const PaperWrite& w) {
  s.BindIntOrNull(i, w.record.*kField);
}
template <std::optional<int64_t> PaperRecord::*kField>
Status ReadCount(const Statement& s, int c, StoredPaper* p) {
  p->record.*kField = s.IntOrNull(c);
  return Status::Ok();
}

inline void BindYear(Statement& s, int i, const PaperWrite& w) {
  const int year = w.record.year;
  s.BindIntOrNull(i, year != 0 ? std::optional<int64_t>(year) : std::nullopt);
}
inline Status ReadYear(const Statement& s, int c, StoredPaper* p) {
  p->record.year = static_cast<int>(s.Int(c));
  return Status::Ok();
}

inline void BindVersions(Statement& s, int i, const PaperWrite& w) {
  s.BindTextOrNull(i, EncodeVersions(w.record.versions));
}
inline Status ReadVersions(const Statement& s, int c, StoredPaper* p) {
  Result<std::vector<PaperVersion>> versions = DecodeVersions(s.Text(c));
  if (!versions.ok()) return versions.status();
  p->record.versions = std::move(versions).value();
  return Status::Ok();
}

inline Status ReadKey(const Statement& s, int c, StoredPaper* p) {
  p->key = s.Int(c);
  return Status::Ok();
}
inline void BindRevision(Statement& s, int i, const PaperWrite& w) { s.Bind(i, w.revision); }
inline Status ReadRevision(const Statement& s, int c, StoredPaper* p) {
  p->revision = s.Int(c);
  return Status::Ok();
}
inline Status ReadEnteredRevision(const Statement& s, int c, StoredPaper* p) {
  p->entered_revision = s.Int(c);
  return Status::Ok();
}
inline Status ReadAddedAt(const Statement& s, int c, StoredPaper* p) {
  p->added_at = std::string(s.Text(c));
  return Status::Ok();
}
inline void BindTitleKey(Statement& s, int i, const PaperWrite& w) { s.Bind(i, w.title_key); }
inline void BindNow(Statement& s, int i, const PaperWrite& w) { s.Bind(i, w.now); }

// The kinds of column, one constructor each.
template <std::string PaperRecord::*kField>
constexpr PaperColumn Text(std::string_view name, bool indexed = false) {
  return {name, &BindText<kField>, &ReadText<kField>, true, indexed};
}
template <std::string PaperRecord::*kField>
constexpr PaperColumn RequiredText(std::string_view name, bool indexed = false) {
  return {name, &BindRequiredText<kField>, &ReadText<kField>, true, indexed};
}
template <std::vector<std::string> PaperRecord::*kField>
constexpr PaperColumn Strings(std::string_view name, bool indexed = false) {
  return {name, &BindStrings<kField>, &ReadStrings<kField>, true, indexed};
}
template <bool PaperRecord::*kField>
constexpr PaperColumn Flag(std::string_view name, bool indexed = false) {
  return {name, &BindFlag<kField>, &ReadFlag<kField>, true, indexed};
}
template <std::optional<int64_t> PaperRecord::*kField>
constexpr PaperColumn Count(std::string_view name, bool indexed = false) {
  return {name, &BindCount<kField>, &ReadCount<kField>, true, indexed};
}
constexpr PaperColumn Year(std::string_view name, bool indexed = false) {
  return {name, &BindYear, &ReadYear, true, indexed};
}
constexpr PaperColumn Versions(std::string_view name, bool indexed = false) {
  return {name, &BindVersions, &ReadVersions, true, indexed};
}
// The row key (SQLite assigns it) and the revision that last changed the paper: every scan
// reads both.
constexpr PaperColumn Key(std::string_view name) { return {name, nullptr, &ReadKey, true, true}; }
constexpr PaperColumn Revision(std::string_view name) {
  return {name, &BindRevision, &ReadRevision, true, true};
}
// The batch's revision, written when the paper is added; Upsert moves it on when a newer version
// arrives (EnterNewVersion in corpus.cc).
constexpr PaperColumn EnteredRevision(std::string_view name) {
  return {name, &BindRevision, &ReadEnteredRevision, /*updated=*/false};
}
// When the paper was first stored: written once, read back by a full scan.
constexpr PaperColumn AddedAt(std::string_view name) {
  return {name, &BindNow, &ReadAddedAt, /*updated=*/false};
}
constexpr PaperColumn TitleKey(std::string_view name) { return {name, &BindTitleKey, nullptr}; }
// The batch's time; updated = false for a time written only when the paper is added.
constexpr PaperColumn Time(std::string_view name, bool updated = true) {
  return {name, &BindNow, nullptr, updated};
}

// In the order of the table's definition (migration 1). `key` and `id` come first so that a
// column that fails to read is reported with the row's key and id.
inline constexpr PaperColumn kAll[] = {
    Key("key"),
    Revision("revision"),
    RequiredText<&PaperRecord::id>("id", kIndexed),
    Text<&PaperRecord::arxiv_id>("arxiv_id"),
    Text<&PaperRecord::doi>("doi"),
    TitleKey("title_key"),
    RequiredText<&PaperRecord::title>("title", kIndexed),
    Text<&PaperRecord::abstract>("abstract", kIndexed),
    Strings<&PaperRecord::authors>("authors", kIndexed),
    Flag<&PaperRecord::authors_complete>("authors_complete"),
    Strings<&PaperRecord::categories>("categories", kIndexed),
    Text<&PaperRecord::published>("published", kIndexed),
    Text<&PaperRecord::updated>("updated"),
    Text<&PaperRecord::venue>("venue", kIndexed),
    Year("year", kIndexed),
    Count<&PaperRecord::citations>("citations", kIndexed),
    Count<&PaperRecord::upvotes>("upvotes", kIndexed),
    Flag<&PaperRecord::is_new>("is_new", kIndexed),
    Strings<&PaperRecord::badges>("badges"),
    Strings<&PaperRecord::links>("links"),
    Versions("versions"),
    Text<&PaperRecord::comments>("comments"),
    Text<&PaperRecord::journal_ref>("journal_ref"),
    AddedAt("added_at"),
    Time("changed_at"),
    EnteredRevision("entered_revision"),  // added by migration 7
};

}  // namespace paper_column

// Every column of `papers`, in table order.
inline constexpr const auto& kPaperColumns = paper_column::kAll;

}  // namespace paperdeck::library
