#include "text/latex_math.h"

#include <algorithm>

#include "text/utf8.h"

namespace paperdeck::text {
namespace {

struct Pair {
  std::string_view from, to;
};

// Control words that stand for a sign, and the operator names written as words.
constexpr Pair kSymbols[] = {
    {"alpha", "α"}, {"beta", "β"}, {"gamma", "γ"}, {"delta", "δ"}, {"epsilon", "ϵ"},
    {"varepsilon", "ε"}, {"zeta", "ζ"}, {"eta", "η"}, {"theta", "θ"}, {"vartheta", "ϑ"},
    {"iota", "ι"}, {"kappa", "κ"}, {"lambda", "λ"}, {"mu", "μ"}, {"nu", "ν"}, {"xi", "ξ"},
    {"pi", "π"}, {"rho", "ρ"}, {"sigma", "σ"}, {"tau", "τ"}, {"upsilon", "υ"}, {"phi", "ϕ"},
    {"varphi", "φ"}, {"chi", "χ"}, {"psi", "ψ"}, {"omega", "ω"}, {"Gamma", "Γ"}, {"Delta", "Δ"},
    {"Theta", "Θ"}, {"Lambda", "Λ"}, {"Xi", "Ξ"}, {"Pi", "Π"}, {"Sigma", "Σ"}, {"Phi", "Φ"},
    {"Psi", "Ψ"}, {"Omega", "Ω"}, {"ell", "ℓ"}, {"times", "×"}, {"cdot", "·"}, {"pm", "±"},
    {"mp", "∓"}, {"div", "÷"}, {"leq", "≤"}, {"le", "≤"}, {"geq", "≥"}, {"ge", "≥"},
    {"neq", "≠"}, {"ne", "≠"}, {"approx", "≈"}, {"sim", "∼"}, {"simeq", "≃"}, {"equiv", "≡"},
    {"propto", "∝"}, {"ll", "≪"}, {"gg", "≫"}, {"infty", "∞"}, {"to", "→"},
    {"rightarrow", "→"}, {"leftarrow", "←"}, {"Rightarrow", "⇒"}, {"Leftarrow", "⇐"},
    {"leftrightarrow", "↔"}, {"mapsto", "↦"}, {"in", "∈"}, {"notin", "∉"}, {"subset", "⊂"},
    {"subseteq", "⊆"}, {"cup", "∪"}, {"cap", "∩"}, {"forall", "∀"}, {"exists", "∃"},
    {"partial", "∂"}, {"nabla", "∇"}, {"sum", "∑"}, {"prod", "∏"}, {"int", "∫"},
    {"sqrt", "√"}, {"cdots", "⋯"}, {"ldots", "…"}, {"dots", "…"}, {"langle", "⟨"},
    {"rangle", "⟩"}, {"circ", "∘"}, {"oplus", "⊕"}, {"otimes", "⊗"}, {"odot", "⊙"},
    {"star", "⋆"}, {"ast", "∗"}, {"prime", "′"}, {"top", "⊤"}, {"perp", "⊥"},
    {"emptyset", "∅"}, {"varnothing", "∅"}, {"mid", "|"}, {"vert", "|"}, {"Vert", "‖"},
    {"lVert", "‖"}, {"rVert", "‖"}, {"lvert", "|"}, {"rvert", "|"}, {"|", "‖"},
    {"uparrow", "↑"}, {"downarrow", "↓"}, {"checkmark", "✓"}, {"dagger", "†"},
    {"log", "log"}, {"exp", "exp"}, {"min", "min"}, {"max", "max"}, {"sin", "sin"},
    {"cos", "cos"}, {"tanh", "tanh"}, {"lim", "lim"}, {"arg", "arg"}, {"det", "det"},
    {"sup", "sup"}, {"inf", "inf"}, {"argmax", "argmax"}, {"argmin", "argmin"},
    {"%", "%"}, {"&", "&"}, {"_", "_"}, {"#", "#"}, {"$", "$"}, {"{", "{"}, {"}", "}"},
    {",", " "}, {";", " "}, {":", " "}, {" ", " "}, {"quad", " "}, {"qquad", " "}, {"!", ""},
    {"left", ""}, {"right", ""}, {"big", ""}, {"Big", ""}, {"bigl", ""}, {"bigr", ""},
    {"displaystyle", ""}, {"limits", ""},
};

// Commands whose one argument is kept, their font or accent left out.
constexpr std::string_view kKeepArgument[] = {
    "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak",
    "boldsymbol", "bm", "text", "textrm", "textit", "textbf", "texttt", "textsf", "emph",
    "operatorname", "hat", "widehat", "tilde", "widetilde", "bar", "overline", "vec", "dot",
    "ddot", "underline", "mbox"};

constexpr Pair kBlackboard[] = {{"R", "ℝ"}, {"N", "ℕ"}, {"Z", "ℤ"}, {"Q", "ℚ"},
                                {"C", "ℂ"}, {"E", "𝔼"}, {"P", "ℙ"}};

constexpr Pair kSuperscripts[] = {
    {"0", "⁰"}, {"1", "¹"}, {"2", "²"}, {"3", "³"}, {"4", "⁴"}, {"5", "⁵"}, {"6", "⁶"},
    {"7", "⁷"}, {"8", "⁸"}, {"9", "⁹"}, {"+", "⁺"}, {"-", "⁻"}, {"−", "⁻"}, {"=", "⁼"},
    {"(", "⁽"}, {")", "⁾"}, {"n", "ⁿ"}, {"i", "ⁱ"}, {"T", "ᵀ"}, {"⊤", "ᵀ"}, {"*", "*"},
    {"∗", "*"}, {"′", "′"}};

constexpr Pair kSubscripts[] = {
    {"0", "₀"}, {"1", "₁"}, {"2", "₂"}, {"3", "₃"}, {"4", "₄"}, {"5", "₅"}, {"6", "₆"},
    {"7", "₇"}, {"8", "₈"}, {"9", "₉"}, {"+", "₊"}, {"-", "₋"}, {"−", "₋"}, {"=", "₌"},
    {"(", "₍"}, {")", "₎"}, {"a", "ₐ"}, {"e", "ₑ"}, {"o", "ₒ"}, {"x", "ₓ"}, {"h", "ₕ"},
    {"k", "ₖ"}, {"l", "ₗ"}, {"m", "ₘ"}, {"n", "ₙ"}, {"p", "ₚ"}, {"s", "ₛ"}, {"t", "ₜ"},
    {"i", "ᵢ"}, {"j", "ⱼ"}, {"r", "ᵣ"}, {"u", "ᵤ"}, {"v", "ᵥ"}};

template <size_t N>
std::string_view Find(const Pair (&table)[N], std::string_view key, bool* found) {
  for (const Pair& p : table) {
    if (p.from == key) {
      *found = true;
      return p.to;
    }
  }
  *found = false;
  return {};
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// MathJax's "\unicode{x2013}" (or "{8211}"): the character, UTF-8; empty if it is not one.
std::string UnicodeCharacter(std::string_view arg) {
  const bool hex = !arg.empty() && (arg[0] == 'x' || arg[0] == 'X');
  if (hex) arg.remove_prefix(1);
  if (arg.empty() || arg.size() > 7) return {};
  uint32_t code = 0;
  for (char c : arg) {
    int digit = c >= '0' && c <= '9' ? c - '0'
                : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                              : -1;
    if (digit < 0) return {};
    code = code * (hex ? 16 : 10) + static_cast<uint32_t>(digit);
  }
  if (code < 0x20 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {};
  std::string out;
  if (code < 0x80) {
    out += static_cast<char>(code);
  } else if (code < 0x800) {
    out += static_cast<char>(0xC0 | (code >> 6));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code >> 18));
    out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
  }
  return out;
}

// text written with the table's small letters, or false when one of its characters has none.
template <size_t N>
bool Scripted(const Pair (&table)[N], std::string_view text, std::string* out) {
  std::string scripted;
  for (size_t i = 0; i < text.size();) {
    const uint32_t length = DecodeUtf8(text, i).length;
    bool found = false;
    std::string_view small = Find(table, text.substr(i, length), &found);
    if (!found) return false;
    scripted += small;
    i += length;
  }
  *out += scripted;
  return !text.empty();
}

// Arguments nested deeper than this are copied as written: a formula is read in bounded stack.
constexpr int kMaxDepth = 16;

class MathReader {
 public:
  MathReader(std::string_view s, int depth) : s_(s), depth_(depth) {}

