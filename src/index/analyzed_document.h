// AnalyzedDocument: a document as the segment writer takes it: the tokens of each text field
// (positions local to the field), its categories, and its column values. Built from an
// IndexDocument by DocumentAnalyzer, or by hand in tests.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

#include "index/doc_columns.h"
#include "index/field.h"
#include "text/analyzer.h"

namespace paperdeck::index {

// What the caps of index/document_analyzer.h left out of a document: per field, the bytes of its
// text that were analysed and the bytes it has (equal when the field is whole; for the authors,
// all names together), and the tokens dropped for the distinct-term cap.
struct DocumentCut {
  std::array<size_t, kNumFields> analysed_bytes{};
  std::array<size_t, kNumFields> total_bytes{};
  size_t dropped_tokens = 0;

  bool any() const { return dropped_tokens > 0 || analysed_bytes != total_bytes; }
};

struct AnalyzedDocument {
  DocValues values;  // including the field lengths
  std::array<std::vector<text::Token>, kNumFields> fields;
  std::vector<std::string_view> categories;  // as given, primary first
  DocumentCut cut;

  void Clear() {
    values = DocValues{};
    for (auto& f : fields) f.clear();
    categories.clear();
    cut = DocumentCut{};
  }

  // Tokens the fields' buffers have room for (what this object holds on to between documents).
  size_t token_capacity() const {
    size_t n = 0;
    for (const auto& f : fields) n += f.capacity();
    return n;
  }
};

}  // namespace paperdeck::index
