// The inside of a Corpus, shared by the files that implement its parts (corpus.cc: papers,
// revisions, feeds' state; library_data.cc: the user's own tags, reading states and notes).
// Private to library/.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "library/corpus.h"
#include "library/paper_match.h"
#include "library/provenance_log.h"
#include "model/calendar.h"
#include "library/sqlite_handle.h"

namespace paperdeck::library {

struct Corpus::Impl {
  Impl(std::filesystem::path path, std::unique_ptr<Database> database, PaperMatcher m,
       ProvenanceLog p)
      : db_path(std::move(path)), db(std::move(database)), matcher(std::move(m)),
        provenance(std::move(p)) {}

  Status PrepareStatements();
  Result<int64_t> ReadRevision();
  Status WriteRevision(int64_t revision);
  Result<std::optional<StoredPaper>> Load(int64_t key);
  // Stores one normalised record inside the open transaction; counts it in *result.
  Status Store(const PaperRecord& given, int64_t revision, const std::string& now,
               UpsertResult* result);

  std::filesystem::path db_path;
  // Declared before the statements: members are destroyed in reverse, statements first.
  std::unique_ptr<Database> db;
  PaperMatcher matcher;
  ProvenanceLog provenance;
  Statement by_key, insert_paper, update_paper, read_revision, write_revision, paper_id,
      delete_paper, insert_removed, insert_import;
};

// What the library holds for a paper, read inside the caller's transaction (library_data.cc).
Result<LibraryEntry> ReadLibraryEntry(Database& db, int64_t key);
// Deletes a paper's tags, state, notes and library entry, inside the caller's transaction.
Status DropLibraryData(Database& db, int64_t key);

}  // namespace paperdeck::library
