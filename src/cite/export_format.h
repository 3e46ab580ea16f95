// ExportFormat: the citation formats `paperdeck export --format` writes, by name, and the one
// call that writes papers in any of them (each format is a file of its own: bibtex_writer,
// biblatex_writer, csl_json_writer, ris_writer, jsonl_writer).
//
// Threading: pure functions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "cite/cited_paper.h"

namespace paperdeck::cite {

enum class ExportFormat { kBibtex, kBiblatex, kCslJson, kRis, kJsonl };

// "bibtex", "biblatex", "csl-json", "ris", "jsonl"; nullopt for anything else.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);
// The names, for messages: "bibtex, biblatex, csl-json, ris, jsonl".
std::string_view ExportFormatNames();

// The whole file: every paper, in the order given.
std::string WriteCitations(ExportFormat format, std::span<const CitedPaper> papers);

}  // namespace paperdeck::cite
