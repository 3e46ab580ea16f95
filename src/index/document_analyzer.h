// DocumentAnalyzer: turns an IndexDocument into an AnalyzedDocument with text::Analyzer. Each
// field's positions start at 0; the authors are one field whose values are analysed one after
// another with kValueGap positions between them, so no phrase spans two authors.
//
// A field's length is the number of positions its words take (stop words included), not
// counting the gaps between values: the length BM25F normalises by.
//
// Threading: not thread-safe (the analyzer keeps state); one per thread.
#pragma once

#include "index/analyzed_document.h"
#include "index/index_document.h"
#include "text/analyzer.h"

namespace paperdeck::index {

class DocumentAnalyzer {
 public:
  // Fills out (reusing its buffers). The views in out->categories point into doc.
  void Analyze(const IndexDocument& doc, AnalyzedDocument* out);

 private:
  text::Analyzer analyzer_;
};

}  // namespace paperdeck::index
