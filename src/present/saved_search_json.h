// The JSON of saved searches and of what is new to them, for `watch --json`, `feed --json` and
// the API alike.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "library/corpus.h"
#include "workspace/saved_search_feed.h"

namespace paperdeck::present {

// {"name","query","pull","kind","created_at","looked_at","synced_at","new"}: "kind" "query" or
// "recommend"; times ISO UTC or null (never); "new" the count of papers new since the user last
// looked.
nlohmann::json SavedSearchJson(const library::SavedSearch& search, uint64_t new_count);

// SavedSearchJson of the search, and "results": each new paper as `search --json` gives it (with
// its "card", whose "version" says "v2" for a paper new again for a newer version), newest first;
// "notice" when the query did not parse as written; "index_behind" when true. A recommendation's
// papers each carry "reason" (the words adding most to its score), and "problem" says why it
// recommends nothing now (its query selects no paper).
// today: days since 1970-01-01, for the cards.
nlohmann::json SavedSearchFeedJson(const workspace::SavedSearchFeed& feed, int32_t today);

}  // namespace paperdeck::present
