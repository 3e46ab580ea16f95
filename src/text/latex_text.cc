#include "text/latex_text.h"

#include "text/latex_math.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>

namespace paperdeck::text {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

char At(std::string_view s, size_t i) { return i < s.size() ? s[i] : '\0'; }

// The combining mark (UTF-8) each accent command puts on its letter; nullptr for none.
const char* CombiningMark(std::string_view accent) {
  struct Mark {
    std::string_view accent;
    const char* utf8;
  };
  static constexpr Mark kMarks[] = {
      {"'", "\xCC\x81"}, {"`", "\xCC\x80"}, {"^", "\xCC\x82"}, {"\"", "\xCC\x88"},
      {"~", "\xCC\x83"}, {"=", "\xCC\x84"}, {".", "\xCC\x87"}, {"u", "\xCC\x86"},
      {"v", "\xCC\x8C"}, {"H", "\xCC\x8B"}, {"c", "\xCC\xA7"}, {"k", "\xCC\xA8"},
      {"r", "\xCC\x8A"}, {"d", "\xCC\xA3"}, {"b", "\xCC\xB1"}, {"t", "\xCD\xA1"},
  };
  for (const Mark& m : kMarks) {
    if (m.accent == accent) return m.utf8;
  }
  return nullptr;
}

// Control words that stand for a letter or a sign.
std::string_view SymbolOf(std::string_view name) {
  struct Symbol {
    std::string_view name, utf8;
  };
  static constexpr Symbol kSymbols[] = {
      {"ss", "ß"},  {"l", "ł"},   {"L", "Ł"},   {"o", "ø"},          {"O", "Ø"},
      {"i", "ı"},   {"j", "ȷ"},   {"aa", "å"},  {"AA", "Å"},         {"ae", "æ"},
      {"AE", "Æ"},  {"oe", "œ"},  {"OE", "Œ"},  {"dh", "ð"},         {"DH", "Ð"},
      {"th", "þ"},  {"TH", "Þ"},  {"ng", "ŋ"},  {"NG", "Ŋ"},         {"dj", "đ"},
      {"DJ", "Đ"},  {"S", "§"},   {"P", "¶"},   {"ldots", "…"},      {"dots", "…"},
      {"textendash", "–"},        {"textemdash", "—"},               {"textquoteright", "’"},
      {"textquoteleft", "‘"},     {"textquotedblleft", "“"},         {"textquotedblright", "”"},
      {"textasciitilde", "~"},    {"textbackslash", "\\"},           {"textbar", "|"},
      {"textless", "<"},          {"textgreater", ">"},              {"textdegree", "°"},
      {"copyright", "©"},         {"textregistered", "®"},           {"texttrademark", "™"},
      {"pounds", "£"},            {"euro", "€"},                     {"guillemotleft", "«"},
      {"guillemotright", "»"},
  };
  for (const Symbol& s : kSymbols) {
    if (s.name == name) return s.utf8;
  }
  return {};
}

// Commands that only style their argument (or the rest of their group: "{\em x}"): dropped, the
// text kept.
bool IsStyleCommand(std::string_view name) {
  static constexpr std::string_view kStyles[] = {
      "emph",   "textit", "textbf", "textsc", "texttt", "textrm",  "textsf", "textup",
      "textsl", "textmd", "textnormal", "mbox", "url", "it",     "bf",     "em",
      "sc",     "rm",     "tt",     "sf",     "sl",     "upshape", "itshape", "bfseries",
      "scshape", "normalfont", "noopsort", "relax", "protect", "hbox", "NoCaseChange"};
  for (std::string_view s : kStyles) {
    if (s == name) return true;
  }
  return false;
}

bool IsLetterAccent(std::string_view name) {
  return name.size() == 1 && std::strchr("cvuHkrdbt", name[0]) != nullptr;
}

// What a decoding is for: a BibTeX field (math kept as written) or a paper's text shown where
// nothing typesets it (math as Unicode, and "~" before a number kept: arXiv's "about").
enum class Reading { kBibtex, kPlainText };

class Decoder {
 public:
  Decoder(std::string_view s, Reading reading) : s_(s), reading_(reading) {}

  std::string Run() {
    while (i_ < s_.size()) Step();
    if (!composed_) return std::move(out_);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::move(out_);
    icu::UnicodeString composed = nfc->normalize(icu::UnicodeString::fromUTF8(out_), status);
    if (U_FAILURE(status)) return std::move(out_);
    std::string result;
    composed.toUTF8String(result);
    return result;
  }

