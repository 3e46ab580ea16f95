// The JSON shapes of the user's library (tags, reading state, notes), for `show --json`,
// `notes --json`, `queue --json` and `tags --json`.
//
// Threading: functions of their arguments only.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "library/library_data.h"

namespace paperdeck::present {

// {"id","text","created_at","edited_at"}
nlohmann::json NoteJson(const library::Note& note);
// {"name","set_at"}, or null when the paper has no state.
nlohmann::json ReadingStateJson(const std::optional<library::ReadingStateAt>& state);
// {"entered_at" (null when not in the library),"tags":[names],"state","notes":[NoteJson],
//  "citation_key" (null until one is pinned)}
nlohmann::json LibraryEntryJson(const library::LibraryEntry& entry);
// [{"name","papers"}]
nlohmann::json TagCountsJson(const std::vector<library::TagCount>& tags);

}  // namespace paperdeck::present
