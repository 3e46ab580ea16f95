// UTF-8 decoding for the tokenizer, one code point at a time. Text comes from the outside world
// (PDF extractions, feeds, old BibTeX files), so a malformed sequence is reported as a single
// invalid byte rather than repaired or trusted: the caller treats it as a separator and moves on.
// Overlong forms, surrogates and values above U+10FFFF are invalid.
//
// Threading: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string_view>

namespace paperdeck::text {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

struct DecodedCodePoint {
  char32_t value = kInvalidCodePoint;  // kInvalidCodePoint for a malformed sequence
  uint32_t length = 1;                 // bytes consumed; 1 for a malformed sequence
};

// Decodes the code point starting at text[pos]. REQUIRES: pos < text.size().
inline DecodedCodePoint DecodeUtf8(std::string_view text, size_t pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  const size_t avail = text.size() - pos;
  const unsigned char b0 = s[0];
  if (b0 < 0x80) return {b0, 1};
  auto cont = [&](size_t i) { return i < avail && (s[i] & 0xC0) == 0x80; };
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (!cont(1)) return {};
    return {static_cast<char32_t>(((b0 & 0x1F) << 6) | (s[1] & 0x3F)), 2};
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return {};
    if (b0 == 0xE0 && s[1] < 0xA0) return {};  // overlong
    if (b0 == 0xED && s[1] > 0x9F) return {};  // surrogate
    return {static_cast<char32_t>(((b0 & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F)), 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return {};
    if (b0 == 0xF0 && s[1] < 0x90) return {};  // overlong
    if (b0 == 0xF4 && s[1] > 0x8F) return {};  // above U+10FFFF
    return {static_cast<char32_t>(((b0 & 0x07) << 18) | ((s[1] & 0x3F) << 12) |
                                  ((s[2] & 0x3F) << 6) | (s[3] & 0x3F)),
            4};
  }
  return {};
}

}  // namespace paperdeck::text
