// The English stop words: words so common that indexing them costs more than it finds. The list
// is Lucene's classic 33 words (a, an, and, are, as, at, be, but, by, for, if, in, into, is, it,
// no, not, of, on, or, such, that, the, their, then, there, these, they, this, to, was, will,
// with). It is part of the index format: changing it changes which terms existing segments hold.
//
// Threading: a pure function, safe from any thread.
#pragma once

#include <string_view>

namespace paperdeck::text {

// True if word, already folded to lower case ("the", not "The"), is a stop word.
bool IsEnglishStopWord(std::string_view folded_word);

}  // namespace paperdeck::text
