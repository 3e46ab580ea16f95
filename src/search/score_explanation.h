// ScoreExplanation: why a hit scored what it did, part by part (`paperdeck search --explain`).
//
// It is recorded by the code that scores, not recomputed beside it: a matcher's Explain
// (search/matcher.h) runs the same Score path with a recorder attached, Bm25f::ScoreParts hands
// the recorder each field's part as it adds it, and the proximity bonus is the rerank's own
// per-document function (search/proximity.h). What must hold, and tests/search/explain_test.cc
// checks on every hit of a set of queries:
//
//   score      = bm25f + proximity.score                  (the same float the hit carries)
//   bm25f      = sum of terms[i].score                    (as the matchers add them)
//   terms[i].score = idf * (k1 + 1) * pseudo_tf / (k1 + pseudo_tf)
//   pseudo_tf  = sum of fields[j].weighted_tf, weighted_tf = weight * tf / norm,
//                norm = 1 - b + b * length / average_length
//   terms[i].score = sum of fields[j].score               (each field's share, below)
//   proximity.score = sum of proximity.terms[k].score
//
// BM25F saturates a term's fields together, so a field has no score of its own: its share is
// the term's score times its part of pseudo_tf. Sums hold to float rounding (a few ulps).
//
// Threading: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "index/field.h"

namespace paperdeck::search {

// One field of one term: what it adds to the term's pseudo-frequency.
struct FieldExplanation {
  index::Field field = index::Field::kTitle;
  uint32_t tf = 0;      // occurrences (a phrase's occurrences; a set of terms' summed)
  uint32_t length = 0;  // the field's length in this paper, in terms
  double average_length = 0;  // over the index
  float b = 0;
  float weight = 0;       // the field's weight
  float norm = 0;         // 1 - b + b * length / average_length
  float weighted_tf = 0;  // weight * tf / norm
  float score = 0;        // the field's share of the term's score
};

// One scored piece of the query in one paper.
struct TermExplanation {
  enum class Kind : uint8_t {
    kWord,            // a word's stem
    kPhrase,          // a quoted phrase, or a compound's parts in a row
    kExpansion,       // the terms a prefix (`atten*`) or a fuzzy word (`atention~1`) stands for
    kExactForm,       // a word as written (`=transformer`, `"transformer"`)
    kExactFormBonus,  // a bare word's exact form beside its stem (exact_form_weight above 0)
    kFeedback,        // a term the question's best hits share, added by feedback (search/feedback.h)
  };
  Kind kind = Kind::kWord;
  std::string query;               // what the query wrote: `attention`, `"linear attention"`
  std::vector<std::string> terms;  // index terms; an expansion's: those this paper holds
  std::vector<uint32_t> term_tfs;  // kExpansion: per term of terms, its occurrences in the fields
  float idf = 0;        // as scored (a phrase's: its words' summed; a repeated word's: × √n)
  float k1 = 0;
  float pseudo_tf = 0;  // sum of the fields' weighted_tf
  float score = 0;      // idf * (k1 + 1) * pseudo_tf / (k1 + pseudo_tf)
  std::vector<FieldExplanation> fields;  // the scored fields holding it
};

// One query term's proximity part: its accumulated nearness to the other terms.
struct ProximityTermExplanation {
  std::string term;
  float idf = 0;
  float nearness = 0;  // sum of w_field * idf(other) / distance over its close neighbours
  float score = 0;     // weight * min(1, idf) * nearness * (k1 + 1) / (nearness + K)
};

struct ProximityExplanation {
  float weight = 0;  // SearcherOptions::proximity
  float k = 0;       // K: k1 normalised by the abstract's length
  float score = 0;   // what the rerank added to the hit's score: 0 when it was not reranked
  std::vector<ProximityTermExplanation> terms;  // the terms with a neighbour in reach
};

struct ScoreExplanation {
  float score = 0;  // the hit's score
  float bm25f = 0;  // the score before proximity: the terms' scores as the matchers summed them
  std::vector<TermExplanation> terms;  // in the order the matchers added them
  ProximityExplanation proximity;
};

}  // namespace paperdeck::search
