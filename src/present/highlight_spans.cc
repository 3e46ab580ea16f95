#include "present/highlight_spans.h"

#include "search/highlighter.h"

namespace paperdeck::present {

std::vector<ByteSpan> HighlightSpans(std::string_view text, const std::vector<std::string>& terms,
                                     text::Analyzer& analyzer) {
  std::vector<ByteSpan> spans;
  for (const search::HighlightSpan& s : search::Highlight(text, terms, analyzer)) {
    spans.push_back({s.begin, s.end});
  }
  return spans;
}

}  // namespace paperdeck::present
