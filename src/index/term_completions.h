// Term completions: the most frequent terms of a snapshot that begin with a prefix, for
// suggestions as a person types. Each segment's dictionary holds the terms beginning with a
// prefix as one sorted range (index/term_neighbours.h); the ranges of every segment are merged
// in term order, one term at a time, and a bounded heap keeps the `limit` terms of highest
// document frequency summed over the segments. Nothing is built or cached: the cost follows the
// number of terms in the ranges (a one-letter prefix is the longest walk), and only the winners'
// bytes are copied.
//
// For each winner, `fields` says in which text fields any segment holds it (read from the
// impact bound of each segment's list: a field whose largest term frequency is 0 has none), so
// a caller can tell a surname ("lecun": authors only) from a word of titles and abstracts.
//
// Category terms ("\x01" prefix) are never completions.
//
// Threading: a pure function over a reader that may be shared.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "index/field.h"
#include "index/index_reader.h"

namespace paperdeck::index {

struct TermCompletion {
  std::string term;
  uint64_t df = 0;         // over every segment, deleted documents included
  FieldMask fields = 0;    // the text fields holding the term in some segment
};

// The at most limit terms of reader beginning with prefix, by document frequency descending
// (ties in term order). An empty prefix gives nothing.
std::vector<TermCompletion> TopTermsWithPrefix(const IndexReader& reader, std::string_view prefix,
                                               size_t limit);

// The text fields holding term in some segment of reader (0: no segment holds it).
FieldMask FieldsHolding(const IndexReader& reader, std::string_view term);

}  // namespace paperdeck::index
