// ASCII case for the protocol words and markup names PaperDeck compares (HTTP headers, BibTeX
// entry types and field names, month abbreviations, venue words): only A-Z change, so UTF-8
// bytes pass through untouched and no locale is consulted. Text a person wrote is folded with
// Unicode's rules instead (text/unicode_folding.h).
//
// Threading: pure functions; any thread.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck {

constexpr char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

inline std::string AsciiLowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = AsciiLower(c);
  return out;
}

}  // namespace paperdeck
