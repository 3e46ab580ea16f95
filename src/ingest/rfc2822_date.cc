#include "ingest/rfc2822_date.h"

#include <array>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include "ingest/whitespace.h"
#include "model/ascii_case.h"

namespace paperdeck::ingest {
namespace {

std::vector<std::string_view> SplitOnSpaces(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    size_t begin = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    if (i > begin) parts.push_back(s.substr(begin, i - begin));
  }
  return parts;
}

// A run of 1..max_digits digits and nothing else.
bool ParseNumber(std::string_view s, size_t max_digits, int* out) {
  if (s.empty() || s.size() > max_digits) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

bool ParseMonth(std::string_view s, unsigned* month) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string lower = AsciiLowercase(s);
  for (unsigned i = 0; i < kMonths.size(); ++i) {
    if (lower == kMonths[i]) {
      *month = i + 1;
      return true;
    }
  }
  return false;
}

// "19:18:42" or "19:18" -> minutes since midnight.
bool ParseTime(std::string_view s, int* minutes) {
  size_t colon = s.find(':');
  if (colon == std::string_view::npos) return false;
  int h, m, sec = 0;
  std::string_view rest = s.substr(colon + 1);
  size_t colon2 = rest.find(':');
  std::string_view mm = colon2 == std::string_view::npos ? rest : rest.substr(0, colon2);
  if (!ParseNumber(s.substr(0, colon), 2, &h) || !ParseNumber(mm, 2, &m)) return false;
  if (colon2 != std::string_view::npos && !ParseNumber(rest.substr(colon2 + 1), 2, &sec)) {
    return false;
  }
  if (h > 23 || m > 59 || sec > 60) return false;
  *minutes = h * 60 + m;
  return true;
}

// Zone -> minutes east of UTC.
bool ParseZone(std::string_view s, int* offset) {
  if ((s.front() == '+' || s.front() == '-') && s.size() == 5) {
    int hhmm;
    if (!ParseNumber(s.substr(1), 4, &hhmm) || hhmm % 100 > 59) return false;
    *offset = (hhmm / 100) * 60 + hhmm % 100;
    if (s.front() == '-') *offset = -*offset;
    return true;
  }
  struct Named {
    std::string_view name;
    int hours;
  };
  static constexpr std::array<Named, 12> kZones = {{{"gmt", 0}, {"ut", 0}, {"utc", 0}, {"z", 0},
                                                    {"est", -5}, {"edt", -4}, {"cst", -6},
                                                    {"cdt", -5}, {"mst", -7}, {"mdt", -6},
                                                    {"pst", -8}, {"pdt", -7}}};
  std::string lower = AsciiLowercase(s);
  for (const Named& zone : kZones) {
    if (lower == zone.name) {
      *offset = zone.hours * 60;
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<int32_t> ParseRfc2822Date(std::string_view text) {
  std::vector<std::string_view> parts = SplitOnSpaces(text);
  size_t i = 0;
  // Optional day of the week: "Mon," (or "Mon" followed by a separate comma-less token).
  if (i < parts.size() && !parts[i].empty() && std::isalpha(static_cast<unsigned char>(parts[i][0]))) {
    ++i;
  }
  if (parts.size() < i + 3) return std::nullopt;
  int day, year;
  unsigned month;
  if (!ParseNumber(parts[i], 2, &day) || !ParseMonth(parts[i + 1], &month)) return std::nullopt;
  std::string_view year_text = parts[i + 2];
  if (!ParseNumber(year_text, 4, &year) || year_text.size() == 1 || year_text.size() == 3) {
    return std::nullopt;
  }
  if (year_text.size() == 2) year += year >= 50 ? 1900 : 2000;
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  int64_t days = std::chrono::sys_days{ymd}.time_since_epoch().count();
  i += 3;
  if (i == parts.size()) return static_cast<int32_t>(days);

  int minutes, offset = 0;
  if (!ParseTime(parts[i], &minutes)) return std::nullopt;
  ++i;
  if (i < parts.size()) {
    if (!ParseZone(parts[i], &offset)) return std::nullopt;
    ++i;
  }
  // A trailing comment such as "(PDT)" is allowed by the RFC.
  if (i < parts.size() && parts[i].front() != '(') return std::nullopt;
  int64_t utc_minutes = days * 1440 + minutes - offset;
  int64_t utc_days = utc_minutes >= 0 ? utc_minutes / 1440 : -((-utc_minutes + 1439) / 1440);
  return static_cast<int32_t>(utc_days);
}

}  // namespace paperdeck::ingest
