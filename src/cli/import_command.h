// `paperdeck import FILE...`: reads records from files into the corpus in transactions of a
// thousand (workspace/file_import.h), then brings the index level with the corpus. Bad records
// are reported (file:line) and skipped (the terminal shows the first 50, --issues FILE gets every
// one); with --strict every file is checked first and nothing is
// stored if any record is bad. A process killed midway leaves whole batches in the corpus; the
// next import or reindex indexes them. Files may be JSON lines (gzip too), BibTeX/biblatex
// (.bib) or CSL JSON (docs/import-formats.md); --keywords-as-tags makes a reference file's
// keywords tags of the user's library.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct ImportOptions {
  std::filesystem::path data;
  std::vector<std::string> files;
  std::string format = "auto";
  bool strict = false;
  bool keywords_as_tags = false;  // a .bib's keywords (CSL JSON's keyword) become tags
  std::filesystem::path issues_file;  // empty: problems on the terminal only (the first 50)
  size_t batch_size = 1000;
};

// Returns an ExitCode.
int RunImport(const ImportOptions& options);

}  // namespace paperdeck::cli
