#include "ingest/shown_count.h"

#include "ingest/whitespace.h"

namespace paperdeck::ingest {

std::optional<int64_t> ParseShownCount(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  int64_t scale = 1;
  if (!text.empty()) {
    char last = text.back();
    if (last == 'k' || last == 'K') scale = 1000;
    if (last == 'm' || last == 'M') scale = 1000000;
    if (scale != 1) text.remove_suffix(1);
  }
  // Integer arithmetic on the digits, so "1.6k" is exactly 1600.
  int64_t whole = 0;
  int64_t fraction = 0;
  int64_t fraction_scale = 1;
  bool seen_digit = false;
  bool seen_point = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (seen_point) {
        if (fraction_scale >= 1000000) return std::nullopt;
        fraction = fraction * 10 + (c - '0');
        fraction_scale *= 10;
      } else {
        if (whole > 100000000000LL) return std::nullopt;
        whole = whole * 10 + (c - '0');
      }
    } else if (c == '.' && !seen_point && seen_digit) {
      seen_point = true;
    } else if (c == ',' && !seen_point && seen_digit && text.size() - i > 3) {
      continue;  // a thousands separator: "1,234"
    } else {
      return std::nullopt;
    }
  }
  if (!seen_digit || (seen_point && fraction_scale == 1)) return std::nullopt;
  return whole * scale + fraction * scale / fraction_scale;
}

}  // namespace paperdeck::ingest
