// QueryNotice: why a query was not taken as written. The parser reports the first place where
// the text stops making sense as operators (a byte offset into the query) and what it expected
// there; the searcher then runs the query as plain words and hands the notice to the person.
//
// Threading: a plain value.
#pragma once

#include <cstddef>
#include <string>

namespace paperdeck::query {

struct QueryNotice {
  size_t position = 0;  // byte offset into the query text; may equal its length (the end)
  std::string message;  // "expected ')' to close '(' at 0"
};

}  // namespace paperdeck::query
