#include "cite/export_format.h"

#include "cite/biblatex_writer.h"
#include "cite/bibtex_writer.h"
#include "cite/csl_json_writer.h"
#include "cite/jsonl_writer.h"
#include "cite/ris_writer.h"

namespace paperdeck::cite {

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "bibtex") return ExportFormat::kBibtex;
  if (name == "biblatex") return ExportFormat::kBiblatex;
  if (name == "csl-json") return ExportFormat::kCslJson;
  if (name == "ris") return ExportFormat::kRis;
  if (name == "jsonl") return ExportFormat::kJsonl;
  return std::nullopt;
}

std::string_view ExportFormatNames() { return "bibtex, biblatex, csl-json, ris, jsonl"; }

std::string WriteCitations(ExportFormat format, std::span<const CitedPaper> papers) {
  switch (format) {
    case ExportFormat::kBibtex: return WriteBibtex(papers);
    case ExportFormat::kBiblatex: return WriteBiblatex(papers);
    case ExportFormat::kCslJson: return WriteCslJson(papers);
    case ExportFormat::kRis: return WriteRis(papers);
    case ExportFormat::kJsonl: return WriteJsonl(papers);
  }
  return "";
}

}  // namespace paperdeck::cite
