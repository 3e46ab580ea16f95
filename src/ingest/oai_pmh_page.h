// OaiPmhPage: one answer of arXiv's OAI-PMH endpoint to ListRecords, as PaperRecords. Reads the
// two metadata formats that carry whole papers: `arXiv` (authors split into keyname and
// forenames, created/updated dates) and `arXivRaw` (every version with its date, authors as one
// string). A record whose header says status="deleted" becomes a deleted id; a record that
// cannot be a paper becomes an issue and the others are kept. An OAI error (badResumptionToken,
// noRecordsMatch, ...) is returned as error_code and error_message, not as a failure.
//
// Threading: pure function.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/paper_record.h"
#include "model/status.h"

namespace paperdeck::ingest {

struct OaiPmhPage {
  std::vector<PaperRecord> records;
  std::vector<std::string> deleted;  // arXiv ids whose records were withdrawn from the list
  std::vector<std::string> issues;   // "record 3 (oai:arXiv.org:...): no title"
  // The token to ask for the next page; empty on the last page.
  std::string resumption_token;
  int64_t complete_list_size = -1;  // -1 when the server did not say
  int64_t cursor = -1;
  std::string error_code;  // OAI-PMH error, e.g. "noRecordsMatch"; empty when none
  std::string error_message;
};

// The source name PaperDeck stores for records harvested over OAI-PMH.
inline constexpr std::string_view kArxivOaiSource = "arxiv-oai";

// Corruption when bytes are not a complete OAI-PMH document.
Result<OaiPmhPage> ParseOaiPmhPage(std::string_view bytes, std::string_view origin);

}  // namespace paperdeck::ingest
