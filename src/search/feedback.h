// Feedback: pseudo-relevance feedback in the manner of Rocchio. The best hits of a first search
// are taken as relevant; their tf-idf vectors (vectors/forward_index.h: unit length, the index's
// stems, rare and very common terms weighing nothing) are averaged, and the heaviest terms of
// that centroid that the query does not already hold are added to the question, each weighted by
// its share of the heaviest: a paper that shares no word with the question but many with its
// best answers is found.
//
// Used by search::Searcher for questions (QueryMode::kPlainTextAny) when SearcherOptions::feedback
// has a weight above 0 and a forward index was given; the parameters were chosen across
// collections (EVAL.md, "Pseudo-relevance feedback").
//
// Threading: pure functions over an immutable ForwardIndex.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vectors/forward_index.h"

namespace paperdeck::search {

struct FeedbackOptions {
  uint32_t docs = 20;   // the first search's best hits taken as relevant
  uint32_t terms = 10;  // the terms added to the question
  float weight = 0;     // the heaviest added term's idf multiplier (the others' in proportion); 0: off

  bool on() const { return weight > 0 && docs > 0 && terms > 0; }
};

// The parameters chosen by leave-one-collection-out over the development collections (EVAL.md,
// "Pseudo-relevance feedback").
inline constexpr FeedbackOptions kChosenFeedback{.docs = 20, .terms = 10, .weight = 0.1f};

// A term added to a question: an index term (a stem), and what its idf is multiplied by.
struct FeedbackTerm {
  std::string term;
  float weight = 0;
  // The term as the papers found write it ("synthesis" for the stem `synthesi`), when the caller
  // read them (workspace/surface_forms.h); empty: the term.
  std::string form;

  bool operator==(const FeedbackTerm&) const = default;
};

// The terms to add: the heaviest of the mean vector of papers (paper keys, best first; papers the
// forward index does not hold are skipped) that are not in query_terms, at most options.terms,
// heaviest first, weighted options.weight * (centroid weight / the heaviest's).
std::vector<FeedbackTerm> ChooseFeedbackTerms(const vectors::ForwardIndex& forward,
                                              std::span<const uint64_t> papers,
                                              std::span<const std::string> query_terms,
                                              const FeedbackOptions& options);

}  // namespace paperdeck::search
