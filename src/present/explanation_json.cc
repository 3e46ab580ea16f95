#include "present/explanation_json.h"

namespace paperdeck::present {
namespace {

using Kind = search::TermExplanation::Kind;

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kWord:
      return "word";
    case Kind::kPhrase:
      return "phrase";
    case Kind::kExpansion:
      return "expansion";
    case Kind::kExactForm:
      return "exact_form";
    case Kind::kExactFormBonus:
      return "exact_form_bonus";
    case Kind::kFeedback:
      return "feedback";
  }
  return "word";
}

}  // namespace

const char* FieldName(index::Field field) {
  switch (field) {
    case index::Field::kTitle:
      return "title";
    case index::Field::kAbstract:
      return "abstract";
    case index::Field::kAuthors:
      return "authors";
    case index::Field::kVenue:
      return "venue";
  }
  return "title";
}

nlohmann::json ExplanationJson(const search::ScoreExplanation& e) {
  nlohmann::json terms = nlohmann::json::array();
  for (const search::TermExplanation& t : e.terms) {
    nlohmann::json fields = nlohmann::json::array();
    for (const search::FieldExplanation& f : t.fields) {
      fields.push_back({{"field", FieldName(f.field)},
                        {"tf", f.tf},
                        {"length", f.length},
                        {"average_length", f.average_length},
                        {"b", f.b},
                        {"weight", f.weight},
                        {"norm", f.norm},
                        {"weighted_tf", f.weighted_tf},
                        {"score", f.score}});
    }
    nlohmann::json j = {{"kind", KindName(t.kind)}, {"query", t.query},     {"terms", t.terms},
                        {"idf", t.idf},             {"k1", t.k1},           {"pseudo_tf", t.pseudo_tf},
                        {"score", t.score},         {"fields", std::move(fields)}};
    if (t.kind == Kind::kExpansion) {
      nlohmann::json expansions = nlohmann::json::array();
      for (size_t i = 0; i < t.terms.size() && i < t.term_tfs.size(); ++i) {
        expansions.push_back({{"term", t.terms[i]}, {"tf", t.term_tfs[i]}});
      }
      j["expansions"] = std::move(expansions);
    }
    terms.push_back(std::move(j));
  }
  nlohmann::json near = nlohmann::json::array();
  for (const search::ProximityTermExplanation& p : e.proximity.terms) {
    near.push_back({{"term", p.term}, {"idf", p.idf}, {"nearness", p.nearness}, {"score", p.score}});
  }
  return {{"score", e.score},
          {"bm25f", e.bm25f},
          {"terms", std::move(terms)},
          {"proximity",
           {{"weight", e.proximity.weight},
            {"k", e.proximity.k},
            {"score", e.proximity.score},
            {"terms", std::move(near)}}}};
}

}  // namespace paperdeck::present
