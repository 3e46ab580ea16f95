#include "library/paper_row.h"

namespace paperdeck::library {
namespace {

bool Reads(const PaperColumn& column, PaperFields fields) {
  return column.read != nullptr && (fields == PaperFields::kAll || column.indexed);
}

bool Writes(const PaperColumn& column, bool update) {
  return column.bind != nullptr && (!update || column.updated);
}

// Binds every column written, from parameter `first` on, in table order: the order the SQL
// below lists them.
void BindWritten(Statement& s, int first, bool update, const PaperWrite& write) {
  int index = first;
  for (const PaperColumn& column : kPaperColumns) {
    if (Writes(column, update)) column.bind(s, index++, write);
  }
}

}  // namespace

std::string PaperSelectList(PaperFields fields) {
  std::string list;
  for (const PaperColumn& column : kPaperColumns) {
    if (!Reads(column, fields)) continue;
    if (!list.empty()) list += ", ";
    list += column.name;
  }
  return list;
}

std::string InsertPaperSql() {
  std::string names, params;
  int index = 1;
  for (const PaperColumn& column : kPaperColumns) {
    if (!Writes(column, /*update=*/false)) continue;
    if (index > 1) {
      names += ", ";
      params += ", ";
    }
    names += column.name;
    params += "?" + std::to_string(index++);
  }
  return "INSERT INTO papers(" + names + ") VALUES (" + params + ")";
}

void BindPaperInsert(Statement& statement, const PaperWrite& write) {
  BindWritten(statement, 1, /*update=*/false, write);
}

std::string UpdatePaperSql() {
  std::string assignments;
  int index = 2;  // ?1 is the key
  for (const PaperColumn& column : kPaperColumns) {
    if (!Writes(column, /*update=*/true)) continue;
    if (index > 2) assignments += ", ";
    assignments += std::string(column.name) + " = ?" + std::to_string(index++);
  }
  return "UPDATE papers SET " + assignments + " WHERE key = ?1";
}

void BindPaperUpdate(Statement& statement, int64_t key, const PaperWrite& write) {
  statement.Bind(1, key);
  BindWritten(statement, 2, /*update=*/true, write);
}

Result<StoredPaper> ReadPaperRow(const Statement& statement, PaperFields fields) {
  StoredPaper paper;
  int index = 0;
  for (const PaperColumn& column : kPaperColumns) {
    if (!Reads(column, fields)) continue;
    if (Status s = column.read(statement, index++, &paper); !s.ok()) {
      // key and id are read first, so they name the row.
      return Status::Corruption("papers row " + std::to_string(paper.key) + " (" +
                                paper.record.id + "), column " + std::string(column.name) +
                                ": " + s.message());
    }
  }
  return paper;
}

}  // namespace paperdeck::library
