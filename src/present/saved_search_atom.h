// SavedSearchAtom: a saved search as an Atom feed (present/atom_feed.h), the same document for
// the server (GET /feeds/{name}.atom) and the command line (`paperdeck feed NAME --format atom`).
//
// The entries are the newest papers the saved search's query matches, newest first stored in the
// corpus (SortOrder::kAdded), at most kSavedSearchAtomEntries. Reading the feed marks nothing
// seen: a feed reader keeps its own account of what its user read, by the entries' ids. A
// recommendation saved search's entries are its recommendations now (Workspace::Recommend, the
// best kSavedSearchAtomEntries), the latest to enter the corpus first; none while its query
// selects no paper (the subtitle says so).
//
// Threading: as Workspace::Search (any thread).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "library/corpus.h"
#include "model/status.h"
#include "workspace/workspace.h"

namespace paperdeck::present {

inline constexpr size_t kSavedSearchAtomEntries = 50;

// The feed of search. base_url: where the server answers ("http://127.0.0.1:8080", no trailing
// '/'), for the feed's self link and each entry's link to /paper/{id}.
Result<std::string> SavedSearchAtom(workspace::Workspace& workspace,
                                    const library::SavedSearch& search, std::string_view base_url);

}  // namespace paperdeck::present
