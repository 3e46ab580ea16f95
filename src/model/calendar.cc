#include "model/calendar.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace paperdeck {
namespace {

bool ParseDigits(std::string_view s, int* out) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

std::chrono::year_month_day ToYmd(int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}

}  // namespace

std::optional<int32_t> ParseIsoDate(std::string_view text) {
  if (text.size() > 10 && (text[10] == 'T' || text[10] == ' ')) text = text.substr(0, 10);
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseDigits(text.substr(0, 4), &y) || !ParseDigits(text.substr(5, 2), &m) ||
      !ParseDigits(text.substr(8, 2), &d)) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count());
}

std::string FormatIsoDate(int32_t days) {
  auto ymd = ToYmd(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::string FormatCardDate(int32_t days) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  auto ymd = ToYmd(days);
  char buf[24];
  std::snprintf(buf, sizeof buf, "%s %u, %d", kMonths[static_cast<unsigned>(ymd.month()) - 1],
                static_cast<unsigned>(ymd.day()), static_cast<int>(ymd.year()));
  return buf;
}

int YearOf(int32_t days) { return static_cast<int>(ToYmd(days).year()); }

namespace {
constexpr const char* kClockVariable = "PAPERDECK_NOW";
}  // namespace

std::chrono::system_clock::time_point Now() {
  const char* fixed = std::getenv(kClockVariable);
  if (fixed != nullptr && *fixed != '\0') {
    if (auto at = ParseIsoTime(fixed)) return *at;
  }
  return std::chrono::system_clock::now();
}

std::string ClockOverrideProblem() {
  const char* fixed = std::getenv(kClockVariable);
  if (fixed == nullptr || *fixed == '\0' || ParseIsoTime(fixed)) return "";
  return std::string(kClockVariable) + "='" + fixed +
         "' is not a time like 2026-12-02T10:00:00Z: the system clock is used";
}

int32_t Today() {
  auto now = std::chrono::floor<std::chrono::days>(Now());
  return static_cast<int32_t>(now.time_since_epoch().count());
}

std::string FormatIsoTime(std::chrono::system_clock::time_point at) {
  std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string NowIsoTime() { return FormatIsoTime(Now()); }

std::optional<std::chrono::system_clock::time_point> ParseIsoTime(std::string_view text) {
  if (!IsIsoTime(text)) return std::nullopt;
  std::optional<int32_t> days = ParseIsoDate(text.substr(0, 10));
  int h = 0, m = 0, s = 0;
  if (!days || !ParseDigits(text.substr(11, 2), &h) || !ParseDigits(text.substr(14, 2), &m) ||
      !ParseDigits(text.substr(17, 2), &s) || h > 23 || m > 59 || s > 60) {
    return std::nullopt;
  }
  return std::chrono::system_clock::time_point(std::chrono::sys_days{std::chrono::days{*days}}) +
         std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

bool IsIsoTime(std::string_view t) {
  if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
      t[16] != ':' || t[19] != 'Z') {
    return false;
  }
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  return ParseIsoDate(t.substr(0, 10)).has_value();
}

}  // namespace paperdeck
