#include "present/text_wrap.h"

namespace paperdeck::present {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

int Width(std::string_view s) {
  int w = 0;
  for (char c : s) {
    if (!IsContinuation(static_cast<unsigned char>(c))) ++w;
  }
  return w;
}

}  // namespace

std::vector<std::pair<uint32_t, uint32_t>> WrapLines(std::string_view text, int width) {
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t i = 0;
  while (i < n) {
    while (i < n && text[i] == ' ') ++i;
    if (i >= n) break;
    uint32_t line_begin = i, line_end = i;
    int line_width = 0;
    while (i < n) {
      uint32_t word_begin = i;
      while (i < n && text[i] != ' ') ++i;
      int w = Width(text.substr(word_begin, i - word_begin));
      int needed = line_width == 0 ? w : line_width + 1 + w;
      if (line_width > 0 && needed > width) {
        i = word_begin;
        break;
      }
      line_width = needed;
      line_end = i;
      while (i < n && text[i] == ' ') ++i;
    }
    lines.emplace_back(line_begin, line_end);
  }
  return lines;
}

std::string Decorate(std::string_view text, uint32_t begin, uint32_t end,
                     const std::vector<ByteSpan>& spans, const char* on, const char* off) {
  std::string out;
  uint32_t at = begin;
  for (const ByteSpan& s : spans) {
    if (s.end <= begin || s.begin >= end) continue;
    uint32_t b = s.begin < begin ? begin : s.begin;
    uint32_t e = s.end > end ? end : s.end;
    if (b < at) continue;
    out.append(text.substr(at, b - at));
    out += on;
    out.append(text.substr(b, e - b));
    out += off;
    at = e;
  }
  out.append(text.substr(at, end - at));
  return out;
}

}  // namespace paperdeck::present
