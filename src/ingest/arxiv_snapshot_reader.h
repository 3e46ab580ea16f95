// ArxivSnapshotReader: reads the arXiv metadata snapshot ("arxiv-snapshot"), the JSON lines that
// arXiv publishes in bulk (the Kaggle dataset): id, submitter, authors ("A, B and C"), title,
// comments, journal-ref, doi, report-no, categories ("cs.LG cs.AI", primary first), license,
// abstract, versions ([{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}]),
// update_date, authors_parsed ([["Last", "First", "Suffix"]]). Fields the snapshot sets to null
// read as absent. See docs/import-formats.md for the mapping.
//
// Threading: as JsonLinesReader.
#pragma once

#include "ingest/json_lines_reader.h"

namespace paperdeck::ingest {

class ArxivSnapshotReader final : public JsonLinesReader {
 public:
  using JsonLinesReader::JsonLinesReader;
  InputFormat format() const override { return InputFormat::kArxivSnapshot; }

 protected:
  Status Decode(JsonFields& fields, PaperRecord* record) override;
};

}  // namespace paperdeck::ingest
