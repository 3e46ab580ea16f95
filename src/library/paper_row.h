// PaperRow: how a PaperRecord is laid out in a row of the `papers` table and read back. Lists
// (authors, categories, badges, links, versions) are stored as JSON arrays of UTF-8 text; a fact
// no source gave is stored as NULL (empty strings and lists, year 0, missing counts).
// docs/schema.md describes each column.
//
// Threading: functions of their arguments only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "library/corpus.h"
#include "library/sqlite_handle.h"
#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::library {

// The columns ReadPaperRow expects, in order, for "SELECT <kPaperColumns> FROM papers ...".
inline constexpr std::string_view kPaperColumns =
    "key, revision, id, arxiv_id, doi, title, abstract, authors, authors_complete, categories, "
    "published, updated, venue, year, citations, upvotes, is_new, badges, links, versions, "
    "comments, journal_ref";

// The fact columns BindPaperFacts fills, as parameters ?1..?kPaperFactCount in this order.
inline constexpr std::string_view kPaperFactColumns =
    "id, arxiv_id, doi, title_key, title, abstract, authors, authors_complete, categories, "
    "published, updated, venue, year, citations, upvotes, is_new, badges, links, versions, "
    "comments, journal_ref";
inline constexpr int kPaperFactCount = 21;

// Binds record's facts (record.id as the canonical id, title_key as given) to ?1..?21.
void BindPaperFacts(Statement& statement, const PaperRecord& record, std::string_view title_key);

// Reads the current row of a statement selecting kPaperColumns. Corruption when a JSON column
// does not hold what it should.
Result<StoredPaper> ReadPaperRow(const Statement& statement);

// JSON array text of strings; empty text for an empty list (stored as NULL). Invalid UTF-8 is
// replaced (U+FFFD) rather than refused: readers validate, this only must not throw.
std::string EncodeStrings(const std::vector<std::string>& values);
Result<std::vector<std::string>> DecodeStrings(std::string_view json);

// [{"name":"v1","date":"..."}, ...]; empty text for no versions.
std::string EncodeVersions(const std::vector<PaperVersion>& versions);
Result<std::vector<PaperVersion>> DecodeVersions(std::string_view json);

}  // namespace paperdeck::library
