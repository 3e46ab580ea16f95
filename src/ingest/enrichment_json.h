// Enrichment answers as facts about papers: Semantic Scholar's batch endpoint
// (POST /graph/v1/paper/batch: a JSON array in the order of the ids asked for, `null` for an id
// it does not know) and Hugging Face's daily papers listing (GET /api/daily_papers: items with
// a `paper` holding the arXiv id and its upvotes) and per-paper lookup (that `paper` alone).
//
// Threading: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::ingest {

struct ScholarFacts {
  std::optional<int64_t> citations;
  std::string venue;
  int year = 0;
  std::string doi;  // normalised
};

// One entry per id asked for, nullopt where Semantic Scholar answered null. Corruption when the
// bytes are not a JSON array.
Result<std::vector<std::optional<ScholarFacts>>> ParseSemanticScholarBatch(std::string_view bytes,
                                                                           std::string_view origin);

struct DailyPaper {
  std::string arxiv_id;
  std::string title;
  int64_t upvotes = 0;
};

// Items without an arXiv id or upvotes are left out. Corruption when not a JSON array.
Result<std::vector<DailyPaper>> ParseHuggingFaceDailyPapers(std::string_view bytes,
                                                            std::string_view origin);

// Hugging Face's per-paper lookup (GET /api/papers/{arxiv_id}): the same `paper` object the
// daily listing nests. Corruption when not a JSON object with an arXiv id and upvotes.
Result<DailyPaper> ParseHuggingFacePaper(std::string_view bytes, std::string_view origin);

}  // namespace paperdeck::ingest
