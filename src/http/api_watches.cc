// ApiHandlers' saved searches: listed with their counts of new papers, saved (a query's, or with
// "kind": "recommend" a recommendation's), removed, their new papers read (never marking
// anything: a GET changes nothing), and marked seen by a write.
#include <string>

#include "http/api_handlers.h"
#include "model/calendar.h"
#include "present/saved_search_json.h"

namespace paperdeck::http {
namespace {

constexpr uint32_t kDefaultFeedLimit = 50;
constexpr uint32_t kMaxFeedLimit = 100;

bool ValidName(std::string_view name) {
  return !name.empty() && name.size() <= 400 && IsValidUtf8(name);
}

// A whole number from lo to hi, or nullopt.
std::optional<int64_t> WholeNumber(std::string_view s, int64_t lo, int64_t hi) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

}  // namespace

ApiResponse ApiHandlers::Watches() {
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto searches = (*corpus)->SavedSearches();
  if (!searches.ok()) return ErrorResponse(500, searches.status().message());
  nlohmann::json list = nlohmann::json::array();
  for (const library::SavedSearch& s : *searches) {
    auto feed = workspace_.Feed(s.name, {.peek = true, .limit = 0});
    if (!feed.ok()) return FailedResponse(feed.status());
    list.push_back(present::SavedSearchJson(s, feed->new_count));
    if (!feed->problem.empty()) list.back()["problem"] = feed->problem;
  }
  ApiResponse out;
  out.body = {{"watches", std::move(list)}};
  return out;
}

ApiResponse ApiHandlers::AddWatch(std::string_view body) {
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  auto name = j->find("name");
  if (name == j->end() || !name->is_string()) {
    return ErrorResponse(400, "name is the saved search's name, a string", "name");
  }
  auto query = j->find("query");
  if (query == j->end() || !query->is_string()) {
    return ErrorResponse(400, "query is what the saved search looks for, a string", "query");
  }
  if (query->get<std::string>().size() > kMaxQueryBytes) {
    return ErrorResponse(400, "query is at most " + std::to_string(kMaxQueryBytes) + " bytes", "query");
  }
  bool pull = true;
  if (auto p = j->find("pull"); p != j->end()) {
    if (!p->is_boolean()) return ErrorResponse(400, "pull is true or false", "pull");
    pull = p->get<bool>();
  }
  library::SavedSearchKind kind = library::SavedSearchKind::kQuery;
  if (auto k = j->find("kind"); k != j->end()) {
    std::optional<library::SavedSearchKind> parsed;
    if (k->is_string()) parsed = library::ParseSavedSearchKind(k->get<std::string>());
    if (!parsed) return ErrorResponse(400, "kind is \"query\" or \"recommend\"", "kind");
    kind = *parsed;
  }
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto taken = (*corpus)->FindSavedSearch(name->get<std::string>());
  if (!taken.ok()) return ErrorResponse(500, taken.status().message());
  if (*taken) {
    ApiResponse out = ErrorResponse(409, "a saved search is already named '" + (*taken)->name + "'", "name");
    out.body["watch"] = present::SavedSearchJson(**taken, 0);
    return out;
  }
  auto added = (*corpus)->AddSavedSearch(name->get<std::string>(), query->get<std::string>(), pull,
                                         {}, kind);
  if (!added.ok()) {
    ApiResponse out = FailedResponse(added.status());
    if (out.status == 400) out.body["param"] = "name";
    return out;
  }
  auto feed = workspace_.Feed(added->name, {.peek = true, .limit = 0});
  if (!feed.ok()) return FailedResponse(feed.status());
  ApiResponse out;
  out.status = 201;
  out.body = {{"watch", present::SavedSearchJson(*added, feed->new_count)}};
  if (!feed->problem.empty()) out.body["watch"]["problem"] = feed->problem;
  return out;
}

ApiResponse ApiHandlers::RemoveWatch(std::string_view name) {
  if (!ValidName(name)) return ErrorResponse(400, "a saved search's name is 1 to 100 characters", "name");
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  if (Status s = (*corpus)->RemoveSavedSearch(name); !s.ok()) return FailedResponse(s);
  ApiResponse out;
  out.body = {{"removed", name}};
  return out;
}

ApiResponse ApiHandlers::WatchFeed(std::string_view name, const QueryParams& params) {
  if (!ValidName(name)) return ErrorResponse(400, "a saved search's name is 1 to 100 characters", "name");
  uint32_t limit = kDefaultFeedLimit;
  if (params.count("limit") > 1) return ErrorResponse(400, "limit is given once", "limit");
  if (auto it = params.find("limit"); it != params.end()) {
    std::optional<int64_t> n = WholeNumber(it->second, 0, kMaxFeedLimit);
    if (!n) return ErrorResponse(400, "limit is a whole number from 0 to " + std::to_string(kMaxFeedLimit), "limit");
    limit = static_cast<uint32_t>(*n);
  }
  for (const auto& [key, value] : params) {
    if (key != "limit") return ErrorResponse(400, "unknown parameter '" + key + "'", key);
  }
  auto feed = workspace_.Feed(name, {.peek = true, .limit = limit});
  if (!feed.ok()) return FailedResponse(feed.status());
  ApiResponse out;
  out.body = present::SavedSearchFeedJson(*feed, Today());
  out.body["revision"] = feed->seen_up_to;
  return out;
}

ApiResponse ApiHandlers::MarkWatchSeen(std::string_view name, std::string_view body) {
  if (!ValidName(name)) return ErrorResponse(400, "a saved search's name is 1 to 100 characters", "name");
  auto j = BodyObject(body);
  if (!j.ok()) return FailedResponse(j.status());
  auto corpus = workspace_.Corpus();
  if (!corpus.ok()) return ErrorResponse(500, corpus.status().message());
  auto now = (*corpus)->Revision();
  if (!now.ok()) return ErrorResponse(500, now.status().message());
  auto r = j->find("revision");
  // Up to the corpus's revision: papers not yet stored cannot have been seen.
  if (r == j->end() || !r->is_number_integer() || r->get<int64_t>() < 0 || r->get<int64_t>() > *now) {
    return ErrorResponse(400, "revision is the feed's revision, a whole number from 0 to " + std::to_string(*now),
                         "revision");
  }
  auto saved = (*corpus)->FindSavedSearch(name);
  if (!saved.ok()) return FailedResponse(saved.status());
  if (*saved && (*saved)->kind == library::SavedSearchKind::kRecommend) {
    // A recommendation's papers are a ranking: looking at them records what it recommends now.
    auto looked = workspace_.Feed(name, {.peek = false, .limit = 0});
    if (!looked.ok()) return FailedResponse(looked.status());
  } else if (Status s = (*corpus)->MarkSavedSearchSeen(name, r->get<int64_t>()); !s.ok()) {
    return FailedResponse(s);
  }
  auto feed = workspace_.Feed(name, {.peek = true, .limit = 0});
  if (!feed.ok()) return FailedResponse(feed.status());
  auto after = (*corpus)->FindSavedSearch(name);
  if (!after.ok() || !*after) return ErrorResponse(500, "the saved search went away while it was marked");
  ApiResponse out;
  out.body = {{"watch", present::SavedSearchJson(**after, feed->new_count)}};
  return out;
}

}  // namespace paperdeck::http
