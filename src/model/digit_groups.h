// A count as a person reads it: 8930 -> "8,930", as the page's toLocaleString("en-US") writes
// it, for the command line's, the planner's and the server's messages alike.
//
// Threading: a pure function; any thread.
#pragma once

#include <cstdint>
#include <string>

namespace paperdeck {

inline std::string WithCommas(uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace paperdeck
