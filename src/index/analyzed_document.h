// AnalyzedDocument: a document as the segment writer takes it: the tokens of each text field
// (positions local to the field), its categories, and its column values. Built from an
// IndexDocument by DocumentAnalyzer, or by hand in tests.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "index/doc_columns.h"
#include "index/field.h"
#include "text/analyzer.h"

namespace paperdeck::index {

struct AnalyzedDocument {
  DocValues values;  // including the field lengths
  std::array<std::vector<text::Token>, kNumFields> fields;
  std::vector<std::string_view> categories;  // as given, primary first

  void Clear() {
    values = DocValues{};
    for (auto& f : fields) f.clear();
    categories.clear();
  }
};

}  // namespace paperdeck::index
