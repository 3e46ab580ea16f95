// Searcher: runs a query (query/query_parser.h's language) over an index snapshot and returns
// the exact total and one page of hits, ranked by BM25F or sorted by a column.
//
// A query never fails a person: text that does not parse as operators is searched as words, and
// the response carries a notice pointing at where parsing stopped.
//
// Threading: Search is const and may run on many threads at once over one snapshot.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "model/status.h"
#include "query/field.h"
#include "query/query_notice.h"
#include "search/bm25f.h"
#include "search/feedback.h"
#include "search/library_keys.h"
#include "search/score_explanation.h"
#include "search/word_forms.h"
#include "vectors/forward_index.h"

namespace paperdeck::search {

struct PlanNode;  // search/query_planner.h
struct Scorers;   // search/matcher_builder.h

// Why a query was not taken as written; search::QueryNotice for the searcher's callers.
using QueryNotice = query::QueryNotice;

// kAdded: newest first stored in the corpus first (the paper key, which only grows).
// kLibrary: newest in the user's library first (when each paper got its first tag, state or note;
// SearchRequest::library), papers outside the library after them in the relevance order.
enum class SortOrder { kRelevance, kNewest, kCitations, kUpvotes, kAdded, kLibrary };

enum class QueryMode {
  kOperators,  // the query language: fields, quotes, -, NOT, OR, parentheses, ranges
  kPlainText,  // no character is an operator: every word is a search word
  // No character is an operator and any word may match (OR), ranked by BM25F: for questions in
  // natural language, where requiring every word would miss most relevant papers.
  kPlainTextAny,
};

// Years low to high, both included: one year is {2024, 2024}.
struct YearRange {
  int32_t low = 0;
  int32_t high = 0;

  bool operator==(const YearRange&) const = default;
};

struct SearchRequest {
  std::string query;
  QueryMode mode = QueryMode::kOperators;
  // kPlainText, kPlainTextAny: the fields every word is searched in (as `title:` would say for
  // each). Operators name their own fields.
  query::FieldSet plain_fields = query::kDefaultFields;
  SortOrder sort = SortOrder::kRelevance;
  uint32_t offset = 0;  // hits to skip (page * limit)
  uint32_t limit = 10;  // hits to return

  // Filters ANDed with the query; they narrow the matches and never change scores. A hit is in
  // one of categories (each as `cat:` reads it: exact, or an archive such as "cs") and published
  // in a year of one of years. Empty: no filter. They are applied even when the query text does
  // not parse.
  std::vector<std::string> categories;
  std::vector<YearRange> years;

  // Count categories and years over every live match (not only the page): SearchResponse::facets,
  // each facet counted without its own filter (search/facet_counter.h).
  bool facets = false;

  // The user's library (search/library_keys.h), for the query's library leaves (`tag:`,
  // `state:`, `has:`, `note:`, `added:`) and for SortOrder::kLibrary; each leaf is asked about
  // once, before any segment is read. Null: those leaves match nothing and kLibrary is the
  // relevance order.
  // A query with no words to rank by that names the library (`tag:thesis`, `state:to-read`),
  // asked for by relevance, is listed as kLibrary: the papers most recently added first.
  LibraryKeys* library = nullptr;

  // Only these papers (keys), whatever the query: how "new since you looked" narrows a saved
  // search to the papers that entered since. Null: no restriction.
  std::shared_ptr<const PaperKeySet> within;

  // Did you mean (search/did_you_mean.h; not in kPlainTextAny): a query that finds nothing while
  // its suggestion finds papers answers with the suggestion's papers, unless exact. The
  // suggestion is offered either way.
  bool exact = false;
  // How the papers write a corrected word (search/word_forms.h). Null: from the typed word.
  WordForms* word_forms = nullptr;

  // false: a ranked page without facets is collected without counting the matches
  // (SearchResponse::total is then 0), walking only what can reach the page however many papers
  // match: a pool of candidates to rank again (related papers) needs the best hits, not how many
  // there are. No correction is looked for (did you mean judges by the count).
  bool count = true;

  // Each hit of the page carries why it scored what it did (SearchHit::explanation): its page is
  // searched as without it, then each hit is scored again by the same matchers and proximity
  // code, recording the parts. Costs nothing when off.
  bool explain = false;

  // QueryMode::kPlainTextAny over the default fields: expand the question with the terms its best hits share
  // (search/feedback.h), when the searcher has a forward index and SearcherOptions::feedback is
  // on. false: the question alone.
  bool feedback = true;

  // `paperdeck search --expand`: a query of plain words (no operators: QueryMode::kPlainText, or
  // kOperators text that parses to words alone) is asked as a question is (kPlainTextAny: any
  // word may match) with feedback on, exactly as `paperdeck eval` asks its questions; the terms
  // added are in SearchResponse::feedback. A query with operators, or sorted by a column, is
  // searched as written and SearchResponse::not_expanded says why.
  bool expand = false;

  // With kPlainTextAny: the words are a bag of index terms, as a "more like this" asks (related
  // papers): a compound is its whole term alone (no phrase of its parts), no exact-form bonus,
  // no proximity rerank. Positions are never read.
  bool words_alone = false;
};

// The query with its rare words corrected, and how many papers it finds.
struct Suggestion {
  std::string query;
  uint64_t total = 0;

  bool operator==(const Suggestion&) const = default;
};

// How many of the matches carry one value of a facet.
struct FacetCount {
  std::string value;  // a category as indexed ("cs.CL"), or a year ("2024")
  uint64_t count = 0;

