#include "text/word_splitter.h"

#include "text/char_class.h"
#include "text/latex_accents.h"
#include "text/utf8.h"

namespace paperdeck::text {

// Fields are word-sized: byte-sized ones made GCC assemble the struct through the stack, stalling
// the hot loop on store forwarding.
struct WordSplitter::Char {
  CharKind kind = CharKind::kSeparator;
  uint32_t length = 1;
  char32_t value = 0;
  char joiner = 0;

  // A LaTeX letter ("\\'e") is the only ASCII character longer than a byte.
  bool latex() const { return value < 0x80 && length > 1; }
};

// Kept out of line so that the ASCII path of At() stays small enough to inline.
[[gnu::noinline]] WordSplitter::Char WordSplitter::AtNonAscii(uint32_t pos) const {
  const DecodedCodePoint d = DecodeUtf8(text_, pos);
  const CharClass c = ClassifyCodePoint(d.value);
  return {c.kind, d.length, d.value, c.joiner};
}

inline WordSplitter::Char WordSplitter::At(uint32_t pos) const {
  if (pos >= text_.size()) return {};
  const auto b = static_cast<unsigned char>(text_[pos]);
  if (b < 0x80) [[likely]] {  // the fast path: a table lookup
    if ((b == '\\' || b == '{') && text_.size() - pos > 2) [[unlikely]] {
      const LatexLetter latex = MatchLatexLetter(text_, pos);
      if (latex.length != 0) {
        const CharClass c = ClassifyAscii(static_cast<unsigned char>(latex.plain[0]));
        return {c.kind, latex.length, static_cast<char32_t>(latex.plain[0]), 0};
      }
    }
    const CharClass c = ClassifyAscii(b);
    return {c.kind, 1, b, c.joiner};
  }
  return AtNonAscii(pos);
}

namespace {
bool IsBracket(char j) { return j == '(' || j == ')' || j == '[' || j == ']'; }
}  // namespace

void WordSplitter::ReadRun(Word* word, uint32_t joiner_begin, uint32_t joiner_end) {
  const uint32_t size = static_cast<uint32_t>(text_.size());
  uint32_t part_begin = pos_;
  uint32_t fold_end = 0;  // nonzero: the part ends with an acronym's plural "s"
  bool number = At(pos_).kind == CharKind::kDigit;
  bool ascii = true;
  bool latex = false;
  bool first = true;
  CharKind prev = CharKind::kSeparator;  // kind of the last letter or digit read
  int upper_run = 0;                     // upper-case letters read in a row, ending at prev

  // An "s" at pos ends an acronym ("LLMs") if at least two capitals precede it and no letter
  // follows it.
  auto acronym_plural = [&](uint32_t pos, int capitals) {
    if (capitals < 2 || text_[pos] != 's') return false;
    const CharKind next = At(pos + 1).kind;
    return !IsLetter(next) && next != CharKind::kMark;
  };
  auto close_part = [&](uint32_t end) {
    WordPart part;
    part.begin = part_begin;
    part.end = end;
    part.fold_end = fold_end != 0 ? fold_end : end;
    part.joiner_begin = first ? joiner_begin : static_cast<uint32_t>(word->joiners.size());
    part.joiner_end = first ? joiner_end : part.joiner_begin;
    part.number = number;
    part.ascii = ascii;
    part.latex = latex;
    word->parts.push_back(part);
    first = false;
    ascii = true;
    latex = false;
    fold_end = 0;
  };

  while (pos_ < size) {
    if (prev == CharKind::kLower) {
      // Most text is runs of lower-case ASCII letters, which never split a part.
      while (pos_ < size && text_[pos_] >= 'a' && text_[pos_] <= 'z') ++pos_;
      if (pos_ == size) break;
    }
    const Char c = At(pos_);
    if (c.kind == CharKind::kMark) {
      ascii = false;  // marks are never ASCII
      pos_ += c.length;
      continue;
    }
    if (prev == CharKind::kDigit && c.kind == CharKind::kJoiner && c.joiner == '.' &&
        At(pos_ + c.length).kind == CharKind::kDigit) {
      if (c.value >= 0x80) ascii = false;  // a full-width full stop
      pos_ += c.length;                    // a decimal point: "3.46" is one number
      continue;
    }
    if (!IsLetterOrDigit(c.kind)) break;

    bool split = false;
    if (prev != CharKind::kSeparator) {
      if ((prev == CharKind::kDigit) != (c.kind == CharKind::kDigit)) {
        split = true;  // "GPT4" -> GPT | 4
      } else if (prev == CharKind::kLower && c.kind == CharKind::kUpper) {
        split = true;  // "FlashAttention" -> Flash | Attention
      } else if (prev == CharKind::kUpper && c.kind == CharKind::kUpper) {
        // "XMLParser" -> XML | Parser: the last capital before a lower-case letter starts a part,
        // unless that letter is an acronym's plural ("LLMs").
        uint32_t next_pos = pos_ + c.length;
        Char next = At(next_pos);
        while (next.kind == CharKind::kMark && next_pos < size) {
          next_pos += next.length;
          next = At(next_pos);
        }
        split = next.kind == CharKind::kLower && !acronym_plural(next_pos, upper_run + 1);
      }
    }
    if (split) {
      close_part(pos_);
      part_begin = pos_;
      number = c.kind == CharKind::kDigit;
      upper_run = 0;
    }
    if (prev == CharKind::kUpper && acronym_plural(pos_, upper_run)) fold_end = pos_;
    upper_run = c.kind == CharKind::kUpper ? upper_run + 1 : 0;
    if (c.value >= 0x80) ascii = false;
    if (c.latex()) latex = true;
    prev = c.kind;
    pos_ += c.length;
  }
  close_part(pos_);
}

bool WordSplitter::Next(Word* word) {
  word->parts.clear();
  word->joiners.clear();
  word->trailer.clear();
  const uint32_t size = static_cast<uint32_t>(text_.size());

  // Skip to the next letter, digit or ideograph; leading punctuation is not part of a word.
  while (pos_ < size) {
    const Char c = At(pos_);
    if (IsLetterOrDigit(c.kind)) break;
    if (c.kind == CharKind::kIdeograph) {
      word->begin = pos_;
      pos_ += c.length;
      while (pos_ < size) {
        const Char m = At(pos_);
        if (m.kind != CharKind::kMark) break;
        pos_ += m.length;
      }
      word->end = pos_;
      WordPart part;
      part.begin = word->begin;
      part.end = part.fold_end = word->end;
      part.ascii = false;
      word->parts.push_back(part);
      return true;
    }
    pos_ += c.length;
  }
  if (pos_ >= size) return false;

  word->begin = pos_;
  int parens = 0;
  int brackets = 0;
  uint32_t joiner_begin = 0;
  uint32_t joiner_end = 0;
  for (;;) {
    ReadRun(word, joiner_begin, joiner_end);
    const uint32_t run_end = pos_;

    // Do the joiners after this run join it to another?
    joiner_begin = static_cast<uint32_t>(word->joiners.size());
    uint32_t q = pos_;
    int count = 0;
    bool joins = true;
    char last = 0;
    while (q < size) {
      const Char c = At(q);
      if (c.kind != CharKind::kJoiner) break;
      if (++count > 3 || (c.joiner == last && !IsBracket(c.joiner))) joins = false;
      last = c.joiner;
      if (c.joiner != '\\') word->joiners.push_back(c.joiner);
      q += c.length;
    }
    if (count > 0 && joins && IsLetterOrDigit(At(q).kind)) {
      // Track brackets; a closing bracket that closes nothing in the word ("(LLM)-based" read
      // from "LLM") is left out of the whole.
      size_t kept = joiner_begin;
      for (size_t i = joiner_begin; i < word->joiners.size(); ++i) {
        const char j = word->joiners[i];
        if (j == '(') ++parens;
        if (j == '[') ++brackets;
        if (j == ')' && parens-- == 0) {
          parens = 0;
          continue;
        }
        if (j == ']' && brackets-- == 0) {
          brackets = 0;
          continue;
        }
        word->joiners[kept++] = j;
      }
      word->joiners.resize(kept);
      joiner_end = static_cast<uint32_t>(word->joiners.size());
      pos_ = q;
      continue;
    }
    word->joiners.resize(joiner_begin);

    // The word ends here, with the closing brackets that balance it.
    uint32_t end = run_end;
    while (end < size) {
      const Char c = At(end);
      if (c.kind != CharKind::kJoiner) break;
      if (c.joiner == ')' && parens > 0) {
        --parens;
      } else if (c.joiner == ']' && brackets > 0) {
        --brackets;
      } else {
        break;
      }
      word->trailer.push_back(c.joiner);
      end += c.length;
    }
    word->end = end;
    pos_ = end;
    break;
  }

  // Possessives: "Mamba's" -> "Mamba", "bird's-eye" -> "bird" + "eye". One pass, so that a
  // hostile "x's-x's-..." stays linear.
  auto possessive = [&](const WordPart& part, size_t i) {
    return part.end - part.begin == 1 && (text_[part.begin] == 's' || text_[part.begin] == 'S') &&
           word->JoinerBefore(i) == "'";
  };
  const size_t count = word->parts.size();
  const bool last_dropped = count > 1 && possessive(word->parts[count - 1], count - 1);
  size_t kept = 1;
  for (size_t i = 1; i < count; ++i) {
    if (possessive(word->parts[i], i)) continue;
    word->parts[kept++] = word->parts[i];
  }
  if (kept < count) {
    if (last_dropped) {
      word->end = word->parts[kept - 1].end;
      word->trailer.clear();
    }
    word->parts.resize(kept);
  }
  return true;
}

}  // namespace paperdeck::text
