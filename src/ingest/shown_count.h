// Counts as cards show them: "237", "1.6k", "4k", "2.1M", "1,234". A listing that only shows
// a rounded count still says roughly how cited a paper is. Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace paperdeck::ingest {

// "1.6k" -> 1600, "4k" -> 4000, "2.1M" -> 2100000, "1,234" -> 1234, "237" -> 237 (k, K, m, M
// suffixes; surrounding whitespace allowed). nullopt for anything else.
std::optional<int64_t> ParseShownCount(std::string_view text);

}  // namespace paperdeck::ingest
