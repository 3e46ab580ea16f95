#include "serve/paper_json.h"

namespace paperdeck::serve {

nlohmann::json PaperJson(const library::StoredPaper& paper) {
  const PaperRecord& r = paper.record;
  nlohmann::json j;
  j["id"] = r.id;
  j["title"] = r.title;
  j["authors"] = r.authors;
  j["authors_complete"] = r.authors_complete;
  j["abstract"] = r.abstract;
  j["categories"] = r.categories;
  j["date"] = r.published.empty() ? nlohmann::json() : nlohmann::json(r.published);
  j["venue"] = r.venue.empty() ? nlohmann::json() : nlohmann::json(r.venue);
  j["year"] = r.year != 0 ? nlohmann::json(r.year) : nlohmann::json();
  j["citations"] = r.citations ? nlohmann::json(*r.citations) : nlohmann::json();
  j["upvotes"] = r.upvotes ? nlohmann::json(*r.upvotes) : nlohmann::json();
  j["new"] = r.is_new;
  return j;
}

}  // namespace paperdeck::serve
