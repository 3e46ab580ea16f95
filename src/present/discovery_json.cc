#include "present/discovery_json.h"

#include <cmath>

#include "present/card.h"
#include "present/paper_json.h"

namespace paperdeck::present {
namespace {

double Rounded(double v, double scale) { return std::round(v * scale) / scale; }

nlohmann::json Item(const library::StoredPaper& paper, float score,
                    const std::vector<std::string>& reason) {
  nlohmann::json j = PaperJson(paper);
  j["url"] = PaperUrl(paper.record);
  j["score"] = Rounded(score, 1e4);
  j["reason"] = reason;
  return j;
}

}  // namespace

nlohmann::json RelatedJson(const workspace::RelatedPapers& related, double took_ms) {
  nlohmann::json j;
  j["paper"] = PaperJson(related.paper);
  j["related"] = nlohmann::json::array();
  for (const workspace::RelatedPaper& r : related.related) {
    nlohmann::json item = Item(r.paper, r.score, r.reason);
    item["near_in_meaning"] = r.near_in_meaning;
    j["related"].push_back(std::move(item));
  }
  j["candidates"] = related.candidates;
  j["took_ms"] = Rounded(took_ms, 100);
  return j;
}

nlohmann::json RecommendationsJson(const workspace::Recommendations& recommendations,
                                   std::string_view query, workspace::RecommendMethod method,
                                   double took_ms, int32_t today) {
  nlohmann::json j;
  j["query"] = std::string(query);
  j["method"] = method == workspace::RecommendMethod::kSvm ? "svm" : "centroid";
  j["selected"] = recommendations.selected;
  j["words"] = recommendations.model_words;
  j["papers"] = nlohmann::json::array();
  for (const workspace::Recommendation& r : recommendations.papers) {
    nlohmann::json item = Item(r.paper, r.score, r.reason);
    item.update(LibraryFieldsJson(r.library));
    item["card"] = CardJson(MakeCard(r.paper.record, r.library, today));
    j["papers"].push_back(std::move(item));
  }
  j["train_ms"] = Rounded(recommendations.train_ms, 100);
  j["score_ms"] = Rounded(recommendations.score_ms, 100);
  j["took_ms"] = Rounded(took_ms, 100);
  return j;
}

}  // namespace paperdeck::present