  std::string Run() {
    std::string out;
    while (i_ < s_.size()) Step(&out);
    return out;
  }

 private:
  void Step(std::string* out) {
    const char c = s_[i_];
    if (c == '{' || c == '}') {
      ++i_;
      return;
    }
    if (c == '^' || c == '_') {
      ++i_;
      Script(c, out);
      return;
    }
    if (c == '~') {
      *out += ' ';
      ++i_;
      return;
    }
    if (c == '\\') {
      Command(out);
      return;
    }
    const uint32_t length = DecodeUtf8(s_, i_).length;
    out->append(s_.substr(i_, length));
    i_ += length;
  }

  // The next argument, read as text: a group, a command, or one character. Past the depth, the
  // rest of the formula as written.
  std::string Argument() {
    if (depth_ >= kMaxDepth) {
      std::string rest(s_.substr(i_));
      i_ = s_.size();
      return rest;
    }
    ++depth_;
    std::string arg = ReadArgument();
    --depth_;
    return arg;
  }

  std::string ReadArgument() {
    while (i_ < s_.size() && s_[i_] == ' ') ++i_;
    if (i_ >= s_.size()) return {};
    if (s_[i_] == '{') {
      size_t depth = 0;
      size_t j = i_;
      for (; j < s_.size(); ++j) {
        if (s_[j] == '\\') {
          ++j;
          continue;
        }
        if (s_[j] == '{') ++depth;
        if (s_[j] == '}' && --depth == 0) break;
      }
      const std::string_view group = s_.substr(i_ + 1, std::min(j, s_.size()) - i_ - 1);
      std::string inner = MathReader(group, depth_).Run();
      i_ = std::min(j + 1, s_.size());
      return inner;
    }
    std::string out;
    if (s_[i_] == '\\') {
      Command(&out);
    } else {
      Step(&out);
    }
    return out;
  }

