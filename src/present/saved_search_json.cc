#include "present/saved_search_json.h"

#include <string>

#include "present/card.h"
#include "present/paper_json.h"

namespace paperdeck::present {
namespace {

nlohmann::json TimeOrNull(const std::string& t) {
  return t.empty() ? nlohmann::json() : nlohmann::json(t);
}

}  // namespace

nlohmann::json SavedSearchJson(const library::SavedSearch& search, uint64_t new_count) {
  return {{"name", search.name},
          {"query", search.query},
          {"pull", search.pull},
          {"kind", library::SavedSearchKindName(search.kind)},
          {"created_at", search.created_at},
          {"looked_at", TimeOrNull(search.looked_at)},
          {"synced_at", TimeOrNull(search.synced_at)},
          {"new", new_count}};
}

nlohmann::json SavedSearchFeedJson(const workspace::SavedSearchFeed& feed, int32_t today) {
  nlohmann::json out = SavedSearchJson(feed.search, feed.new_count);
  out["results"] = nlohmann::json::array();
  for (size_t i = 0; i < feed.papers.size(); ++i) {
    const workspace::FoundPaper& found = feed.papers[i];
    nlohmann::json j = PaperJson(found.paper);
    if (i < feed.reasons.size()) j["reason"] = feed.reasons[i];
    j.update(LibraryFieldsJson(found.library));
    Card card = MakeCard(found.paper.record, found.library, today);
    card.version = NewVersionLabel(found.paper.record);
    j["card"] = CardJson(card);
    out["results"].push_back(std::move(j));
  }
  if (feed.notice) {
    out["notice"] = {{"position", feed.notice->position}, {"message", feed.notice->message}};
  }
  if (feed.index_behind) out["index_behind"] = true;
  if (!feed.problem.empty()) out["problem"] = feed.problem;
  return out;
}

}  // namespace paperdeck::present
