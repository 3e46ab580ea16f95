// ParseQuery: turns the text a person typed into a QueryNode tree (query/query_tree.h).
//
// The language (docs/query-language.md has it with examples):
//   sparse attention            every word must match (AND), in title, abstract or authors
//   "linear attention"          a phrase: the words at adjacent positions in one field
//   title:mamba  ti:  abstract: abs:  author: au:  venue:
//                               a field applies to a word, a "phrase" or a (group)
//   cat:cs.CL  cat:cs           an arXiv category, or a whole archive
//   year:2024  year:>=2023  year:2020..2023   date:2026-06-01..2026-06-30  date:2026-06
//   tag:thesis                  the user's tag and every tag nested under it (thesis/related-work)
//   state:to-read  state:none   a reading state (to-read, reading, read; none: no state)
//   has:note  has:tag  has:state  papers holding some of the user's library data
//   note:pruning  note:"low rank"  a word or phrase in one of the paper's notes
//   -vision  NOT vision         exclusion; a query of exclusions only matches everything else
//   a b OR c                    OR binds tighter than AND: a AND (b OR c); explicit AND accepted
//   ( ... )                     grouping
//   *                           every document
//   atten*  title:diffus*       the terms beginning with a word (at least kMinPrefixLength
//                               characters before the '*')
//   atention~  atention~1       the terms within 2 (or 1, or 0) edits of a word (Lucene's syntax)
//   bogus:attention             a field the language does not have: both words, with a notice
//
// A value `state:` or `has:` does not take (`state:later`) is malformed like `year:abc`.
// Malformed text never fails: ParseQuery returns the first problem (where it is, what was
// expected) and, as the tree, the plain-text reading of the whole query. Parsing is pure; nesting
// deeper than kMaxQueryDepth is reported as malformed rather than recursed into.
//
// Threading: the functions are pure and may run on any thread.
#pragma once

#include <optional>
#include <string_view>

#include "query/query_notice.h"
#include "query/query_tree.h"

namespace paperdeck::query {

struct ParsedQuery {
  QueryNode root;
  // kNotParsed: text is malformed as operators, and root is PlainTextQuery(text). kReadAs: the
  // first part read other than as written (an unknown field, a prefix too short, too many edits).
  std::optional<QueryNotice> notice;
};

// Characters a prefix needs before its '*'.
inline constexpr size_t kMinPrefixLength = 2;
// Edits a fuzzy word allows at most; `word~` allows this many.
inline constexpr int kMaxFuzzyEdits = 2;

// Groups and negations nested deeper than this are malformed (the parser recurses into each).
inline constexpr int kMaxQueryDepth = 64;

// The query language above.
ParsedQuery ParseQuery(std::string_view text);

// The length of the `name:` that begins word when it looks like a field the language does not
// have (`bogus:attention`: two or more ASCII letters, a colon, a value beginning with a letter;
// not a field the language has, checked by the caller's parse); 0 otherwise. `http://...`,
// `arXiv:2401.12345` and `doi:10.1/x` are text: 0.
size_t UnknownFieldLength(std::string_view word);

// No character is an operator: one kTerm holding the whole text (the planner's analysis splits
// it into words, all required), or an empty kOr (matches nothing) when text is blank.
QueryNode PlainTextQuery(std::string_view text);

}  // namespace paperdeck::query
