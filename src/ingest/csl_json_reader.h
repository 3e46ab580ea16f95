// CslJsonReader: reads CSL JSON ("csl-json"), the citation format Zotero, Mendeley and pandoc
// share: one JSON array whose items are papers (id, type, title, author[{family, given,
// literal}], issued{date-parts}, DOI, URL, container-title, abstract, keyword, note, number).
// The file is read whole (up to kMaxReferenceFileBytes), split into its top-level items by a
// scanner that knows only strings and brackets, and each item is parsed on its own, so a broken
// or unusable item is a kBadRecord naming the file, the line the item starts on and its index
// ("item 3"), and the items around it are read. A file that is not one JSON array, or whose array
// is never closed, ends with kFailed.
//
// Mapping (docs/import-formats.md): the arXiv id from "number" ("arXiv:1706.03762", as Zotero
// writes preprints), a note, an arxiv.org URL or arXiv's DOI 10.48550/arXiv.*; id becomes the
// citation key; keyword (commas or semicolons) the keywords.
//
// Not thread-safe: one reader at a time.
#pragma once

#include <simdjson.h>

#include <string>

#include "ingest/record_reader.h"

namespace paperdeck::ingest {

class CslJsonReader final : public RecordReader {
 public:
  // text: the whole file; file: the name records and issues carry.
  CslJsonReader(std::string text, std::string file);

  InputFormat format() const override { return InputFormat::kCslJson; }
  ReadOutcome Next(PaperRecord* record, ReadIssue* issue) override;
  uint64_t record_line() const override { return record_line_; }
  uint64_t bytes_read() const override { return pos_; }
  uint64_t file_size() const override { return text_.size(); }

 private:
  // Moves past whitespace, counting lines.
  void SkipSpace();
  // Finds the end of the value starting at pos_ (strings and brackets balanced); false at EOF.
  bool ScanValue(size_t* end);
  ReadOutcome Fail(std::string message, ReadIssue* issue);

  std::string text_;
  std::string file_;
  size_t pos_ = 0;
  uint64_t line_ = 1;
  uint64_t item_ = 0;  // items seen so far
  uint64_t record_line_ = 0;
  bool started_ = false, finished_ = false, failed_ = false;
  ReadIssue failure_;
  simdjson::dom::parser parser_;
};

}  // namespace paperdeck::ingest
