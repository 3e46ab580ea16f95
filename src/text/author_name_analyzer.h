// AuthorNameAnalyzer: the terms of one author's name, so that a name is found however it is
// spelled: "Yoshua Bengio" by `y bengio`, "Yann LeCun" and "Y. Le Cun" by `lecun` and `le cun`,
// "Laurens van der Maaten" by `van der maaten` and `vandermaaten`, "Bernhard Schölkopf" by
// `scholkopf` and `schoelkopf`.
//
// A name is analysed as any text is (text::Analyzer: case and diacritics folded, compounds split,
// stemmed), so a bare word still meets the authors as it meets titles; at the same positions it
// is also given its name forms:
//   - each given name's initial ("Yoshua" -> `y`; each part of a hyphenated one: "Jean-Baptiste"
//     -> `j`, `b`), so an initial in a query matches the given name. A name written with
//     initials ("Y.", "Y.-W.", "J.R.R.") is already its initials, one a position;
//   - the family name with its particles joined ("Le Cun" -> `lecun`, "van der Maaten" ->
//     `vandermaaten`), at the first particle's position. "LeCun" is already `lecun`, `le`, `cun`.
//     The family name is the last word before a suffix (Jr., Sr., II, III, IV) with the
//     particles (van, von, de, der, le, la, di, da, dos, ...) written before it, in either case:
//     never the first word, which is a given name ("Le Song");
//   - a word written with ä, ö or ü also in its German transliteration ("Schölkopf" ->
//     `schoelkopf` beside `scholkopf`). A name written "Schoelkopf" is not given `scholkopf`: "oe"
//     is far more often just "oe" (Joel, Noel, Poe);
//   - a word the English analysis drops as a stop word ("An", "Will", the initial "A.") is a name
//     here and is kept.
// So `author:"y bengio"` finds "Yoshua Bengio" and "Y. Bengio", while `author:"yoshua bengio"`
// does not find "Yann Bengio" (nor "Y. Bengio": a full given name asks for that name).
//
// The query side is AuthorQueryWords: the words of a query in an author field as the
// Analyzer reads them, stop words kept as the names they are; GivenNamesFirst reads a name typed
// family name first ("Bengio, Yoshua", "Bengio Y") in the index's order.
//
// Threading: not thread-safe (it uses the Analyzer given, which keeps state, and its own buffers);
// use one per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/analyzer.h"

namespace paperdeck::text {

class AuthorNameAnalyzer {
 public:
  // As Analyzer::AnalyzeUpTo over one author's name, with the name forms above added at their
  // positions when the whole name was analysed and they fit under max_tokens. Returns the
  // position after the name's last word (the name forms take none of their own). A name of n
  // bytes still gives at most 2n tokens, as index::DocumentAnalyzer::MayBeCut assumes: a form
  // comes of a word or part of two or more bytes.
  uint32_t AnalyzeUpTo(Analyzer* analyzer, std::string_view name, size_t max_tokens,
                       std::vector<Token>* out, uint32_t first_position, size_t* stopped_at);

 private:
  std::vector<Token> forms_;  // scratch: the name forms of the name being analysed
};

// The words of text, typed in an author field, as Analyzer::AnalyzeQuery reads them, but with
// no stop words: a name's "An" or "A." is a term the author field holds.
std::vector<QueryWord> AuthorQueryWords(Analyzer* analyzer, std::string_view text);

// A name typed family name first, as citations write it, put given names first as the index
// holds them: "Bengio, Yoshua" (the words after a comma first) and "Bengio Y" or "Le Cun Y.-A."
// (trailing initials first, after a word that is no initial). Empty when the words do not read
// so. words are AuthorQueryWords(text).
std::vector<QueryWord> GivenNamesFirst(const std::vector<QueryWord>& words, std::string_view text);

}  // namespace paperdeck::text
