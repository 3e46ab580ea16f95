#include "search/explained_matcher.h"

#include "index/field.h"

namespace paperdeck::search {
namespace {

using Kind = TermExplanation::Kind;

Kind KindOf(const PlanNode& node) {
  switch (node.kind) {
    case PlanNode::Kind::kTermSet:
      return Kind::kExpansion;
    case PlanNode::Kind::kPhrase:
      return Kind::kPhrase;
    default:
      break;
  }
  if (node.exact_form_bonus) return Kind::kExactFormBonus;
  if (node.feedback) return Kind::kFeedback;
  if (index::IsExactFormTerm(node.terms[0].term)) return Kind::kExactForm;
  return Kind::kWord;
}

// A term as a person reads it: an exact form without the index's marker byte.
std::string Readable(const std::string& term) {
  return index::IsExactFormTerm(term) ? std::string(index::ExactFormOf(term)) : term;
}

}  // namespace

float ExplainedMatcher::Explain(ScoreExplanation* out) {
  const size_t first = out->terms.size();
  const float score = leaf_->Explain(out);
  for (size_t i = first; i < out->terms.size(); ++i) {
    TermExplanation& t = out->terms[i];
    t.kind = KindOf(node_);
    t.query = node_.written;
    if (t.kind == Kind::kExpansion) {
      // The leaf counted each of its terms; keep those this paper holds.
      std::vector<uint32_t> tfs;
      for (size_t c = 0; c < terms_.size() && c < t.term_tfs.size(); ++c) {
        if (t.term_tfs[c] == 0) continue;
        t.terms.push_back(Readable(terms_[c]));
        tfs.push_back(t.term_tfs[c]);
      }
      t.term_tfs = std::move(tfs);
    } else {
      for (const PlanTerm& term : node_.terms) t.terms.push_back(Readable(term.term));
      if (t.kind == Kind::kPhrase) t.term_tfs.clear();
    }
  }
  return score;
}

}  // namespace paperdeck::search
