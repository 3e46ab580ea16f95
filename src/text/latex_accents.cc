#include "text/latex_accents.h"

#include <cstring>

namespace paperdeck::text {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Accents written as a symbol: \'e, \"o.
bool IsSymbolAccent(char c) { return c != 0 && std::strchr("'\"`^~=.", c) != nullptr; }

// Accents written as a letter, which need braces around their argument: \v{s}, \c{c}.
bool IsLetterAccent(char c) { return c != 0 && std::strchr("cvuHkrdb", c) != nullptr; }

struct SpecialLetter {
  std::string_view latex;  // without braces
  std::string_view plain;
};
constexpr SpecialLetter kSpecialLetters[] = {
    {"\\l", "l"},   {"\\L", "L"},   {"\\o", "o"},   {"\\O", "O"},   {"\\i", "i"},
    {"\\j", "j"},   {"\\ss", "ss"}, {"\\aa", "a"},  {"\\AA", "A"},  {"\\ae", "ae"},
    {"\\AE", "AE"}, {"\\oe", "oe"}, {"\\OE", "OE"},
};

char At(std::string_view text, size_t pos) { return pos < text.size() ? text[pos] : '\0'; }

// An accent command at pos (starting with '\\'), not wrapped in braces.
LatexLetter MatchAccent(std::string_view text, size_t pos) {
  if (At(text, pos) != '\\') return {};
  const char accent = At(text, pos + 1);
  if (IsSymbolAccent(accent) && IsAsciiLetter(At(text, pos + 2))) {
    return {3, text.substr(pos + 2, 1)};
  }
  if ((IsSymbolAccent(accent) || IsLetterAccent(accent)) && At(text, pos + 2) == '{' &&
      IsAsciiLetter(At(text, pos + 3)) && At(text, pos + 4) == '}') {
    return {5, text.substr(pos + 3, 1)};
  }
  return {};
}

}  // namespace

LatexLetter MatchLatexLetter(std::string_view text, size_t pos) {
  const char c = At(text, pos);
  if (c == '\\') return MatchAccent(text, pos);
  if (c != '{' || At(text, pos + 1) != '\\') return {};
  // {\'e}
  LatexLetter inner = MatchAccent(text, pos + 1);
  if (inner.length != 0 && At(text, pos + 1 + inner.length) == '}') {
    return {inner.length + 2, inner.plain};
  }
  // {\l}
  for (const SpecialLetter& s : kSpecialLetters) {
    if (text.substr(pos + 1, s.latex.size()) == s.latex &&
        At(text, pos + 1 + s.latex.size()) == '}') {
      return {static_cast<uint32_t>(s.latex.size() + 2), s.plain};
    }
  }
  return {};
}

void AppendWithoutLatexAccents(std::string_view text, std::string* out) {
  for (size_t pos = 0; pos < text.size();) {
    const LatexLetter letter = MatchLatexLetter(text, pos);
    if (letter.length != 0) {
      out->append(letter.plain);
      pos += letter.length;
    } else {
      out->push_back(text[pos]);
      ++pos;
    }
  }
}

}  // namespace paperdeck::text
