// DocumentAnalyzer: turns an IndexDocument into an AnalyzedDocument with text::Analyzer. Each
// field's positions start at 0; the authors are one field whose values are analysed one after
// another with kValueGap positions between them, so no phrase spans two authors. Each name is
// analysed by text::AuthorNameAnalyzer: its words as any text's, and its name forms (initials,
// a family name with its particles joined, a German transliteration) at the same positions.
//
// A field's length is the number of positions its words take (stop words included), not
// counting the gaps between values: the length BM25F normalises by.
//
// Caps. Whatever its text, a document holds at most kMaxFieldTokens tokens per field (a word is
// one token, a compound its whole and its parts) and kMaxDocumentTerms distinct terms, so its
// analysis and its share of the segment writer's buffer stay bounded (a real abstract has a few
// hundred tokens; a crafted record of a million distinct words would otherwise hold gigabytes).
// A field is analysed up to the first word past its cap, and its length counts only what was
// analysed. Past the distinct-term cap, tokens of new terms are dropped, fields taken in the order
// title, authors, venue, abstract (so a long abstract never hides who wrote the paper); tokens of
// terms already kept stay. AnalyzedDocument::cut says what was left out; DescribeCut words it.
//
// Threading: not thread-safe (the analyzer keeps state); one per thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "index/analyzed_document.h"
#include "index/index_document.h"
#include "text/analyzer.h"
#include "text/author_name_analyzer.h"

namespace paperdeck::index {

inline constexpr size_t kMaxFieldTokens = 65'536;
inline constexpr size_t kMaxDocumentTerms = 32'768;

class DocumentAnalyzer {
 public:
  // Fills out (reusing its buffers). The views in out->categories point into doc.
  void Analyze(const IndexDocument& doc, AnalyzedDocument* out);

  // True when doc's text is long enough that a cap might cut it. A field's text of n bytes has
  // at most 2n tokens (a word's whole and its parts: "aB" is three), so a shorter text never
  // reaches a cap and need not be analysed to know it is whole.
  static bool MayBeCut(const IndexDocument& doc);

 private:
  void CapDistinctTerms(AnalyzedDocument* out);

  text::Analyzer analyzer_;
  text::AuthorNameAnalyzer author_names_;
  std::unordered_set<std::string_view> terms_;  // scratch for CapDistinctTerms
};

// What a cut document lost, for a person: "the abstract is indexed up to byte 412,345 of
// 7,000,000 (65,536 terms per field); 1,234 words are not indexed, their terms coming after the
// paper's first 32,768 distinct terms". Empty when nothing was cut.
std::string DescribeCut(const DocumentCut& cut);

}  // namespace paperdeck::index
