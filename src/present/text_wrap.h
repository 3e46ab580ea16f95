// Wrapping text to a width, with byte spans to highlight. Widths count UTF-8 code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paperdeck::present {

struct ByteSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Lines of text no wider than width (a longer word stands alone), as byte ranges of text.
std::vector<std::pair<uint32_t, uint32_t>> WrapLines(std::string_view text, int width);

// text[begin, end) with on/off inserted around the parts inside spans (sorted, disjoint).
std::string Decorate(std::string_view text, uint32_t begin, uint32_t end,
                     const std::vector<ByteSpan>& spans, const char* on, const char* off);

}  // namespace paperdeck::present