  void Script(char kind, std::string* out) {
    const std::string arg = Argument();
    bool ok = kind == '^' ? Scripted(kSuperscripts, arg, out) : Scripted(kSubscripts, arg, out);
    if (ok) return;
    *out += kind;
    if (arg.empty() || DecodeUtf8(arg, 0).length == arg.size()) {
      *out += arg;
    } else {
      out->append("(").append(arg).append(")");
    }
  }

  void Command(std::string* out) {
    size_t end = i_ + 1;
    while (end < s_.size() && IsAsciiLetter(s_[end])) ++end;
    if (end == i_ + 1 && end < s_.size()) ++end;  // a control symbol: "\%", "\,", "\|"
    const std::string_view name = s_.substr(i_ + 1, end - i_ - 1);
    i_ = end;
    bool found = false;
    if (std::string_view sign = Find(kSymbols, name, &found); found) {
      *out += sign;  // the spaces around it as the source has them: "n \log n", "3\times"
      return;
    }
    if (name == "unicode") {
      const std::string arg = Argument();
      const std::string character = UnicodeCharacter(arg);
      *out += character.empty() ? "\\unicode" + arg : character;
      return;
    }
    if (name == "mathbb") {
      const std::string arg = Argument();
      std::string_view letter = Find(kBlackboard, arg, &found);
      *out += found ? std::string(letter) : arg;
      return;
    }
    if (name == "frac" || name == "tfrac" || name == "dfrac") {
      const std::string numerator = Argument();
      const std::string denominator = Argument();
      auto part = [out](const std::string& p) {
        if (p.find_first_of(" +-") == std::string::npos) {
          out->append(p);
        } else {
          out->append("(").append(p).append(")");
        }
      };
      part(numerator);
      *out += '/';
      part(denominator);
      return;
    }
    for (std::string_view keep : kKeepArgument) {
      if (keep == name) {
        *out += Argument();
        return;
      }
    }
    *out += '\\';
    *out += name;  // unknown: as written
  }

  std::string_view s_;
  size_t i_ = 0;
  int depth_;
};

}  // namespace

std::string MathAsText(std::string_view formula) { return MathReader(formula, 0).Run(); }

}  // namespace paperdeck::text
