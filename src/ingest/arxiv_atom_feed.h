// ArxivAtomFeed: one page of the arXiv API's answer (an Atom 1.0 feed with OpenSearch counts) as
// PaperRecords. Reads both layouts arXiv has served: the current one (`https://arxiv.org/api`
// ids, `opensearch:` elements at the top) and the older one (`http://arxiv.org/api`, xmlns on
// each element); elements are matched by local name, so prefixes do not matter.
//
// Per entry: the id with its version (the version becomes PaperRecord::versions, dated with the
// entry's `updated`), published and updated dates, title and summary (whitespace collapsed),
// authors in order, the primary category first and then the others, comment, journal ref, DOI
// and every link. An entry that cannot be a paper (no arXiv id, no title) becomes an issue and
// the others are kept. arXiv reports a bad query as a feed whose one entry has an
// `api/errors#...` id: that becomes api_error, not a paper.
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

struct ArxivEntry {
  PaperRecord record;
  int version = 0;  // 3 for "2401.12345v3"; 0 when the id had none
};

struct ArxivAtomFeed {
  int64_t total_results = -1;  // opensearch:totalResults, -1 when absent
  int64_t start_index = 0;
  int64_t items_per_page = 0;
  std::vector<ArxivEntry> entries;
  std::vector<std::string> issues;  // "entry 3: no arXiv id in <id>"
  std::string api_error;            // arXiv's own error message ("incorrect id format for abc")
};

// The source name PaperDeck stores for records from the arXiv API.
inline constexpr std::string_view kArxivApiSource = "arxiv-api";

// Corruption when bytes are not a well-formed Atom feed (a response cut mid-XML, an HTML error
// page): the message says where parsing stopped. origin (the URL) goes into each record.
Result<ArxivAtomFeed> ParseArxivAtomFeed(std::string_view bytes, std::string_view origin);

}  // namespace paperdeck::ingest
