#include "present/expansion.h"

#include <fmt/core.h>

namespace paperdeck::present {

nlohmann::json ExpansionJson(const search::SearchResponse& response) {
  nlohmann::json terms = nlohmann::json::array();
  for (const search::FeedbackTerm& t : response.feedback) {
    terms.push_back({{"term", t.term},
                     {"form", t.form.empty() ? t.term : t.form},
                     {"weight", t.weight}});
  }
  return {{"terms", std::move(terms)},
          {"not_expanded", response.not_expanded.empty()
                               ? nlohmann::json()
                               : nlohmann::json(response.not_expanded)}};
}

std::string ExpansionLine(const search::SearchResponse& response) {
  if (!response.not_expanded.empty()) return "Not expanded: " + response.not_expanded + ".";
  if (response.feedback.empty()) {
    return "Expanded with no terms: the best hits share no word the query lacks.";
  }
  std::string out = "Expanded with (word, weight):";
  for (size_t i = 0; i < response.feedback.size(); ++i) {
    const search::FeedbackTerm& t = response.feedback[i];
    out += fmt::format("{} {} {:.3f}", i == 0 ? "" : ",", t.form.empty() ? t.term : t.form,
                       t.weight);
  }
  return out;
}

}  // namespace paperdeck::present
