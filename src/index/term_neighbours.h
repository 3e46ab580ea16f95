// Term neighbours: the terms of one segment's dictionary that begin with a prefix, or that lie
// within a few edits of a word, found without reading every term.
//
// A prefix is a range of the sorted dictionary: one Seek and a walk to the first term past it.
//
// Edit neighbours walk the sorted dictionary as a trie. The distance is Damerau–Levenshtein in
// its optimal-string-alignment form (an insertion, a deletion, a substitution or a swap of two
// neighbouring characters each cost one; `atention` → `attention` is one edit, `trasnform` →
// `transform` one), counted in code points. For each term the walk extends the dynamic
// programming table of the word against the term one row per code point — the state of a
// Levenshtein automaton after reading that prefix — reusing the rows of the prefix the term
// shares with the previous one. When every cell of a row exceeds max_edits no term beginning with
// that prefix can come back within reach (a row's minimum never falls below the previous row's
// minimum less one substitution's worth: see term_neighbours.cc), so the walk seeks straight
// past every term with that prefix. Its cost follows the number of prefixes within reach, not the
// size of the dictionary.
//
// Category terms and exact forms (index/field.h's "\x01" and "\x02" prefixes) are never
// neighbours: no query word writes them.
//
// Threading: pure functions over a reader that may be shared; each call is one thread's.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "index/index_reader.h"
#include "index/term_dictionary_reader.h"

namespace paperdeck::index {

// Edits allowed at most; more would reach a large part of any dictionary.
inline constexpr int kMaxEdits = 2;

// Calls visit(term, info) for every term of dict beginning with prefix, in term order.
// An empty prefix visits every term.
void ForEachTermWithPrefix(const TermDictionaryReader& dict, std::string_view prefix,
                           const std::function<void(std::string_view, const TermInfo&)>& visit);

// Calls visit(term, info, distance) for every term of dict within max_edits (0..kMaxEdits) of
// word, in term order, distance being the edits between them. With same_prefix > 0 only terms
// whose first same_prefix code points are word's are visited (as a spelling checker that
// trusts the first letter): the walk then starts at that prefix and reads nothing else.
// word is UTF-8; invalid bytes count as one code point each.
void ForEachTermWithin(const TermDictionaryReader& dict, std::string_view word, int max_edits,
                       size_t same_prefix,
                       const std::function<void(std::string_view, const TermInfo&, int)>& visit);

// As ForEachTermWithin, but a term is visited when it lies within max_edits of some prefix of
// word of at least min_prefix code points (of word itself when min_prefix >= its length), the
// distance given being the least: the stems a word's form may come from (`attent` for
// `attentoin`, a typo of `attention`), whose forms (index/field.h's ExactFormRange) a spelling
// corrector compares with the word whole.
void ForEachTermNearPrefixOf(const TermDictionaryReader& dict, std::string_view word,
                             int max_edits, size_t same_prefix, size_t min_prefix,
                             const std::function<void(std::string_view, const TermInfo&, int)>& visit);

// A term of a snapshot, its document frequency summed over the segments, and its distance from
// the word asked about (0 for a prefix's terms).
struct TermCount {
  std::string term;
  uint64_t df = 0;
  int distance = 0;
};

// The two walks above over every segment of a snapshot, merged: each term once, in term order.
std::vector<TermCount> TermsWithPrefix(const IndexReader& reader, std::string_view prefix);
std::vector<TermCount> TermsWithin(const IndexReader& reader, std::string_view word,
                                   int max_edits, size_t same_prefix = 0);
std::vector<TermCount> TermsNearPrefixOf(const IndexReader& reader, std::string_view word,
                                         int max_edits, size_t same_prefix, size_t min_prefix);
// TermsNearPrefixOf's terms of at least min_df documents (summed over the segments), the same
// list in the same order. When min_df is high enough that each such term is frequent in some
// segment (index/frequent_terms.h), and every segment keeps its frequent terms, they are read
// from those lists, a few hundred terms of one first byte, instead of walking the dictionary.
// REQUIRES: same_prefix > 0 for the lists to be read (else: the walk).
std::vector<TermCount> TermsNearPrefixOf(const IndexReader& reader, std::string_view word,
                                         int max_edits, size_t same_prefix, size_t min_prefix,
                                         uint64_t min_df);

// The Damerau–Levenshtein distance (optimal string alignment) of a and b over code points, for
// tests and for callers with two words at hand.
int EditDistance(std::string_view a, std::string_view b);

}  // namespace paperdeck::index
