// Header values as RFC 9110 writes them: list elements and parameters may be surrounded by
// optional whitespace (OWS: spaces and tabs), which is not part of the value.
#pragma once

#include <string_view>

namespace paperdeck::http {

// s without the spaces and tabs at either end.
inline std::string_view TrimOptionalWhitespace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace paperdeck::http
