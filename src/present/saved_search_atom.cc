#include "present/saved_search_atom.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "present/atom_feed.h"

namespace paperdeck::present {
namespace {

Result<std::string> RecommendationAtom(workspace::Workspace& workspace,
                                       const library::SavedSearch& search,
                                       std::string_view base_url) {
  workspace::RecommendOptions asked;
  asked.limit = kSavedSearchAtomEntries;
  Result<workspace::Recommendations> found = workspace.Recommend(search.query, asked);
  if (!found.ok() && found.status().code() != Status::Code::kInvalidArgument) {
    return found.status();
  }
  std::vector<library::StoredPaper> papers;
  if (found.ok()) {
    for (workspace::Recommendation& r : found->papers) papers.push_back(std::move(r.paper));
    std::stable_sort(papers.begin(), papers.end(), [](const auto& a, const auto& b) {
      return a.entered_revision > b.entered_revision;
    });
  }
  AtomFeedFacts facts;
  facts.id = SavedSearchFeedId(search.id, search.created_at);
  facts.title = "PaperDeck: " + search.name + " \u2014 papers like " + search.query;
  if (!found.ok()) facts.subtitle = "nothing to recommend: " + std::string(found.status().message());
  facts.base_url = std::string(base_url);
  facts.self_url = facts.base_url + "/feeds/" + PercentEncode(search.name) + ".atom";
  facts.page_url = facts.base_url + "/recommended?for=" + PercentEncode(search.query);
  facts.updated_when_empty = search.created_at;
  return WriteAtomFeed(facts, papers);
}

}  // namespace

Result<std::string> SavedSearchAtom(workspace::Workspace& workspace,
                                    const library::SavedSearch& search, std::string_view base_url) {
  if (search.kind == library::SavedSearchKind::kRecommend) {
    return RecommendationAtom(workspace, search, base_url);
  }
  search::SearchRequest request;
  request.query = search.query;
  request.sort = search::SortOrder::kAdded;
  request.limit = kSavedSearchAtomEntries;
  Result<workspace::SearchPage> page = workspace.Search(request);
  if (!page.ok()) return page.status();
  std::vector<library::StoredPaper> papers;
  papers.reserve(page->papers.size());
  for (workspace::FoundPaper& found : page->papers) papers.push_back(std::move(found.paper));

  AtomFeedFacts facts;
  facts.id = SavedSearchFeedId(search.id, search.created_at);
  facts.title = "PaperDeck: " + search.name + " \u2014 " + search.query;
  facts.base_url = std::string(base_url);
  facts.self_url = facts.base_url + "/feeds/" + PercentEncode(search.name) + ".atom";
  facts.page_url = facts.base_url + "/?q=" + PercentEncode(search.query) + "&sort=added";
  facts.updated_when_empty = search.created_at;
  return WriteAtomFeed(facts, papers);
}

}  // namespace paperdeck::present
