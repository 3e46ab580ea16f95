// RecordReader: reads one file of paper records as a stream, in bounded memory, one record at a
// time. gzip input is recognised by its magic bytes. The format is given or detected from the
// first record:
//   - PaperDeck JSON lines ("paperdeck-jsonl"): the fields of a PaperDeck card (title,
//     authors or authors_shown, abstract, badge, categories, date, upvotes, new, venue, year,
//     citations, ...), see docs/import-formats.md;
//   - the arXiv metadata snapshot ("arxiv-snapshot"): id, submitter, authors, title, comments,
//     journal-ref, doi, categories, abstract, versions, update_date, authors_parsed;
//   - simple arXiv JSON lines ("arxiv-jsonl"): id, title, authors[], abstract, categories[],
//     published;
//   - BibTeX and biblatex ("bibtex"): a .bib file, one record per entry (bibtex_reader.h);
//   - CSL JSON ("csl-json"): one JSON array of items, as Zotero exports it (csl_json_reader.h).
// The two reference formats are told by the file's extension (.bib; .json holding an array) or
// its first character ('@' or '['); they are read whole rather than line by line, and a bad
// entry or item names the line it starts on.
// A bad line (broken JSON, a field of the wrong type, invalid UTF-8, no title) is reported with
// its file and line and skipped; the reader goes on with the next line. A damaged file (a
// truncated gzip stream, a read error) ends the file with kFailed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::ingest {

enum class InputFormat { kAuto, kPaperDeckJsonl, kArxivSnapshot, kArxivJsonl, kBibtex, kCslJson };

// "paperdeck-jsonl" etc.; nullopt-like kAuto for "auto". Error for an unknown name.
Result<InputFormat> ParseFormatName(std::string_view name);
std::string_view FormatName(InputFormat format);

struct ReadIssue {
  std::string file;
  uint64_t line = 0;  // 1-based; 0 when the issue is about the whole file
  std::string message;
  // "FILE:LINE: MESSAGE" (or "FILE: MESSAGE"), ready for a person.
  std::string ToString() const;
};

enum class ReadOutcome {
  kRecord,     // *record holds the next record
  kBadRecord,  // *issue says which line and why; call Next again for the following line
  kEnd,        // the file is finished
  kFailed,     // *issue says why the rest of the file cannot be read
};

class RecordReader {
 public:
  // Opens path. With kAuto the format is detected from the first non-empty line; an empty file
  // or an undetectable format is an error naming the file (and line).
  static Result<std::unique_ptr<RecordReader>> Open(const std::filesystem::path& path,
                                                    InputFormat format = InputFormat::kAuto);
  virtual ~RecordReader() = default;

  virtual InputFormat format() const = 0;
  virtual ReadOutcome Next(PaperRecord* record, ReadIssue* issue) = 0;

  // The line the record Next last returned starts on (1-based), to name it in a notice.
  virtual uint64_t record_line() const = 0;
  // Progress: bytes of the file consumed so far (compressed bytes for gzip), and the file size.
  virtual uint64_t bytes_read() const = 0;
  virtual uint64_t file_size() const = 0;
};

}  // namespace paperdeck::ingest
