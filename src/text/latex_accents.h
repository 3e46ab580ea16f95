// LaTeX spellings of accented and special letters, as arXiv metadata writes names and words:
// "Schr\"odinger", "Fr\'echet", "Fr{\'e}chet", "\v{S}ediv\'y", "Przemys{\l}aw", "{\AA}ngstr{\"o}m".
// The tokenizer reads each such spelling as one letter, and folding replaces it by the plain
// letter, so "Schr\"odinger" meets "Schrödinger" and "Schrodinger".
//
// Recognised (L is one ASCII letter):
//   \'L \"L \`L \^L \~L \=L \.L, and the same with {L} after the accent;
//   \c{L} \v{L} \u{L} \H{L} \k{L} \r{L} \d{L} \b{L};
//   any of these wrapped in braces: {\'L};
//   {\l} {\L} {\o} {\O} {\i} {\j} {\ss} {\aa} {\AA} {\ae} {\AE} {\oe} {\OE}.
// Anything else ("\times", "\cite{x}", "{\rho}") is not a letter here.
//
// Threading: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace paperdeck::text {

struct LatexLetter {
  uint32_t length = 0;    // bytes of the LaTeX spelling; 0 if none starts at pos
  std::string_view plain;  // the plain letter(s): "e", "O", "l", "ss"
};

// The LaTeX letter starting at text[pos], if any. Cheap when text[pos] is not '\\' or '{'.
LatexLetter MatchLatexLetter(std::string_view text, size_t pos);

// Appends text with every LaTeX letter replaced by its plain letter(s).
void AppendWithoutLatexAccents(std::string_view text, std::string* out);

}  // namespace paperdeck::text
