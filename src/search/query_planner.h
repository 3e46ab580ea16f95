// QueryPlanner: turns a parsed query (query/query_tree.h) into a QueryPlan — the same tree with
// its words analysed into index terms and weighted by idf, negations gathered into exclusions —
// once per search, before any segment is read. matcher_builder.h then builds a Matcher per
// segment from the plan.
//
// What planning decides:
//   - the fields a word or phrase may match become the index's (search/index_fields.h);
//   - a word is analysed (text/analyzer.h): stop words drop out, several words from one token
//     are all required, and a compound (`sliding-window`) matches its whole term OR the phrase
//     of its parts (`sliding window`);
//   - a phrase keeps the positions of its stop words as gaps; a phrase of one term is a term;
//   - a word in its exact form (`=transformer`, or one simple word quoted: `"transformer"`) is
//     the term of its folded, unstemmed form beside its stem (index::ExactFormTerm), which phrases never use;
//   - a bare word is its stem OR its exact form (exact_form_weight > 0): the same papers, the ones
//     writing the word as the query does scored higher;
//   - a prefix (`atten*`) becomes the set of dictionary terms beginning with its folded, unstemmed
//     text, and the stem of the whole text (so `attention*` finds what `attention` does): at most
//     kMaxPrefixTerms, the most frequent, a notice saying so when there were more. A fuzzy word
//     (`atention~1`) becomes the terms within its edits of its stem (index/term_neighbours.h),
//     the nearest kMaxFuzzyTerms, then the most frequent. Either set is scored as one term
//     (search/term_set_matcher.h) whose idf is its most frequent term's: it never outweighs an
//     exact word;
//   - in an AND, the NOT children become one exclusion: (a b -c -d) = (a b) minus (c OR d); with
//     no positive child the included side is every document (`-vision`);
//   - a piece that analyses to nothing (`the`, `""`) is dropped; a query left with nothing
//     matches nothing;
//   - a question's words (any_word) gain the terms feedback chose as alternatives, each with its
//     idf times its weight (search/feedback.h); they are neither highlighted nor read by proximity;
//   - a library leaf (`tag:`, `state:`, `has:`, `note:`) becomes the set of paper keys the
//     search resolved it to before planning (LibrarySets, from search/library_keys.h); one the
//     search has no set for (no library was given) is the empty set: it matches nothing.
//
// Threading: PlanQuery uses the analyzer given (not thread-safe); the reader is only read.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "index/field.h"
#include "index/index_reader.h"
#include "query/query_notice.h"
#include "query/query_tree.h"
#include "search/feedback.h"
#include "search/library_keys.h"
#include "text/analyzer.h"

namespace paperdeck::search {

struct PlanTerm {
  std::string term;     // as the index's dictionary holds it
  uint32_t offset = 0;  // kPhrase: position relative to the phrase's first term
};

struct PlanNode {
  enum class Kind : uint8_t {
    kTerm,       // terms[0] in a field of `fields`
    kTermSet,    // any of terms in a field of `fields`, scored as one term (none: matches nothing)
    kPhrase,     // terms at their offsets, within one field of `fields`
    kCategory,   // terms[0] is an index::CategoryTerm
    kYearRange,  // [low, high]
    kDateRange,  // [low, high]
    kAll,        // every document
    kPapers,     // the documents of the papers in `papers` (a library leaf, resolved)
    kAnd,        // every child (2+)
    kOr,         // some child (2+)
    kExclude,    // children[0] but not children[1]
  };
  Kind kind = Kind::kAll;
  std::vector<PlanTerm> terms;
  index::FieldMask fields = index::kDefaultFields;
  float idf = 0;  // kTerm, kTermSet, kPhrase (the sum of its terms')
  int32_t low = std::numeric_limits<int32_t>::min();
  int32_t high = std::numeric_limits<int32_t>::max();
  std::vector<PlanNode> children;
  std::shared_ptr<const PaperKeySet> papers;  // kPapers
  // kTerm, kTermSet, kPhrase: what the query wrote for it (`attention`, `atten*`, `"linear
  // attention"`), for explanations (search/score_explanation.h).
  std::string written;
  // kTerm: a bare word's exact form scored beside its stem (PlanOptions::exact_form_weight).
  bool exact_form_bonus = false;
  // kTerm: a term added by feedback (PlanOptions::feedback), not written in the query.
  bool feedback = false;
};

// The paper keys each library leaf of a query was resolved to, by the leaf's node.
using LibrarySets = std::unordered_map<const query::QueryNode*, std::shared_ptr<const PaperKeySet>>;

struct QueryPlan {
  std::optional<PlanNode> root;  // nullopt: the query matches nothing
  // The distinct analysed terms of the query's positive words, phrases and expansions, in
  // query order.
  std::vector<std::string> highlight_terms;
  // The distinct terms of the query's positive words and phrases (not of expansions, which stand
  // for one word each): what proximity looks for near each other.
  std::vector<std::string> proximity_terms;
  // A prefix or fuzzy word that expanded to more terms than a search takes.
  std::optional<query::QueryNotice> notice;
};

// A prefix is searched as at most this many terms (the most frequent); a fuzzy word as at most
// kMaxFuzzyTerms (the nearest, then the most frequent; Lucene's FuzzyQuery takes 50).
inline constexpr size_t kMaxPrefixTerms = 128;
inline constexpr size_t kMaxFuzzyTerms = 50;

struct PlanOptions {
  // The words a kTerm analyses to are alternatives (OR) rather than all required (AND): ranked
  // retrieval of plain text in which any word may match (QueryMode::kPlainTextAny). A compound
  // still matches its whole term or the phrase of its parts. A word repeated n times is one
  // alternative with its idf multiplied by sqrt(n).
  bool any_word = false;
  // Words that frame a question (search/question_words.h) are dropped like stop words.
  bool drop_question_words = false;
  // A bare word's exact form (index/field.h's ExactFormTerm) adds its own BM25F score, its idf
  // multiplied by this weight, to a paper that writes the word as the query does: `transformer`
  // ranks a paper about transformers above one matching only `transformation`. 0: off.
  float exact_form_weight = 0;
  // With any_word: terms added to the question's words as alternatives (search/feedback.h), each
  // scored in the question's fields with its idf multiplied by its weight; a term the question
  // already holds is not added again.
  std::span<const FeedbackTerm> feedback;
  // A compound is its whole term alone, not also the phrase of its parts: words taken as the
  // terms a paper's vector holds (SearchRequest::words_alone).
  bool compounds_whole = false;
};

// library: the sets of query's library leaves (nodes of query itself); may be null.
QueryPlan PlanQuery(const query::QueryNode& query, text::Analyzer* analyzer,
                    const index::IndexReader& reader, PlanOptions options = {},
                    const LibrarySets* library = nullptr);

// A one-line s-expression of a plan, for tests: (and (term title "attent") (phrase "slide" "window"))
// A set of terms prints as (terms "attend" "attent").
// A set of papers prints as its size: (papers 3).
std::string Describe(const PlanNode& node);

}  // namespace paperdeck::search
