// Highlight: the byte spans of a text to mark for a query — the words whose analysed term is one
// of the response's highlight_terms (search/searcher.h). "Attentive" is marked for `attention`
// because both analyse to "attent"; a compound is marked where its whole or any part matches.
//
// Spans are sorted, and overlapping or touching ones are merged, so a caller can wrap each in
// <mark> without nesting. Threading: uses the analyzer given (one per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace paperdeck::search {

struct HighlightSpan {
  uint32_t begin = 0;  // byte offsets into the text: [begin, end)
  uint32_t end = 0;

  bool operator==(const HighlightSpan&) const = default;
};

std::vector<HighlightSpan> Highlight(std::string_view text, const std::vector<std::string>& terms,
                                     text::Analyzer& analyzer);

}  // namespace paperdeck::search
