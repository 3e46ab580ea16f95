#include "present/explanation_text.h"

#include <fmt/core.h>

#include "present/explanation_json.h"

namespace paperdeck::present {
namespace {

using Kind = search::TermExplanation::Kind;

// What a piece of the query was searched as: `attention → attent`, `atten* → attend ×1, ...`.
std::string Searched(const search::TermExplanation& t) {
  std::string out = t.query;
  switch (t.kind) {
    case Kind::kExactFormBonus:
      out += " as written";
      break;
    case Kind::kFeedback:
      out += " (feedback)";
      break;
    case Kind::kExactForm:
      break;
    case Kind::kPhrase:
      out += " (phrase)";
      break;
    case Kind::kExpansion:
    case Kind::kWord: {
      std::string terms;
      for (size_t i = 0; i < t.terms.size(); ++i) {
        if (i > 0) terms += ", ";
        terms += t.terms[i];
        if (t.kind == Kind::kExpansion && i < t.term_tfs.size()) {
          terms += fmt::format(" ×{}", t.term_tfs[i]);
        }
      }
      if (terms != t.query) out += " → " + terms;
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> ExplanationLines(const search::ScoreExplanation& e) {
  std::vector<std::string> lines;
  if (e.proximity.score > 0) {
    lines.push_back(fmt::format("score {:.3f} = {:.3f} BM25F + {:.3f} proximity", e.score, e.bm25f,
                                e.proximity.score));
  } else {
    lines.push_back(fmt::format("score {:.3f} = BM25F", e.score));
  }
  for (const search::TermExplanation& t : e.terms) {
    lines.push_back(fmt::format("  {:.3f}  {}  (idf {:.3f})", t.score, Searched(t), t.idf));
    for (const search::FieldExplanation& f : t.fields) {
      lines.push_back(fmt::format(
          "      {:.3f}  {:<8}  tf {}, length {} (average {:.1f}), norm {:.3f}, weight {:g}",
          f.score, FieldName(f.field), f.tf, f.length, f.average_length, f.norm, f.weight));
    }
  }
  if (e.proximity.score > 0) {
    std::string near;
    for (const search::ProximityTermExplanation& p : e.proximity.terms) {
      if (!near.empty()) near += ", ";
      near += fmt::format("{} {:.3f}", p.term, p.score);
    }
    lines.push_back(fmt::format("  {:.3f}  proximity (weight {:g}): {}", e.proximity.score,
                                e.proximity.weight, near));
  }
  return lines;
}

}  // namespace paperdeck::present
