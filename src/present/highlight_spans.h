// HighlightSpans: the byte spans [begin, end) of a card's text that match a search's terms
// (search::Highlight, with the same analysis as the index), as the terminal and the page draw them.
//
// Threading: an Analyzer is one thread's; pass each thread its own.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "present/text_wrap.h"
#include "text/analyzer.h"

namespace paperdeck::present {

std::vector<ByteSpan> HighlightSpans(std::string_view text, const std::vector<std::string>& terms,
                                     text::Analyzer& analyzer);

}  // namespace paperdeck::present
