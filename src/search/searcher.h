// Searcher: runs a query (search/query_parser.h's language) over an index snapshot and returns
// the exact total and one page of hits, ranked by BM25F or sorted by a column.
//
// A query never fails a person: text that does not parse as operators is searched as words, and
// the response carries a notice pointing at where parsing stopped.
//
// Threading: Search is const and may run on many threads at once over one snapshot.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "model/status.h"
#include "search/bm25f.h"
#include "search/query_notice.h"

namespace paperdeck::search {

enum class SortOrder { kRelevance, kNewest, kCitations, kUpvotes };

enum class QueryMode {
  kOperators,  // the query language: fields, quotes, -, NOT, OR, parentheses, ranges
  kPlainText,  // no character is an operator: every word is a search word
};

struct SearchRequest {
  std::string query;
  QueryMode mode = QueryMode::kOperators;
  SortOrder sort = SortOrder::kRelevance;
  uint32_t offset = 0;  // hits to skip (page * limit)
  uint32_t limit = 10;  // hits to return
};

struct SearchHit {
  uint64_t paper_key = 0;
  float score = 0;  // BM25F; also computed when sorting by a column
};

struct SearchResponse {
  uint64_t total = 0;  // exact number of live documents matching
  std::vector<SearchHit> hits;
  // Why the query was not taken as written (search/query_notice.h); it was then searched as
  // plain words.
  std::optional<QueryNotice> notice;
  // The analysed terms a hit's text should highlight (the query's positive terms).
  std::vector<std::string> highlight_terms;
};

struct SearcherOptions {
  Bm25fParams bm25f;
  // Skip scoring the matches whose score bound (from block impacts) cannot enter the page
  // asked for. Never changes the response; off only to check that it does not.
  bool prune = true;
};

// The largest page and the deepest offset Search serves.
inline constexpr uint32_t kMaxSearchLimit = 1000;
inline constexpr uint32_t kMaxSearchOffset = 1'000'000;

class Searcher {
 public:
  // REQUIRES: reader != nullptr. The searcher holds the snapshot for its whole life.
  explicit Searcher(std::shared_ptr<const index::IndexReader> reader, SearcherOptions options = {});
  ~Searcher();

  // Runs request. Errors only for a request that cannot be served (limit over kMaxSearchLimit,
  // offset past kMaxSearchOffset): never for the query text. A query that does not parse is
  // searched as plain words and the response carries a notice.
  Result<SearchResponse> Search(const SearchRequest& request) const;

 private:
  std::shared_ptr<const index::IndexReader> reader_;
  SearcherOptions options_;
};

}  // namespace paperdeck::search
