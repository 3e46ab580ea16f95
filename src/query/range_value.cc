#include "query/range_value.h"

#include <cstdio>
#include <limits>
#include <string>

#include "model/calendar.h"

namespace paperdeck::query {
namespace {

constexpr int32_t kOpenLow = std::numeric_limits<int32_t>::min();
constexpr int32_t kOpenHigh = std::numeric_limits<int32_t>::max();

// One endpoint as the first and last day (or year) it names.
struct Span {
  int32_t first;
  int32_t last;
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<Span> YearSpan(std::string_view s) {
  if (s.size() > 4 || !AllDigits(s)) return std::nullopt;
  int32_t y = 0;
  for (char c : s) y = y * 10 + (c - '0');
  if (y < 1) return std::nullopt;
  return Span{y, y};
}

std::optional<Span> DateSpan(std::string_view s) {
  if (s.size() == 10) {
    std::optional<int32_t> d = ParseIsoDate(s);
    if (!d) return std::nullopt;
    return Span{*d, *d};
  }
  if (s.size() == 7 && s[4] == '-') {  // YYYY-MM
    std::optional<int32_t> first = ParseIsoDate(std::string(s) + "-01");
    if (!first) return std::nullopt;
    int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int next_year = month == 12 ? year + 1 : year;
    int next_month = month == 12 ? 1 : month + 1;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", next_year, next_month);
    std::optional<int32_t> next = ParseIsoDate(buf);
    if (!next) return std::nullopt;
    return Span{*first, *next - 1};
  }
  if (s.size() == 4 && AllDigits(s)) {  // YYYY
    std::optional<int32_t> first = ParseIsoDate(std::string(s) + "-01-01");
    std::optional<int32_t> last = ParseIsoDate(std::string(s) + "-12-31");
    if (!first || !last) return std::nullopt;
    return Span{*first, *last};
  }
  return std::nullopt;
}

template <typename SpanOf>
std::optional<RangeValue> ParseRange(std::string_view text, SpanOf span_of) {
  auto starts = [&](std::string_view p) { return text.substr(0, p.size()) == p; };
  if (starts(">=") || starts("<=")) {
    std::optional<Span> s = span_of(text.substr(2));
    if (!s) return std::nullopt;
    return text[0] == '>' ? RangeValue{s->first, kOpenHigh} : RangeValue{kOpenLow, s->last};
  }
  if (starts(">") || starts("<")) {
    std::optional<Span> s = span_of(text.substr(1));
    if (!s) return std::nullopt;
    if (text[0] == '>') {
      if (s->last == kOpenHigh) return std::nullopt;
      return RangeValue{s->last + 1, kOpenHigh};
    }
    if (s->first == kOpenLow) return std::nullopt;
    return RangeValue{kOpenLow, s->first - 1};
  }
  size_t dots = text.find("..");
  if (dots != std::string_view::npos) {
    std::string_view lo = text.substr(0, dots);
    std::string_view hi = text.substr(dots + 2);
    if (lo.empty() && hi.empty()) return std::nullopt;
    RangeValue r{kOpenLow, kOpenHigh};
    if (!lo.empty()) {
      std::optional<Span> s = span_of(lo);
      if (!s) return std::nullopt;
      r.low = s->first;
    }
    if (!hi.empty()) {
      std::optional<Span> s = span_of(hi);
      if (!s) return std::nullopt;
      r.high = s->last;
    }
    if (r.low > r.high) return std::nullopt;
    return r;
  }
  std::optional<Span> s = span_of(text);
  if (!s) return std::nullopt;
  return RangeValue{s->first, s->last};
}

}  // namespace

std::optional<RangeValue> ParseYearRange(std::string_view text) { return ParseRange(text, YearSpan); }

std::optional<RangeValue> ParseDateRange(std::string_view text) { return ParseRange(text, DateSpan); }

}  // namespace paperdeck::query
