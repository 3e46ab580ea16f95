// SavedSearchFeed: "new since you looked" for one saved search (Workspace::Feed). A paper is new
// to a saved search when it matches the search's query and its current version entered the
// corpus (library::StoredPaper::entered_revision) after the corpus revision up to which the user
// last looked (library::SavedSearch::seen_revision; never looked: every match is new). A paper
// updated to a newer version is new again, once, for that version.
//
// The new papers are found first (the corpus's index on entered_revision: the cost is the number
// that entered since, usually a few), and the query is run over them alone
// (search::SearchRequest::within), so following twenty topics costs far less than twenty
// searches.
//
// Threading: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "library/corpus.h"
#include "search/searcher.h"
#include "workspace/search_page.h"

namespace paperdeck::workspace {

struct FeedOptions {
  bool peek = false;    // look without marking anything seen
  uint32_t limit = 50;  // papers listed at most (0: count only); the count is always exact
};

struct SavedSearchFeed {
  library::SavedSearch search;  // as it was before this look
  uint64_t new_count = 0;       // papers new to it, all of them
  // The newest of them first (the latest to enter the corpus), at most FeedOptions::limit.
  std::vector<FoundPaper> papers;
  std::optional<search::QueryNotice> notice;  // the query did not parse as written
  // The corpus revision the searched index reflects: looking (not peeking) marks everything up
  // to it seen. Papers stored after it are not searchable yet and stay new.
  int64_t seen_up_to = 0;
  bool index_behind = false;  // as SearchPage::index_behind
};

}  // namespace paperdeck::workspace
