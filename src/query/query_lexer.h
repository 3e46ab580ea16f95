// QueryLexer: splits a query's text into the tokens of the query language. Pure and total: any
// bytes (invalid UTF-8 included) lex to some token sequence ending with kEnd; deciding what is
// malformed is the parser's job.
//
// What is an operator, and what is part of a word:
//   - whitespace separates tokens;
//   - `"` opens a phrase that runs to the next `"` (or to the end: `closed` says which);
//   - `(` opens a group at the start of a token; inside a word (`O(n^2)`) it is the word's own and
//     so is the `)` that closes it; any other `)` closes a group;
//   - `-` at the start of a token negates what follows it directly (`-vision`); inside a word it
//     is a joiner (`sliding-window`);
//   - OR, AND, NOT (uppercase only) are operators; `or`, `and`, `not` are words;
//   - `name:` at the start of a token is a field when name is one of title ti abstract abs author
//     au venue cat year date tag state has note (any case); any other `x:` stays inside the word
//     (`http://x`).
//
// Threading: none; a QueryLexer is used by one thread over one text that outlives it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace paperdeck::query {

// What a `name:` prefix names: a text field (the parser makes it a query::Field), `cat:`,
// `year:`, `date:`, or one of the user's library: `tag:`, `state:`, `has:`, `note:`.
enum class FieldPrefix {
  kTitle, kAbstract, kAuthors, kVenue, kCategory, kYear, kDate, kAdded, kTag, kState, kHas, kNote
};

struct QueryToken {
  enum class Kind {
    kWord,    // text: the word
    kPhrase,  // text: between the quotes; closed: the closing quote was found
    kLParen,
    kRParen,
    kOr,
    kAnd,
    kNot,     // `NOT`
    kMinus,   // a `-` prefix; adjacent: the next token starts right after it
    kField,   // text: the name as written, without ':'; field; adjacent: a value follows directly
    kEnd,
  };
  Kind kind = Kind::kEnd;
  size_t position = 0;  // byte offset of the token's first character
  std::string_view text;
  bool closed = true;
  bool adjacent = false;
  FieldPrefix field = FieldPrefix::kTitle;
};

class QueryLexer {
 public:
  explicit QueryLexer(std::string_view text) : text_(text) {}

  // The tokens of the whole text; the last one is kEnd at text.size().
  std::vector<QueryToken> Tokens();

 private:
  QueryToken NextToken();
  QueryToken LexWord(size_t begin);

  std::string_view text_;
  size_t pos_ = 0;
};

// True for the bytes the query language takes as whitespace.
inline bool IsQuerySpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace paperdeck::query
