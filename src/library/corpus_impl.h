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
  // Stores one normalised record inside the open transaction; counts it in *result and sets
  // *key to the paper's key.
  Status Store(const PaperRecord& given, int64_t revision, const std::string& now,
               UpsertResult* result, int64_t* key);

  std::filesystem::path db_path;
  // Declared before the statements: members are destroyed in reverse, statements first.
  std::unique_ptr<Database> db;
  PaperMatcher matcher;
  ProvenanceLog provenance;
  Statement by_key, insert_paper, update_paper, read_revision, write_revision, paper_id,
      delete_paper, insert_removed, insert_import, enter_version;
};

// What the library holds for a paper, read inside the caller's transaction (library_data.cc).
Result<LibraryEntry> ReadLibraryEntry(Database& db, int64_t key);
// Deletes a paper's tags, state, notes, citation key and library entry, inside the caller's
// transaction.
Status DropLibraryData(Database& db, int64_t key);
// Adds what a record carried of the user's library to the paper of key, inside the caller's
// transaction (corpus.h, Upsert, says what is taken). now: the batch's time.
Status ApplyCarriedLibrary(Database& db, int64_t key, const CarriedLibrary& carried,
                           const std::string& now);
// Pins citation_key as the paper's key (citation_keys.cc), inside the caller's transaction,
// when the paper has none and no other paper holds it. Returns what was not done, for a
// notice, or an empty string. how: the source that gave the key.
Result<std::string> PinGivenCitationKey(Database& db, int64_t key, std::string_view citation_key,
                                        std::string_view how, const std::string& now);

}  // namespace paperdeck::library
