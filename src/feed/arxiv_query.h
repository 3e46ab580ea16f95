// ArxivQuery: our query language (query/query_parser.h, docs/query-language.md) as arXiv's
// `search_query`: words and phrases go to all:, ti:, abs:, au: or jr: (venue), `cat:` stays
// cat: (a whole archive `cat:cs` becomes `cat:cs.*`), AND/OR/NOT become AND/OR/ANDNOT, and
// year:/date: filters (and --since) become submittedDate:[YYYYMMDDHHMM TO YYYYMMDDHHMM] ranges.
//
// The user's library (`tag:`, `state:`, `has:`, `note:`) is ours alone: those parts are left out
// of what is sent, each named in *dropped ("tag:thesis (at 10) is your own library, ...").
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
#include <vector>

#include "model/status.h"

namespace paperdeck::feed {

// text: what the person typed. since: days since 1970 (--since), papers submitted on or after.
// today: the upper end of an open --since range (days since 1970). dropped, if given, receives
// one line per part of the query left out.
Result<std::string> ToArxivSearchQuery(std::string_view text, std::optional<int32_t> since,
                                       int32_t today, std::vector<std::string>* dropped = nullptr);

}  // namespace paperdeck::feed
