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
// A recommendation saved search (library::SavedSearchKind::kRecommend) holds the papers most like
// those its query selects (workspace/recommendations.h), the best kRecommendationDepth of them.
// They are a ranking, not a set of matches, so what it showed is kept instead of a revision: a
// paper among them is new unless it was shown before at the version it has now
// (Corpus::SavedSearchShown), and looking adds all of them to what it has shown. The newest of the
// new (the latest to enter the corpus) come first, the better recommended first among equals.
// When its query selects no paper any more (the tag was emptied), it has nothing new and says
// why (SavedSearchFeed::problem); the saved search and what it showed are kept.
//
// Threading: plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "search/searcher.h"
#include "workspace/search_page.h"

namespace paperdeck::workspace {

// The recommendations a recommendation saved search holds.
inline constexpr uint32_t kRecommendationDepth = 50;

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
  // A recommendation's: each listed paper's reason (the words adding most to its score), beside
  // papers; and why it recommends nothing now (its query selects no indexed paper), else empty.
  std::vector<std::vector<std::string>> reasons;
  std::string problem;
};

}  // namespace paperdeck::workspace
