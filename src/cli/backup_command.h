// `paperdeck backup FILE`: a consistent copy of the corpus (corpus.db: the papers, their
// provenance, and the user's tags, reading states, notes and citation keys) through SQLite's
// online backup API, safe while other commands write (library::Corpus::BackupTo). The copy is
// one SQLite file that `paperdeck` opens as the corpus.db of a data directory; the index is not
// copied (`paperdeck reindex` rebuilds it).
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct BackupOptions {
  std::filesystem::path data;
  std::string file;
};

int RunBackup(const BackupOptions& options);

}  // namespace paperdeck::cli
