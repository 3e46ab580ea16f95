// Dates as the corpus and the index keep them: days since 1970-01-01 (an int32 column in the
// index), parsed from and printed as ISO dates, and printed the way cards show them; and times
// as the corpus records them (UTC, to the second).
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paperdeck {

// "2026-06-05" -> days since 1970-01-01. Also accepts "2026-06-05T10:00:00Z" (the time is
// ignored). nullopt when the text is not a valid calendar date.
std::optional<int32_t> ParseIsoDate(std::string_view text);

// days -> "2026-06-05".
std::string FormatIsoDate(int32_t days);

// days -> "Jun 5, 2026", as cards show dates.
std::string FormatCardDate(int32_t days);

// The year of days.
int YearOf(int32_t days);

// The current time: the system clock, unless the environment variable PAPERDECK_NOW holds a
// time as FormatIsoTime writes it ("2026-12-02T10:00:00Z"): then that time, fixed, so tests can
// say what "since the last sync" and "today" mean. A value that is not such a time is ignored
// (ClockOverrideProblem says so). Only the corpus's own times go through it (when a paper was
// stored, a search synced, today's date); spacing requests to a source always uses the real
// clock.
std::chrono::system_clock::time_point Now();
// Empty, or what is wrong with PAPERDECK_NOW, for a command to say before it acts.
std::string ClockOverrideProblem();

// Today, in days since 1970-01-01 (UTC), by Now().
int32_t Today();

// at, to the second, UTC: "2026-06-18T09:30:00Z", as the corpus records times.
std::string FormatIsoTime(std::chrono::system_clock::time_point at);
// FormatIsoTime of Now().
std::string NowIsoTime();
// "2026-06-18T09:30:00Z" -> that time; nullopt unless IsIsoTime(text).
std::optional<std::chrono::system_clock::time_point> ParseIsoTime(std::string_view text);
// True when text is a time as FormatIsoTime writes it ("YYYY-MM-DDTHH:MM:SSZ") on a valid
// calendar date.
bool IsIsoTime(std::string_view text);

}  // namespace paperdeck
