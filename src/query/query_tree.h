// QueryNode: the tree a query's text parses to (query/query_parser.h), before any analysis.
// Words and phrases keep the text as written, and the fields they may match as the language names
// them (query/field.h); whoever runs the query analyses the words and maps the fields onto its own
// (search/query_planner.h onto the index, feed/arxiv_query.h onto arXiv's prefixes). Every node
// remembers the byte offset in the query where it starts, so later stages can point at it.
//
// A node is a plain value: copy it, compare it, print it (Describe) in tests.
//
// Threading: plain values and pure functions; a node may be read from many threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "query/field.h"

namespace paperdeck::query {

struct QueryNode {
  enum class Kind : uint8_t {
    kTerm,       // a word as written; analysis may split it into several terms, all required
    kPhrase,     // the words between quotes, at adjacent positions in one field
    kPrefix,     // the terms beginning with a word (`atten*`); text: the word without the '*'
    kFuzzy,      // the terms within `edits` edits of a word (`atention~1`); text: the word
    kExact,      // a word in the form written, not its stem (`=transformer`); text: the word
    kAnd,        // every child matches (2+ children)
    kOr,         // some child matches (2+ children; none for an empty query: matches nothing)
    kNot,        // the one child does not match
    kCategory,   // an arXiv category or archive (`cat:cs.CL`, `cat:cs`), exact
    kYearRange,  // a year in [low, high]
    kDateRange,  // a published date in [low, high], days since 1970-01-01
    kMatchAll,   // every document (`*`)
    // Looked up outside the index by whoever runs the query (IsLibraryLeaf):
    kAddedRange,  // first stored in the corpus on a day in [low, high], days since 1970-01-01
    // The user's library (none of it is in the index: whoever runs the query looks it up).
    kTag,         // a tag and every tag nested under it (`tag:thesis`); text: the name as written
    kState,       // a reading state (`state:to-read`); text: "to-read", "reading" or "read"
    kHas,         // holds some library data (`has:note`); text: "note", "tag" or "state"
    kNoteWord,    // a word in one of the paper's notes (`note:pruning`); text: as written
    kNotePhrase,  // a phrase in one note (`note:"low rank"`); text: between the quotes
    // Papers the caller names (search::SearchRequest::within); never read from a query's text.
    kPaperSet,
  };

  Kind kind = Kind::kMatchAll;
  size_t position = 0;  // byte offset of the node's first character in the query text
  // kTerm, kPhrase: the text as written (for a phrase, between the quotes). kCategory: the
  // category as written ("cs.CL"). The library's kinds: as each says above.
  std::string text;
  // kTerm, kPhrase, kPrefix, kFuzzy, kExact: the text fields that may match.
  FieldSet fields = kDefaultFields;
  // kFuzzy: the edits allowed, 0 to 2.
  uint8_t edits = 0;
  // kYearRange, kDateRange: inclusive bounds.
  int32_t low = std::numeric_limits<int32_t>::min();
  int32_t high = std::numeric_limits<int32_t>::max();
  std::vector<QueryNode> children;  // kAnd, kOr: two or more (kOr: or none); kNot: one

  bool operator==(const QueryNode&) const = default;
};

// A one-line s-expression of node, for tests and debugging:
//   (and (term "sparse") (or (phrase title "linear attention") (cat "cs.CL")) (not (year 2020 2023)))
// Library leaves print as (tag "thesis"), (state "to-read"), (has "note"), (note "word") and
// (note-phrase "low rank").
// Prefixes, fuzzy and exact words print as (prefix "atten"), (fuzzy 2 "atention") and
// (exact "transformer").
// Field sets print as names ("title", "abstract", "authors", "venue") when not the default.
std::string Describe(const QueryNode& node);

// Builders, for the parser and for tests.
QueryNode TermNode(std::string text, size_t position = 0,
                   FieldSet fields = kDefaultFields);
QueryNode PhraseNode(std::string text, size_t position = 0,
                     FieldSet fields = kDefaultFields);
QueryNode PrefixNode(std::string prefix, size_t position = 0,
                     FieldSet fields = kDefaultFields);
QueryNode FuzzyNode(std::string word, uint8_t edits, size_t position = 0,
                    FieldSet fields = kDefaultFields);
QueryNode ExactNode(std::string word, size_t position = 0, FieldSet fields = kDefaultFields);
QueryNode CategoryNode(std::string category, size_t position = 0);
QueryNode YearRangeNode(int32_t low, int32_t high, size_t position = 0);
QueryNode DateRangeNode(int32_t low, int32_t high, size_t position = 0);
QueryNode AddedRangeNode(int32_t low, int32_t high, size_t position = 0);
QueryNode MatchAllNode(size_t position = 0);
// kind is one of the library's: kTag, kState, kHas, kNoteWord, kNotePhrase.
QueryNode LibraryNode(QueryNode::Kind kind, std::string text, size_t position = 0);
// True for the kinds the index does not hold, which whoever runs the query looks up: the user's
// library, and when papers entered the corpus (`added:`). Never sent to arXiv.
bool IsLibraryLeaf(const QueryNode& node);
QueryNode NotNode(QueryNode child, size_t position);
// kAnd/kOr of children; a single child is returned as itself.
QueryNode AndNode(std::vector<QueryNode> children, size_t position);
QueryNode OrNode(std::vector<QueryNode> children, size_t position);

}  // namespace paperdeck::query
