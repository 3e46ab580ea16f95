// PaperDeckJsonlReader: reads PaperDeck JSON lines ("paperdeck-jsonl"), one paper per line: the
// fields of a card as a results page shows it (title, authors_shown "A, B, C et al.", badge,
// categories, date, upvotes, new, venue, year, citations or citations_shown "1.6k", abstract)
// and the fuller fields PaperDeck writes itself (id, arxiv_id, doi, authors[], authors_complete,
// badges[], published, updated, links[], versions[], comments, journal_ref), with what PaperDeck's
// own export adds: the paper's citation_key and a library object (tags, state, state_set_at,
// notes with their times, entered_at). Unknown fields are ignored.
// See docs/import-formats.md for the mapping.
//
// Threading: as JsonLinesReader.
#pragma once

#include "ingest/json_lines_reader.h"

namespace paperdeck::ingest {

class PaperDeckJsonlReader final : public JsonLinesReader {
 public:
  using JsonLinesReader::JsonLinesReader;
  InputFormat format() const override { return InputFormat::kPaperDeckJsonl; }

 protected:
  Status Decode(JsonFields& fields, PaperRecord* record) override;
};

}  // namespace paperdeck::ingest