  bool operator==(const FacetCount&) const = default;
};

// Disjunctive counts: each facet over the matches of the query and of the other facet's filter,
// not its own, so a value's count is the total choosing it alone (with the other facet's filter)
// gives.
struct Facets {
  // Every arXiv category (model/arxiv_taxonomy.h) of the matches, primary and cross-lists, most
  // matches first, then by name.
  std::vector<FacetCount> categories;
  // Years of the matches, newest first; matches without a year are not counted.
  std::vector<FacetCount> years;
};

struct SearchHit {
  uint64_t paper_key = 0;
  float score = 0;  // BM25F; also computed when sorting by a column
  // With SearchRequest::explain: the parts of score (search/score_explanation.h). Else null.
  std::shared_ptr<const ScoreExplanation> explanation;
};

struct SearchResponse {
  uint64_t total = 0;  // exact number of live documents matching
  std::vector<SearchHit> hits;
  // Why the query was not taken as written (query/query_notice.h); it was then searched as
  // plain words.
  std::optional<QueryNotice> notice;
  // The analysed terms a hit's text should highlight (the query's positive terms).
  std::vector<std::string> highlight_terms;
  // Filled when the request asked for facets.
  Facets facets;
  // A query with some words corrected that finds more papers than the query as written.
  std::optional<Suggestion> suggestion;
  // The query as written found nothing: total, hits, facets and highlights are the
  // suggestion's (SearchRequest::exact turns this off).
  bool showing_suggestion = false;
  // The terms feedback added to the question (search/feedback.h), heaviest first: each an index
  // term (a stem) and its idf multiplier. Empty when nothing was added.
  std::vector<FeedbackTerm> feedback;
  // SearchRequest::expand was asked but the query was searched as written: why, for the person
  // who asked. Empty otherwise.
  std::string not_expanded;
};

// Whether query (as SearchRequest::query in QueryMode::kOperators) is plain words alone, which
// SearchRequest::expand expands: no field, quote, exclusion, OR, group, prefix, fuzzy or exact
// form, and nothing the parser reads other than as written.
bool IsPlainWords(const std::string& query);

struct SearcherOptions {
  Bm25fParams bm25f;
  // A word or phrase searched in one scored field alone (`title:attention`, `author:dao`) is
  // scored with bm25f's parameters but for that field's b and weight where these are set: the
  // title alone with b 0.5 and weight 1, chosen across collections (EVAL.md, "Fields searched
  // alone"); the authors as bm25f says (no collection judges author queries).
  std::array<std::optional<float>, index::kNumFields> b_alone = {0.5f, std::nullopt, std::nullopt,
                                                                 std::nullopt};
  std::array<std::optional<float>, index::kNumFields> weight_alone = {1.0f, std::nullopt,
                                                                      std::nullopt, std::nullopt};
  // Skip scoring the matches whose score bound (from block impacts) cannot enter the page
  // asked for. Never changes the response; off only to check that it does not.
  bool prune = true;
  // Proximity (search/proximity.h): the weight of the bonus for query words near each other,
  // added to the best proximity_pool hits of a search by relevance. 0: off.
  float proximity = 1.0f;
  uint32_t proximity_pool = 50;
  // QueryMode::kPlainTextAny drops question words ("what", "how": search/question_words.h).
  bool drop_question_words = true;
  // The weight of a bare word's exact form beside its stem (PlanOptions::exact_form_weight).
  float exact_form_weight = 0.0f;
  // Pseudo-relevance feedback for questions (QueryMode::kPlainTextAny; search/feedback.h), when
  // the searcher is given a forward index: on with the parameters chosen across collections
  // (EVAL.md, "Pseudo-relevance feedback"); weight 0 is off.
  FeedbackOptions feedback = kChosenFeedback;
};

// The largest page and the deepest offset Search serves.
inline constexpr uint32_t kMaxSearchLimit = 1000;
inline constexpr uint32_t kMaxSearchOffset = 1'000'000;

class Searcher {
 public:
  // REQUIRES: reader != nullptr. The searcher holds the snapshot for its whole life.
  // forward: the paper vectors of the same snapshot, which feedback reads; null: no feedback.
  explicit Searcher(std::shared_ptr<const index::IndexReader> reader, SearcherOptions options = {},
                    std::shared_ptr<const vectors::ForwardIndex> forward = nullptr);
  ~Searcher();

  // Runs request. Errors only for a request that cannot be served (limit over kMaxSearchLimit,
  // offset past kMaxSearchOffset): never for the query text. A query that does not parse is
  // searched as plain words and the response carries a notice.
  Result<SearchResponse> Search(const SearchRequest& request) const;

 private:
  // SearchRequest::expand: request as a question with feedback, or as written with the reason.
  Result<SearchResponse> SearchExpanded(const SearchRequest& request) const;
  // Search without looking for a suggestion.
  Result<SearchResponse> SearchAsWritten(const SearchRequest& request) const;
  // The terms feedback adds to request's question: none unless it applies.
  Result<std::vector<FeedbackTerm>> FeedbackFor(const SearchRequest& request) const;
  // Scores hit again with root's matchers and, when the rerank gave it a bonus, proximity's
  // code, recording the parts (SearchRequest::explain).
  ScoreExplanation ExplainHit(const PlanNode& root, const std::vector<std::string>& proximity_terms,
                              bool reranked, const Scorers& scorers, const SearchHit& hit) const;

  std::shared_ptr<const index::IndexReader> reader_;
  SearcherOptions options_;
  std::shared_ptr<const vectors::ForwardIndex> forward_;
};

}  // namespace paperdeck::search
