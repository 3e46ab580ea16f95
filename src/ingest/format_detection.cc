#include "ingest/format_detection.h"

#include <array>
#include <fstream>
#include <cctype>
#include <string>

namespace paperdeck::ingest {
namespace {

// Keys a PaperDeck record may have and a simple arXiv JSON-lines record never has.
constexpr std::array<std::string_view, 18> kPaperDeckOnlyKeys = {
    "arxiv_id", "doi",          "badge",   "badges", "authors_shown", "authors_complete",
    "venue",    "year",         "citations", "citations_shown", "upvotes", "new",
    "meta_line", "date",        "updated", "links",  "comments",      "journal_ref"};

bool IsKind(const JsonFields& fields, std::string_view key, simdjson::dom::element_type type) {
  std::optional<simdjson::dom::element> value = fields.Find(key);
  return value && value->type() == type;
}

}  // namespace

InputFormat DetectFormat(const JsonFields& fields) {
  using simdjson::dom::element_type;
  if (fields.Has("authors_parsed") || fields.Has("update_date") || fields.Has("submitter") ||
      IsKind(fields, "categories", element_type::STRING)) {
    return InputFormat::kArxivSnapshot;
  }
  if (fields.Has("id") && IsKind(fields, "authors", element_type::ARRAY) &&
      fields.Has("published")) {
    bool paperdeck_only = false;
    for (std::string_view key : kPaperDeckOnlyKeys) paperdeck_only |= fields.Has(key);
    if (!paperdeck_only) return InputFormat::kArxivJsonl;
  }
  // PaperDeck's export of a library holding saved searches and no paper.
  if (fields.Has("saved_search") && !fields.Has("title")) return InputFormat::kPaperDeckJsonl;
  if (fields.Has("title")) {
    for (std::string_view key : {"authors_shown", "badge", "meta_line", "upvotes", "authors"}) {
      if (fields.Has(key)) return InputFormat::kPaperDeckJsonl;
    }
  }
  return InputFormat::kAuto;
}

InputFormat DetectReferenceFormat(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  // A file that cannot be opened is left to the line reader, whose message says why.
  if (!in) return InputFormat::kAuto;
  std::string head(64 * 1024, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".bib" || ext == ".bibtex" || ext == ".biblatex") return InputFormat::kBibtex;

  size_t i = head.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  while (i < head.size()) {
    const char c = head[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (c == '%') {  // a comment line, as .bib files begin
      while (i < head.size() && head[i] != '\n') ++i;
    } else {
      break;
    }
  }
  if (i < head.size() && head[i] == '@') return InputFormat::kBibtex;
  if (i < head.size() && head[i] == '[') return InputFormat::kCslJson;
  return InputFormat::kAuto;
}

Result<InputFormat> DetectFormatOfLine(std::string_view first_line) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (simdjson::error_code error = parser.parse(first_line.data(), first_line.size()).get(root)) {
    return Status::InvalidArgument(std::string("cannot tell the format: the line is not JSON (") +
                                   simdjson::error_message(error) + "); use --format");
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    return Status::InvalidArgument("cannot tell the format: the line is a JSON " +
                                   std::string(JsonFields::KindName(root)) +
                                   ", not an object; use --format");
  }
  JsonFields fields(object);
  InputFormat format = DetectFormat(fields);
  if (format != InputFormat::kAuto) return format;
  std::string keys;
  for (std::string_view key : fields.Keys()) {
    if (!keys.empty()) keys += ", ";
    keys += key;
  }
  if (keys.empty()) keys = "none";
  return Status::InvalidArgument("cannot tell the format (keys: " + keys + "); use --format");
}

}  // namespace paperdeck::ingest
