#include "cite/latex_text.h"

#include <cctype>

namespace paperdeck::cite {
namespace {

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The end of the LaTeX at text[i] (text[i] is '\\' or '$'), or i when it is not LaTeX but a
// character to escape: a `$` without its closing `$`, a `\` followed by nothing a command can be.
size_t LatexEnd(std::string_view text, size_t i) {
  if (text[i] == '$') {
    const bool display = i + 1 < text.size() && text[i + 1] == '$';
    const std::string_view close = display ? "$$" : "$";
    size_t from = i + close.size();
    while (from < text.size()) {
      size_t end = text.find(close, from);
      if (end == std::string_view::npos) return i;
      if (text[end - 1] != '\\') return end + close.size();
      from = end + 1;
    }
    return i;
  }
  // A backslash: a command of letters, or a control symbol (`\&`, `\'`, `\"`, `\{`).
  size_t j = i + 1;
  if (j >= text.size()) return i;
  if (IsLetter(text[j])) {
    while (j < text.size() && IsLetter(text[j])) ++j;
  } else if (std::string_view("&%$#_{}~^\\'\"`.=,;!").find(text[j]) != std::string_view::npos) {
    ++j;
  } else {
    return i;
  }
  // Its arguments: balanced groups right after it ("\emph{x}", "\frac{a}{b}", "\'{e}").
  while (j < text.size() && text[j] == '{') {
    int depth = 0;
    size_t k = j;
    for (; k < text.size(); ++k) {
      if (text[k] == '\\') {
        ++k;
        continue;
      }
      if (text[k] == '{') ++depth;
      if (text[k] == '}' && --depth == 0) break;
    }
    if (k >= text.size()) break;  // unbalanced: the brace is escaped as text
    j = k + 1;
  }
  return j;
}

void AppendEscaped(char c, std::string* out) {
  switch (c) {
    case '&': *out += "\\&"; break;
    case '%': *out += "\\%"; break;
    case '$': *out += "\\$"; break;
    case '#': *out += "\\#"; break;
    case '_': *out += "\\_"; break;
    // Not "\{": BibTeX counts every brace, escaped or not, to find a value's end, so a lone
    // "\}" would end the field early.
    case '{': *out += "\\textbraceleft{}"; break;
    case '}': *out += "\\textbraceright{}"; break;
    case '~': *out += "\\textasciitilde{}"; break;
    case '^': *out += "\\textasciicircum{}"; break;
    case '\\': *out += "\\textbackslash{}"; break;
    case '\n': case '\r': case '\t': *out += ' '; break;
    default: *out += c;
  }
}

// True when span opens as many braces as it closes, never closing one it has not opened, as
// BibTeX counts them (a backslash before a brace does not hide it).
bool Balanced(std::string_view span) {
  int depth = 0;
  for (char c : span) {
    if (c == '{') ++depth;
    if (c == '}' && --depth < 0) return false;
  }
  return depth == 0;
}

// Escapes text; with protect, wraps each word holding a capital after its first letter in
// braces. LaTeX spans are copied whole, and a word holding one is left unwrapped (its braces
// would not nest predictably with the command's).
std::string Escape(std::string_view text, bool protect) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      out += ' ';
      ++i;
      continue;
    }
    // One word: up to the next space, LaTeX spans included.
    std::string word;
    bool capital_inside = false, has_latex = false;
    size_t letters = 0;
    while (i < text.size() && text[i] != ' ') {
      const char c = text[i];
      if (c == '\\' || c == '$') {
        size_t end = LatexEnd(text, i);
        const std::string_view span = text.substr(i, end - i);
        if (span == "\\{" || span == "\\}") {  // a LaTeX brace: one BibTeX can hold
          word += span[1] == '{' ? "\\textbraceleft{}" : "\\textbraceright{}";
          i = end;
          continue;
        }
        // LaTeX whose braces do not balance would end the BibTeX value early: escaped as text.
        if (end > i && Balanced(span)) {
          // Math may hold spaces; it stays one piece of the word.
          word.append(text.substr(i, end - i));
          has_latex = true;
          i = end;
          continue;
        }
      }
      if (std::isupper(static_cast<unsigned char>(c)) && letters > 0) capital_inside = true;
      if (IsLetter(c)) ++letters;
      AppendEscaped(c, &word);
      ++i;
    }
    if (protect && capital_inside && !has_latex) {
      out += "{" + word + "}";
    } else {
      out += word;
    }
  }
  return out;
}

}  // namespace

std::string LatexEscape(std::string_view text) { return Escape(text, /*protect=*/false); }

std::string LatexTitle(std::string_view title) { return Escape(title, /*protect=*/true); }

}  // namespace paperdeck::cite
