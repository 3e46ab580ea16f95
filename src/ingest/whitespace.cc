#include "ingest/whitespace.h"

namespace paperdeck::ingest {

std::string CollapseWhitespace(std::string_view text) {
  std::string out(text);
  CollapseWhitespaceInPlace(&out);
  return out;
}

void CollapseWhitespaceInPlace(std::string* text) {
  std::string& s = *text;
  size_t out = 0;
  bool pending_space = false;
  for (size_t in = 0; in < s.size(); ++in) {
    char c = s[in];
    if (IsAsciiSpace(c)) {
      pending_space = out > 0;
      continue;
    }
    if (pending_space) {
      s[out++] = ' ';
      pending_space = false;
    }
    s[out++] = c;
  }
  s.resize(out);
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (!IsAsciiSpace(c)) return false;
  }
  return true;
}

}  // namespace paperdeck::ingest
