// Finds the words of a text and the parts of each word, as byte ranges of the text; it neither
// folds nor stems (see UnicodeFolder, EnglishStemmer).
//
// A word is a run of letters and digits, possibly joined by in-word punctuation (joiners, see
// char_class.h): "FlashAttention-3", "O(n^2)", "3.46\times", "arXiv:2401.12345". A run of joiners
// joins only when a letter or digit follows it, it is at most three characters long and it does
// not repeat a character other than a bracket (so "--", ".." and "://" break words). Leading and
// trailing punctuation is not part of a word ("(MILA)" -> "MILA"), except closing brackets that
// close a bracket opened inside the word ("O(n^2)" keeps its ")"); a closing bracket inside a
// word that closes nothing is left out of the joiners ("(LLM)-based" -> "LLM" "-" "based").
//
// A word's parts are its letter and digit runs, split further at case changes and at
// letter/digit changes:
//   "FlashAttention-3" -> Flash | Attention | 3      "XMLParser" -> XML | Parser
//   "GPT4" -> GPT | 4      "3.46\times" -> 3.46 | times (a '.' between digits stays in the number)
// Special cases:
//   - an acronym's plural "s" is not a part of its own and is left out of the folded text:
//     "LLMs" -> one part "LLMs" whose fold range is "LLM";
//   - a possessive "'s" is dropped: "Mamba's" -> "Mamba", "bird's-eye" -> bird | eye;
//   - a LaTeX accented letter is one letter: "Schr\"odinger" is one part (see latex_accents.h);
//   - each Han ideograph or Hiragana character is a word of its own.
// Between parts, Word::joiners holds the canonical joiner text ("-", "(", "^", "" for a case
// change; a LaTeX backslash is left out, so "3.46\times" and "3.46times" build one whole term).
//
// Threading: one WordSplitter per text and thread; it borrows the text, which must outlive it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace paperdeck::text {

struct WordPart {
  uint32_t begin = 0;     // byte range of the part in the text
  uint32_t end = 0;
  uint32_t fold_end = 0;  // end of the bytes to fold: end, or before an acronym's plural "s"
  uint32_t joiner_begin = 0;  // range in Word::joiners of the joiner text before this part
  uint32_t joiner_end = 0;
  bool number = false;  // a run of digits (with decimal points)
  bool ascii = true;    // all bytes are ASCII (the folding fast path)
  bool latex = false;   // holds LaTeX letters ("Schr\"odinger", see latex_accents.h)
};

struct Word {
  uint32_t begin = 0;  // byte range of the whole word in the text (what a highlighter marks)
  uint32_t end = 0;
  std::vector<WordPart> parts;  // at least one; two or more make a compound
  std::string joiners;          // joiner texts between parts, indexed by WordPart
  std::string trailer;          // closing brackets kept at the end ("O(n^2)" -> ")")

  bool compound() const { return parts.size() > 1; }
  std::string_view JoinerBefore(size_t i) const {
    return std::string_view(joiners).substr(parts[i].joiner_begin,
                                            parts[i].joiner_end - parts[i].joiner_begin);
  }
};

class WordSplitter {
 public:
  // REQUIRES: text.size() < 2^32 (offsets are 32-bit).
  explicit WordSplitter(std::string_view text) : text_(text) {}

  // Fills *word with the next word of the text (reusing its buffers) and returns true, or returns
  // false at the end of the text.
  bool Next(Word* word);

 private:
  struct Char;
  Char At(uint32_t pos) const;  // a separator past the end
  Char AtNonAscii(uint32_t pos) const;
  // Reads one run of letters and digits at pos_, appending its parts; the first part gets the
  // joiner text [joiner_begin, joiner_end).
  void ReadRun(Word* word, uint32_t joiner_begin, uint32_t joiner_end);

  std::string_view text_;
  uint32_t pos_ = 0;
};

}  // namespace paperdeck::text
