// ArxivQuery: our query language (query/query_parser.h, docs/query-language.md) as arXiv's
// `search_query`: words and phrases go to all:, ti:, abs:, au: or jr: (venue), `cat:` stays
// cat: (a whole archive `cat:cs` becomes `cat:cs.*`), AND/OR/NOT become AND/OR/ANDNOT, and
// year:/date: filters (and --since) become submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM] ranges.
//
// arXiv cannot search for "everything except X" or for everything: such queries are refused
// with InvalidArgument saying what to add. A query that does not parse as operators is sent as
// its plain words, as `paperdeck search` would read it.
//
// Threading: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/status.h"

namespace paperdeck::feed {

// text: what the person typed. since: days since 1970 (--since), papers submitted on or after.
// today: the upper end of an open --since range (days since 1970).
Result<std::string> ToArxivSearchQuery(std::string_view text, std::optional<int32_t> since,
                                       int32_t today);

}  // namespace paperdeck::feed