 private:
  void Step() {
    const char c = s_[i_];
    switch (c) {
      case '$':
        CopyMath();
        return;
      case '{':
      case '}':
        ++i_;
        return;
      case '~':
        if (reading_ == Reading::kPlainText &&
            ((At(s_, i_ + 1) >= '0' && At(s_, i_ + 1) <= '9') || (i_ > 0 && s_[i_ - 1] == '/'))) {
          break;  // "~50%", ".../~user/": not a tie
        }
        out_ += ' ';
        ++i_;
        return;
      case '-': {
        size_t run = 0;
        while (At(s_, i_ + run) == '-') ++run;
        out_ += run == 2 ? "–" : run == 3 ? "—" : std::string(run, '-');
        i_ += run;
        return;
      }
      case '`':
      case '\'':
        if (At(s_, i_ + 1) == c) {
          out_ += c == '`' ? "“" : "”";
          i_ += 2;
          return;
        }
        break;
      case '\\':
        Command();
        return;
      default:
        break;
    }
    out_ += c;
    ++i_;
  }

  // $...$ or $$...$$, copied as written (an unclosed one runs to the end), or as plain text.
  void CopyMath() {
    const std::string_view delimiter = At(s_, i_ + 1) == '$' ? "$$" : "$";
    size_t j = i_ + delimiter.size();
    while (j < s_.size() && s_.substr(j, delimiter.size()) != delimiter) {
      j += s_[j] == '\\' && j + 1 < s_.size() ? 2 : 1;
    }
    if (reading_ == Reading::kPlainText && j < s_.size()) {
      out_ += MathAsText(s_.substr(i_ + delimiter.size(), j - i_ - delimiter.size()));
      i_ = j + delimiter.size();
      return;
    }
    j = std::min(s_.size(), j + delimiter.size());
    out_.append(s_.substr(i_, j - i_));
    i_ = j;
  }

  void Command() {
    const char next = At(s_, i_ + 1);
    if (next != '\0' && std::strchr("&%$#_{} ", next) != nullptr) {
      out_ += next;
      i_ += 2;
      return;
    }
    if (next == '\\' || next == '\n') {  // a forced line break
      out_ += ' ';
      i_ += 2;
      return;
    }
    if (next != '\0' && std::strchr("'`^\"~=.", next) != nullptr) {
      if (!Accent(std::string_view(&s_[i_ + 1], 1), i_ + 2)) Keep(2);
      return;
    }
    if (!IsAsciiLetter(next)) {
      Keep(1);
      return;
    }
    size_t end = i_ + 1;
    while (IsAsciiLetter(At(s_, end))) ++end;
    const std::string_view name = s_.substr(i_ + 1, end - i_ - 1);
    if (IsLetterAccent(name)) {
      if (!Accent(name, end)) Keep(end - i_);
      return;
    }
    if (std::string_view symbol = SymbolOf(name); !symbol.empty()) {
      out_ += symbol;
      i_ = end;
      SkipAfterControlWord();
      return;
    }
    if (IsStyleCommand(name)) {
      i_ = end;
      SkipAfterControlWord();
      return;
    }
    Keep(end - i_);
  }

  // TeX swallows the spaces after a control word, and "{}" is the usual way to end one.
  void SkipAfterControlWord() {
    while (IsSpace(At(s_, i_))) ++i_;
    if (At(s_, i_) == '{' && At(s_, i_ + 1) == '}') i_ += 2;
  }

  // An accent command whose argument begins at pos: "e", "{e}", " e" (after a letter accent),
  // "{\i}", "\i". False, with nothing consumed, when no letter follows.
  bool Accent(std::string_view accent, size_t pos) {
    const char* mark = CombiningMark(accent);
    if (mark == nullptr) return false;
    size_t p = pos;
    while (IsAsciiLetter(accent[0]) && At(s_, p) == ' ') ++p;
    const bool braced = At(s_, p) == '{';
    if (braced) ++p;
    std::string_view base;
    if (At(s_, p) == '\\' && (At(s_, p + 1) == 'i' || At(s_, p + 1) == 'j') &&
        !IsAsciiLetter(At(s_, p + 2))) {
      base = s_.substr(p + 1, 1);  // the dotless i takes the accent as a plain i
      p += 2;
      if (!braced && At(s_, p) == '{' && At(s_, p + 1) == '}') p += 2;
    } else if (IsAsciiLetter(At(s_, p))) {
      base = s_.substr(p, 1);
      p += 1;
    } else {
      return false;
    }
    if (braced) {
      if (At(s_, p) != '}') return false;
      ++p;
    }
    out_ += base;
    out_ += mark;
    composed_ = true;
    i_ = p;
    return true;
  }

  void Keep(size_t length) {
    out_.append(s_.substr(i_, length));
    i_ += length;
  }

  std::string_view s_;
  Reading reading_;
  size_t i_ = 0;
  std::string out_;
  bool composed_ = false;
};

}  // namespace

std::string DecodeLatex(std::string_view latex) { return Decoder(latex, Reading::kBibtex).Run(); }

std::string LatexAsPlainText(std::string_view text) {
  if (text.find_first_of("\\$~{}`'-") == std::string_view::npos) return std::string(text);
  return Decoder(text, Reading::kPlainText).Run();
}

}  // namespace paperdeck::text
