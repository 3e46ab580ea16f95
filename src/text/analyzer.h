// Analyzer: turns text into the terms the index stores and the query looks up. The same analysis
// runs at index time (Analyze) and query time (AnalyzeQuery), so a word written the same way
// always meets itself.
//
// What it does, in order:
//   1. Unicode: NFKC normalisation, case folding, diacritics removed ("Schrödinger" ->
//      "schrodinger"); an ASCII fast path skips ICU for plain text.
//   2. Words: a word is a run of letters/digits joined by in-word punctuation ("FlashAttention-3",
//      "GPT-4", "sliding-window", "O(n^2)", "3.46\times"). A word with joiners, case changes
//      (camelCase) or letter/digit changes is a *compound*: it is emitted whole (joiners kept,
//      case folded: "flashattention-3") at the position of its first part, and each part
//      ("flash", "attention", "3") at successive positions. LaTeX commands ("\times") yield their
//      name; "$" delimiters are dropped.
//   3. Stop words (a small English list: "the", "of", ...) are not emitted but take a position,
//      so phrases keep their shape.
//   4. Snowball English (Porter2) stemming of every emitted term ("attentive" and "attention"
//      both -> "attent"). Whole compound forms are stemmed too.
// Terms longer than 64 bytes (long URLs, base64) are not emitted but keep their positions.
// docs/text-analysis.md lists the rules with examples.
//
// Threading: an Analyzer is not thread-safe (the stemmer keeps state); use one per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace paperdeck::text {

struct Token {
  std::string term;       // normalised, stemmed
  std::string form;       // normalised, not stemmed: the word as written, case and accents folded
                          // ("Transformers" -> "transformers"; a compound's whole keeps its
                          // joiners: "flashattention-3")
  uint32_t position = 0;  // parts of a compound take successive positions; the whole takes the first
  uint32_t begin = 0;     // byte offsets of the source text this token covers, for highlighting
  uint32_t end = 0;
};

// One word of a query as the index knows it.
// A word takes one position, a compound one per part (its whole shares the first).
struct QueryWord {
  std::string whole;               // the term for the word as written (stemmed, folded); empty
                                   // if too long to be indexed
  std::string form;                // the word folded but not stemmed (a compound's whole with its
                                   // joiners); empty when whole is
  std::vector<std::string> parts;  // the parts of a compound, in order; empty for a simple word.
                                   // A part that is not indexed (a stop word: "of" in
                                   // "state-of-the-art") is an empty string, a gap of one position
  bool stop = false;               // a stop word: not indexed, a gap in phrases
  uint32_t begin = 0;              // byte offsets in the query text
  uint32_t end = 0;
};

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Appends the tokens of text to out, numbering positions from first_position. Returns the
  // position after the last word (so a caller can analyse several values of one field, e.g. the
  // authors, with a gap between them). Invalid UTF-8 bytes are treated as separators.
  // REQUIRES: text.size() < 2^32 (offsets are 32-bit).
  uint32_t Analyze(std::string_view text, std::vector<Token>* out, uint32_t first_position = 0);

  // As Analyze, but ends before the first word whose tokens would make out hold more than
  // max_tokens: *stopped_at is that word's byte offset in text (text.size() when the whole text
  // was analysed), and the position returned the one that word would have taken. Bounds the
  // memory a text of any length takes.
  uint32_t AnalyzeUpTo(std::string_view text, size_t max_tokens, std::vector<Token>* out,
                       uint32_t first_position, size_t* stopped_at);

  // The words of a query's text, with stop words marked rather than dropped.
  std::vector<QueryWord> AnalyzeQuery(std::string_view text);

  // Normalises and stems one already-separated word ("Attentive" -> "attent"), as Analyze would
  // for a simple word. Empty for a stop word or a word with no letters or digits.
  std::string Term(std::string_view word);

  // Normalises one already-separated word as Term does, without stemming ("Attentive" ->
  // "attentive"; a compound whole with its joiners: "Sliding-Win" -> "sliding-win"). For prefix
  // search, where the stem of a prefix ("atten" -> "atten") means nothing. Empty for a word with
  // no letters or digits, or too long to be indexed.
  std::string Folded(std::string_view word);

  // True for a stop word given in any case ("The").
  bool IsStopWord(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paperdeck::text
