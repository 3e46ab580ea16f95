// Workspace::Feed (workspace.h, saved_search_feed.h): "new since you looked".
#include <algorithm>
#include <memory>
#include <unordered_map>
#include <utility>

#include "workspace/library_lookup.h"
#include "workspace/workspace.h"

namespace paperdeck::workspace {
namespace {

// The feed of a recommendation saved search (saved_search_feed.h): its best recommendations now,
// those not shown before at their current version new.
Result<SavedSearchFeed> RecommendationFeed(Workspace& workspace, library::Corpus& corpus,
                                           const library::SavedSearch& saved,
                                           const FeedOptions& options, int64_t corpus_revision) {
  Result<Snapshot> snapshot = workspace.Index();
  if (!snapshot.ok()) return snapshot.status();
  SavedSearchFeed feed;
  feed.search = saved;
  feed.seen_up_to = snapshot->reader->corpus_revision();
  feed.index_behind = corpus_revision > feed.seen_up_to;

  RecommendOptions asked;
  asked.limit = kRecommendationDepth;
  Result<Recommendations> found = workspace.Recommend(saved.query, asked);
  if (!found.ok()) {
    // The query selects nothing (any more): a state of the user's library, not a failure.
    if (found.status().code() != Status::Code::kInvalidArgument) return found.status();
    feed.problem = "nothing to recommend: " + std::string(found.status().message()) + " (" +
                   saved.query + "); the saved search is kept and recommends again once it selects papers";
    return feed;
  }
  PAPERDECK_ASSIGN_OR_RETURN(auto shown, corpus.SavedSearchShown(saved.id));
  std::vector<const Recommendation*> fresh;
  std::unordered_map<int64_t, int64_t> showing;
  for (const Recommendation& r : found->papers) {
    showing.emplace(r.paper.key, r.paper.entered_revision);
    auto before = shown.find(r.paper.key);
    if (before == shown.end() || before->second < r.paper.entered_revision) fresh.push_back(&r);
  }
  feed.new_count = fresh.size();
  // The latest to enter the corpus first; among equals, the better recommended (found's order).
  std::stable_sort(fresh.begin(), fresh.end(), [](const Recommendation* a, const Recommendation* b) {
    return a->paper.entered_revision > b->paper.entered_revision;
  });
  if (fresh.size() > options.limit) fresh.resize(options.limit);
  for (const Recommendation* r : fresh) {
    FoundPaper paper;
    paper.paper = r->paper;
    paper.score = r->score;
    paper.library = r->library;
    feed.papers.push_back(std::move(paper));
    feed.reasons.push_back(r->reason);
  }
  if (!options.peek) {
    PAPERDECK_RETURN_IF_ERROR(corpus.MarkSavedSearchShown(saved.name, feed.seen_up_to, showing));
  }
  return feed;
}

}  // namespace

Result<SavedSearchFeed> Workspace::Feed(std::string_view name, const FeedOptions& options) {
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  PAPERDECK_ASSIGN_OR_RETURN(std::optional<library::SavedSearch> saved,
                             (*corpus)->FindSavedSearch(name));
  if (!saved) return Status::NotFound("no saved search is named '" + std::string(name) + "'");
  PAPERDECK_ASSIGN_OR_RETURN(int64_t corpus_revision, (*corpus)->Revision());
  if (saved->kind == library::SavedSearchKind::kRecommend) {
    return RecommendationFeed(*this, **corpus, *saved, options, corpus_revision);
  }
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
  // When each new paper's current version entered; known only for a search looked at before.
  std::unordered_map<int64_t, int64_t> entered;
  if (saved->seen_revision) {
    // Papers entered after the look: read from the corpus's index on entered_revision.
    PAPERDECK_ASSIGN_OR_RETURN(std::vector<int64_t> keys,
                               (*corpus)->PapersEnteredAfter(*saved->seen_revision, &entered));
    auto within = std::make_shared<search::PaperKeySet>();
    for (int64_t key : keys) within->add(static_cast<uint64_t>(key));
    request.within = std::move(within);
  }
  // The latest to enter first. Looked at before: every new match is read by key (the paper key is
  // when it was first stored) and ordered by when its current version entered, so a paper new
  // again for its v2 comes first; never looked at: the papers stored last come first.
  request.limit = options.limit == 0 ? 0 : saved->seen_revision ? search::kMaxSearchLimit
                                                                  : options.limit;
  Result<search::SearchResponse> response = snapshot->searcher->Search(request);
  if (!response.ok()) return response.status();
  feed.new_count = response->total;
  feed.notice = response->notice;

  std::vector<search::SearchHit> hits = std::move(response->hits);
  if (!entered.empty()) {
    auto when = [&entered](const search::SearchHit& h) {
      auto it = entered.find(static_cast<int64_t>(h.paper_key));
      return it == entered.end() ? int64_t{0} : it->second;
    };
    std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
      return when(a) > when(b);  // ties stay newest stored first
    });
  }
  if (hits.size() > options.limit) hits.resize(options.limit);
  // Only the papers shown are read whole.
  PAPERDECK_ASSIGN_OR_RETURN(feed.papers, ReadFoundPapers(**corpus, hits));
  if (!options.peek) {
    PAPERDECK_RETURN_IF_ERROR((*corpus)->MarkSavedSearchSeen(saved->name, feed.seen_up_to));
  }
  return feed;
}

}  // namespace paperdeck::workspace
