// `paperdeck export [QUERY] --format bibtex|biblatex|csl-json|ris|jsonl [--out FILE]`: the papers
// a query matches (every match, in its order), or with no query every paper in the library, as a
// citation file (cite/, docs/export-formats.md). Each paper's citation key is pinned the first
// time it is exported and is the same in every later export. `--out` writes the file whole or
// not at all (a temporary file renamed over it); without it the file goes to standard output.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct ExportOptions {
  std::filesystem::path data;
  std::string query;  // empty: the library
  std::string format = "bibtex";
  std::string out;  // empty: standard output
};

int RunExport(const ExportOptions& options);

}  // namespace paperdeck::cli
