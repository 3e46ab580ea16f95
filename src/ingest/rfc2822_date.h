// Dates in the form of RFC 2822 (e-mail) headers, as arXiv writes the creation date of each
// version: "Mon, 2 Apr 2007 19:18:42 GMT". Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace paperdeck::ingest {

// The UTC calendar day of an RFC 2822 date-time, in days since 1970-01-01: the day of the week
// is optional (and not checked), seconds are optional, the zone may be GMT, UT, UTC, Z, a US zone
// (EST, EDT, CST, CDT, MST, MDT, PST, PDT) or a numeric offset (+0100); without a time the date
// is taken as written. Two-digit years are read as 19xx from 50 on, else 20xx. nullopt when the
// text is not such a date.
std::optional<int32_t> ParseRfc2822Date(std::string_view text);

}  // namespace paperdeck::ingest
