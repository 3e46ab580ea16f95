// Did you mean: the words of a query the corpus holds rarely or not at all while a word within
// one or two edits is far more frequent, and the query with those words corrected.
//
// The rule, per word of a term or phrase that is not excluded (`-word` is left alone), one simple
// word at a time (a compound such as `GPT-4` or `FlashAttention-3` is never corrected):
//   - its stem has at least kMinCorrectedLength code points (`gan`, `vit`, `rag` are left alone);
//   - neighbours are the dictionary's terms sharing its first letter within 1 edit (stems of up
//     to 5 code points) or 2 (longer), as Lucene's DirectSpellChecker trusts the first letter;
//     terms holding anything but letters and digits (compound wholes) are not offered;
//   - a neighbour qualifies when the word is absent (df 0) and the neighbour is present, or when
//     the neighbour's document frequency is at least kFrequencyRatio times the word's: a real
//     term (`mamba` 710 papers of 75,728, `lora` 1,048) has no neighbour twenty times as
//     frequent, a misspelling (`atention` 12) does (`attention` 8,909);
//   - the word's forms are neighbours too: the exact forms (index/field.h) of the stems within
//     those edits of a prefix of the word as written (its last kMaxEnding code points free),
//     within the same edits of the whole word, with their own document frequencies. So a typo in
//     an ending the stemmer keeps (`attentoin`, far from every stem) finds `attention`;
//   - a neighbour must also be kFrequencyRatio times as frequent as the word in each field the
//     word is in: a name in the authors (`hinton`, `bengio`) is not corrected to a word no author
//     has (`historical`, `benign`), however rare the name;
//   - of those, the likeliest typo wins (a doubled or undoubled letter, or a swap, counts half an
//     edit: `atention` is attention, not agent), then the most frequent.
// A form is written as it is; a stem as a paper holding it writes it (search/word_forms.h), in lower
// case when the word typed had no capital; without word forms, the stem with the typed word's
// ending (`atention` = `atent` + `ion` -> `attent` + `ion`) when that stems back to it.
// Everything else of the query — operators, fields, quotes, other words — is kept byte for byte.
//
// Threading: uses the analyzer given (not thread-safe); the reader is only read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/index_reader.h"
#include "query/query_tree.h"
#include "search/word_forms.h"
#include "text/analyzer.h"

namespace paperdeck::search {

inline constexpr size_t kMinCorrectedLength = 4;
inline constexpr uint64_t kFrequencyRatio = 20;
// The code points of a word's ending its stem may lack, at most, when its forms are neighbours.
inline constexpr size_t kMaxEnding = 4;
// Words of one query looked at, at most: a rare or absent word costs a walk of the dictionary
// (a word of a few papers or more reads only each segment's frequent terms:
// index/frequent_terms.h).
inline constexpr size_t kMaxCorrectedWords = 8;

// One word of the query to correct.
struct Correction {
  size_t begin = 0, end = 0;  // bytes of the query text
  std::string term;           // the neighbour, as the dictionary holds it ("attent")
  std::string word;           // as it will be written in the suggestion ("attention")
  uint64_t df = 0;            // the neighbour's document frequency
};

// The corrections of query (parsed from text), in text order; empty when no word qualifies.
// word_forms may be null.
std::vector<Correction> FindCorrections(const query::QueryNode& query, std::string_view text,
                                        text::Analyzer* analyzer, const index::IndexReader& reader,
                                        WordForms* word_forms);

// text with each correction's bytes replaced by its word. REQUIRES: corrections in text order,
// not overlapping, within text.
std::string ApplyCorrections(std::string_view text, const std::vector<Correction>& corrections);

}  // namespace paperdeck::search
