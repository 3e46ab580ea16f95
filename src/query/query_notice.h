// QueryNotice: why a query was not taken as written. The parser reports the first place where
// the text stops making sense as operators (a byte offset into the query) and what it expected
// there; the searcher then runs the query as plain words and hands the notice to the person.
// A query that parses may still carry a notice about one part read other than as written
// (`bogus:attention`: "unknown field bogus: searched as words"; a prefix with more terms than a
// search expands), the rest taken as written.
//
// Threading: a plain value.
#pragma once

#include <cstddef>
#include <string>

namespace paperdeck::query {

struct QueryNotice {
  enum class Kind {
    kNotParsed,  // the whole query was searched as plain words
    kReadAs,     // one part was read as the message says; the rest as written
  };
  size_t position = 0;  // byte offset into the query text; may equal its length (the end)
  std::string message;  // "expected ')' to close '(' at 0"
  Kind kind = Kind::kNotParsed;

  bool operator==(const QueryNotice&) const = default;
};

}  // namespace paperdeck::query
