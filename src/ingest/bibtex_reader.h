// BibtexReader: reads a .bib file ("bibtex": BibTeX and biblatex as Zotero with Better BibTeX,
// JabRef, Google Scholar and arXiv export them), one PaperRecord per entry. The file is read
// whole (up to kMaxReferenceFileBytes) and parsed by BibtexParser; each entry's fields are
// mapped as docs/import-formats.md says: LaTeX decoded into Unicode (text/latex_text.h), names
// by BibTeX's rules (bibtex_names.h), the arXiv id from eprint/archivePrefix (or eprinttype),
// an arxiv.org URL or "journal = {arXiv preprint arXiv:...}", the entry key as citation_key.
//
// A malformed entry, one without a title, or one whose text is not UTF-8 is a kBadRecord naming
// the file and the line of its '@'; the reader goes on with the next entry.
//
// Not thread-safe: one reader at a time.
#pragma once

#include <string>

#include "ingest/bibtex_parser.h"
#include "ingest/record_reader.h"
#include "model/status.h"

namespace paperdeck::ingest {

// The record one parsed entry describes (source "bibtex", origin file); an error says why the
// entry is not a paper (no title, invalid UTF-8).
Result<PaperRecord> RecordOfBibEntry(const BibEntry& entry, const std::string& file);

class BibtexReader final : public RecordReader {
 public:
  // text: the whole file; file: the name records and issues carry.
  BibtexReader(std::string text, std::string file);

  InputFormat format() const override { return InputFormat::kBibtex; }
  ReadOutcome Next(PaperRecord* record, ReadIssue* issue) override;
  uint64_t record_line() const override { return record_line_; }
  uint64_t bytes_read() const override { return parser_.position(); }
  uint64_t file_size() const override { return text_.size(); }

 private:
  std::string text_;
  std::string file_;
  BibtexParser parser_;
  uint64_t record_line_ = 0;
};

}  // namespace paperdeck::ingest
