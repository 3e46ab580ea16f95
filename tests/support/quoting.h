// Quoting text for the places tests put it: a URL (percent-encoding) and a POSIX shell command
// line (single quotes).
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::testing {

// s with every byte outside RFC 3986's unreserved set (ALPHA DIGIT - . _ ~) written as %XX,
// upper-case hex: fit for a path segment or a query value. A space is %20, never '+'.
inline std::string PercentEncode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// s as one word of a POSIX shell command line, taken literally: in single quotes, each ' in it
// written as '\'' (close, escaped quote, reopen).
inline std::string ShellQuote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  out += '\'';
  return out;
}

}  // namespace paperdeck::testing
