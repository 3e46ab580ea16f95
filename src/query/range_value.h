// The values of `year:` and `date:`: one value or a range, as people write them.
//
//   year:2024   year:>=2023   year:>2023   year:<2020   year:<=2019   year:2020..2023
//   year:2020..   year:..2019
//   date:2026-06-01   date:2026-06 (the month)   date:2026 (the year)
//   date:>=2026-06-01   date:<2026-06   date:2026-06-01..2026-06-30   date:2026-05..
//
// A date endpoint names a day, a month or a year: as a lower bound it means its first day, as an
// upper bound its last day (`date:..2026-06` runs to June 30). Bounds are inclusive; an open side
// is the int32 minimum or maximum.
//
// Threading: the functions are pure and may run on any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace paperdeck::query {

struct RangeValue {
  int32_t low;
  int32_t high;
};

// Years are 1 to 4 digits, at least 1 (0 means unknown in the index). nullopt when text is not
// one of the forms above, or names an empty range (2023..2020).
std::optional<RangeValue> ParseYearRange(std::string_view text);

// Days since 1970-01-01. nullopt when text is not one of the forms above, names no calendar
// date (2026-13-40, 2026-02-30), or names an empty range.
std::optional<RangeValue> ParseDateRange(std::string_view text);

}  // namespace paperdeck::query
