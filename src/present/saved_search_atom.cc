#include "present/saved_search_atom.h"

#include <utility>
#include <vector>

#include "present/atom_feed.h"

namespace paperdeck::present {

Result<std::string> SavedSearchAtom(workspace::Workspace& workspace,
                                    const library::SavedSearch& search, std::string_view base_url) {
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
