// PaperRow: the statements that write and read a row of the `papers` table, and the binding and
// reading that go with them, all made from the column table (paper_columns.h) so that they
// always agree on the columns and their order. docs/schema.md describes each column.
//
// Threading: functions of their arguments only.
#pragma once

#include <cstdint>
#include <string>

#include "library/corpus.h"
#include "library/paper_columns.h"
#include "library/sqlite_handle.h"
#include "model/status.h"

namespace paperdeck::library {

// "key, revision, id, ...": the columns a scan reading `fields` selects, for
// "SELECT <list> FROM papers ..." and ReadPaperRow.
std::string PaperSelectList(PaperFields fields);

// "INSERT INTO papers(revision, id, ...) VALUES (?1, ?2, ...)": every column the corpus writes,
// bound by BindPaperInsert.
std::string InsertPaperSql();
void BindPaperInsert(Statement& statement, const PaperWrite& write);

// "UPDATE papers SET revision = ?2, id = ?3, ... WHERE key = ?1": every column rewritten when a
// paper changes (all but added_at), bound by BindPaperUpdate.
std::string UpdatePaperSql();
void BindPaperUpdate(Statement& statement, int64_t key, const PaperWrite& write);

// Reads the current row of a statement selecting PaperSelectList(fields); fields it does not
// read stay empty. Corruption, naming the row and column, when a JSON column does not hold what
// it should.
Result<StoredPaper> ReadPaperRow(const Statement& statement, PaperFields fields);

}  // namespace paperdeck::library
