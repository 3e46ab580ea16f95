// Request parameters of the HTTP API, read and checked before any work is done. Every value a
// client sends is bounded here: a query of at most 1 KiB, pages of at most 100 results, page
// numbers up to 1000, a few filters of a few bytes each. A value out of bounds or malformed is a
// ParamError (the server answers 400 with it as JSON), never a crash or an unbounded search.
//
// Threading: plain functions over values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"
#include "search/searcher.h"

namespace paperdeck::http {

inline constexpr size_t kMaxQueryBytes = 1024;
inline constexpr uint32_t kMaxPageLimit = 100;
inline constexpr uint32_t kDefaultPageLimit = 20;
inline constexpr uint32_t kMaxPage = 1000;
inline constexpr size_t kMaxFilterValues = 20;
inline constexpr size_t kMaxCategoryBytes = 32;

// A query string's parameters as the HTTP layer decoded them; a name may repeat.
using QueryParams = std::multimap<std::string, std::string>;

// `GET /api/search?q=&sort=&page=&limit=&cat=&year=&exact=&explain=&expand=&mode=`.
struct SearchParams {
  std::string q;
  std::string sort = "relevance";  // relevance | newest | citations | upvotes | added (as the CLI)
  search::SortOrder order = search::SortOrder::kRelevance;
  uint32_t page = 1;  // 1-based
  uint32_t limit = kDefaultPageLimit;
  std::vector<std::string> categories;  // cat= (repeated, or comma-separated): any of them
  // year= (repeated, or comma-separated): any of them, each a year ("2024") or a range of years
  // from one to another, both included ("2021-2024").
  std::vector<search::YearRange> years;
  bool exact = false;  // exact=1: never the suggestion's results in place of none (0 or 1)
  bool explain = false;  // explain=1: each result says why it scored what it did (0 or 1)
  // expand=1: plain words asked as a question with feedback terms (search::SearchRequest::expand;
  // 0 or 1).
  bool expand = false;
  // mode=keyword (BM25F, the default) or mode=hybrid (BM25F fused with the dense neighbours:
  // workspace::Workspace::SearchHybrid).
  bool hybrid = false;
};

// `GET /api/suggest?q=&limit=`: the search box's text as typed, and how many completions.
inline constexpr uint32_t kDefaultSuggestLimit = 8;
inline constexpr uint32_t kMaxSuggestLimit = 20;
struct SuggestParams {
  std::string q;
  uint32_t limit = kDefaultSuggestLimit;
};

// The one parameter that is wrong and why, for a 400 answer.
struct ParamError {
  std::string param;
  std::string message;
};

// Reads the search parameters. Unknown parameters are ignored (a cache-buster does no harm);
// a known one given twice where one is expected is an error.
// Returns false and fills *error when a parameter is malformed or out of bounds.
bool ParseSearchParams(const QueryParams& params, SearchParams* out, ParamError* error);

// Reads the suggestion parameters, as ParseSearchParams does (q as bounded, limit 1 to
// kMaxSuggestLimit).
bool ParseSuggestParams(const QueryParams& params, SuggestParams* out, ParamError* error);

// True when s is well-formed UTF-8 (no overlong forms, no surrogates).
bool IsValidUtf8(std::string_view s);

}  // namespace paperdeck::http
