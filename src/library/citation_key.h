// Citation keys: the names a .bib file and a LaTeX document cite papers by. PaperDeck makes them
// the way arXiv and Google Scholar do: the first author's family name, the year and the first
// significant word of the title, lowercased ASCII (`vaswani2017attention`). A paper's key is
// pinned in the corpus the first time it is given (Corpus::PinCitationKeys, or a record carrying
// one) and never changes after; these are the pure functions that make a key.
//
// Threading: pure functions, safe from any thread (each thread makes its own ICU transliterator).
#pragma once

#include <string>
#include <string_view>

#include "model/paper_record.h"

namespace paperdeck::library {

// The generated key of a record, before any collision suffix: family name of the first author
// ("anon" when there is none), the year (record.year, else the year of `published`; left out
// when unknown) and the first title word that is not a short stop word ("a", "the", "on", ...).
// Letters are transliterated to ASCII ("Ångström" -> "angstrom", "Müller" -> "muller") and only
// [a-z0-9] is kept. Never empty.
std::string CitationKeyBase(const PaperRecord& record);

// The n-th key to try for base: n = 0 is base itself, then base + "a" ... "z", "aa", "ab", ...
std::string CitationKeyCandidate(std::string_view base, int n);

// Text as lowercase ASCII letters and digits only, through ICU's "Any-Latin; Latin-ASCII".
std::string AsciiKeyPart(std::string_view text);

// A key a person or a file may give: 1 to 200 bytes, no white space, none of `{}(),\"#%'=~`
// (characters BibTeX cannot take in a key). Empty when fine, else what is wrong.
std::string CitationKeyProblem(std::string_view key);

}  // namespace paperdeck::library
