// Format detection: which of the JSON-lines formats a file is written in, told from the keys of
// its first record. A person may always say the format (--format); detection is for the common
// case and errs on the side of asking. Pure functions; safe from any thread.
#pragma once

#include <filesystem>
#include <string_view>

#include "ingest/json_fields.h"
#include "ingest/record_reader.h"
#include "model/status.h"

namespace paperdeck::ingest {

// The rules, first match wins:
//   1. "authors_parsed", "update_date" or "submitter", or "categories" holding a string
//      -> kArxivSnapshot;
//   2. "id", "authors" holding an array, and "published", and none of the keys only PaperDeck
//      writes (arxiv_id, doi, badge, venue, upvotes, links, ...) -> kArxivJsonl;
//   3. "title" with any of "authors_shown", "badge", "meta_line", "upvotes", "authors"
//      -> kPaperDeckJsonl.
// kAuto when none matches.
InputFormat DetectFormat(const JsonFields& fields);

// The reference formats, told before a file is read as lines: a .bib/.bibtex/.biblatex file, or
// one whose first character (after blank lines and '%' comment lines) is '@', is kBibtex; a file
// whose first character is '[' is kCslJson (JSON lines never start with one). kAuto otherwise
// (the JSON-lines formats are told from the first record, and a file that cannot be opened is
// left to the line reader to report). Only plain files are looked into: a gzip file is left to
// the JSON-lines detection.
InputFormat DetectReferenceFormat(const std::filesystem::path& path);

// Parses first_line and detects its format. The error, for a person, names what was seen:
// "cannot tell the format (keys: a, b); use --format", or why the line is not a JSON object.
Result<InputFormat> DetectFormatOfLine(std::string_view first_line);

}  // namespace paperdeck::ingest
