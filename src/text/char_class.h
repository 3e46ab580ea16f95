// What a character is to the tokenizer. Every code point falls in one kind:
//   letters (upper, lower, or caseless such as Hangul or Arabic), digits (any numeric character:
//   "4", "٤", "²"), marks (combining accents and invisible format characters, which extend the
//   letter before them), ideographs (Han and Hiragana, each one a word of its own), joiners (the
//   punctuation that may sit inside a word: "GPT-4", "O(n^2)", "3.46\times"), and separators
//   (everything else: spaces, most punctuation, symbols, "$", invalid bytes).
// A joiner carries its canonical ASCII spelling, so "GPT‐4" (U+2010), "GPT－4" (full width) and
// "GPT-4" build the same whole term. The ASCII answers come from a table (the fast path); other
// code points ask ICU.
//
// Threading: pure functions, safe from any thread.
#pragma once

#include <array>
#include <cstdint>

namespace paperdeck::text {

enum class CharKind : uint8_t {
  kSeparator,
  kUpper,     // cased letter, upper or title case
  kLower,     // cased letter, lower case
  kCaseless,  // letter without case
  kDigit,
  kMark,
  kIdeograph,
  kJoiner,
};

struct CharClass {
  CharKind kind = CharKind::kSeparator;
  char joiner = 0;  // for kJoiner: the canonical ASCII character ('-', '\'', '(', '\\', ...)
};

inline bool IsLetter(CharKind k) {
  return k == CharKind::kUpper || k == CharKind::kLower || k == CharKind::kCaseless;
}
inline bool IsLetterOrDigit(CharKind k) { return IsLetter(k) || k == CharKind::kDigit; }

namespace internal {
// The in-word punctuation of ASCII. "$", ",", ";", "!", "?", quotes, braces and "%" separate.
inline constexpr char kAsciiJoiners[] = "-_./\\^()[]+':@&=";

constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = {CharKind::kUpper, 0};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = {CharKind::kLower, 0};
  for (int c = '0'; c <= '9'; ++c) t[c] = {CharKind::kDigit, 0};
  for (const char* j = kAsciiJoiners; *j != 0; ++j) t[*j] = {CharKind::kJoiner, *j};
  return t;
}
inline constexpr std::array<CharClass, 128> kAsciiClasses = MakeAsciiClasses();
}  // namespace internal

// REQUIRES: c < 0x80.
inline CharClass ClassifyAscii(unsigned char c) { return internal::kAsciiClasses[c]; }

// Any code point; kInvalidCodePoint (from DecodeUtf8) is a separator.
CharClass ClassifyCodePoint(char32_t c);

}  // namespace paperdeck::text
