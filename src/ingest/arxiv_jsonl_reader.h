// ArxivJsonlReader: reads simple arXiv JSON lines ("arxiv-jsonl"), one paper per line:
// {"id": "2503.11731", "title": ..., "authors": [...], "abstract": ..., "categories": [...],
//  "published": "2025-03-18"}. Every record gets the badge "arxiv" and its abstract-page link.
// Other fields (date_source, source, ...) are ignored. See docs/import-formats.md.
//
// Threading: as JsonLinesReader.
#pragma once

#include "ingest/json_lines_reader.h"

namespace paperdeck::ingest {

class ArxivJsonlReader final : public JsonLinesReader {
 public:
  using JsonLinesReader::JsonLinesReader;
  InputFormat format() const override { return InputFormat::kArxivJsonl; }

 protected:
  Status Decode(JsonFields& fields, PaperRecord* record) override;
};

}  // namespace paperdeck::ingest
