// Workspace::Feed (workspace.h, saved_search_feed.h): "new since you looked".
#include <algorithm>
#include <memory>
#include <utility>

#include "workspace/library_lookup.h"
#include "workspace/workspace.h"

namespace paperdeck::workspace {

Result<SavedSearchFeed> Workspace::Feed(std::string_view name, const FeedOptions& options) {
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  PAPERDECK_ASSIGN_OR_RETURN(std::optional<library::SavedSearch> saved,
                             (*corpus)->FindSavedSearch(name));
  if (!saved) return Status::NotFound("no saved search is named '" + std::string(name) + "'");
  PAPERDECK_ASSIGN_OR_RETURN(int64_t corpus_revision, (*corpus)->Revision());
  Result<Snapshot> snapshot = snapshots_.Current();
  if (!snapshot.ok()) return snapshot.status();

  SavedSearchFeed feed;
  feed.search = *saved;
  feed.seen_up_to = snapshot->reader->corpus_revision();
  feed.index_behind = corpus_revision > feed.seen_up_to;

  LibraryLookup library(**corpus, &library_sets_);
  search::SearchRequest request;
  request.query = saved->query;
  request.library = &library;
  request.sort = search::SortOrder::kAdded;
  if (saved->seen_revision) {
    // Papers entered after the look, that is: read from the corpus's index on entered_revision.
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<int64_t> entered,
                               (*corpus)->PapersEnteredAfter(*saved->seen_revision));
    auto within = std::make_shared<search::PaperKeySet>();
    for (int64_t key : entered) within->add(static_cast<uint64_t>(key));
    request.within = std::move(within);
  }
  // The latest to enter first: a paper's key tells when it was first stored, its entered
  // revision when its current version was; the page is read by key and ordered by both.
  request.limit = options.limit == 0 ? 0 : search::kMaxSearchLimit;
  Result<search::SearchResponse> response = snapshot->searcher->Search(request);
  if (!response.ok()) return response.status();
  feed.new_count = response->total;
  feed.notice = response->notice;

  if (options.limit > 0 && !response->hits.empty()) {
    std::vector<int64_t> keys;
    keys.reserve(response->hits.size());
    for (const search::SearchHit& hit : response->hits) {
      keys.push_back(static_cast<int64_t>(hit.paper_key));
    }
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<library::StoredPaper> papers, (*corpus)->Get(keys));
    std::vector<FoundPaper> found = JoinHitsToPapers(response->hits, std::move(papers));
    std::stable_sort(found.begin(), found.end(), [](const FoundPaper& a, const FoundPaper& b) {
      if (a.paper.entered_revision != b.paper.entered_revision) {
        return a.paper.entered_revision > b.paper.entered_revision;
      }
      return a.paper.key > b.paper.key;
    });
    if (found.size() > options.limit) found.resize(options.limit);
    for (FoundPaper& f : found) {
      PAPERDECK_ASSIGN_OR_RETURN(f.library, (*corpus)->LibraryOf(f.paper.key));
    }
    feed.papers = std::move(found);
  }
  if (!options.peek) {
    PAPERDECK_RETURN_IF_ERROR((*corpus)->MarkSavedSearchSeen(saved->name, feed.seen_up_to));
  }
  return feed;
}

}  // namespace paperdeck::workspace
