// BibtexNames: a BibTeX `author` (or `editor`) field read by BibTeX's own rules into the names a
// card shows. Names are separated by the word "and" outside braces; each name is one of
//   "Given von Family"        ("Ludwig van Beethoven", "Ashish Vaswani"),
//   "von Family, Given"       ("van Beethoven, Ludwig", "Vaswani, Ashish"),
//   "von Family, Jr, Given"   ("King, Jr, Martin Luther"),
// where the von part is the run of words that begin with a lowercase letter; a name in braces
// ("{Google DeepMind}", "{World Health Organization}") is one word, kept whole. A final
// "and others" means the list is not complete. Each name comes out as "Given von Family, Jr",
// its LaTeX decoded (text/latex_text.h): "Schr{\"o}dinger, Erwin" -> "Erwin Schrödinger".
//
// Threading: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "ingest/author_list.h"

namespace paperdeck::ingest {

struct BibtexName {
  std::string given, von, family, jr;  // as written (LaTeX not decoded)
};

// One name split into its parts.
BibtexName SplitBibtexName(std::string_view name);

// The whole field: names in order, "Given von Family, Jr" with LaTeX decoded.
AuthorList ParseBibtexNames(std::string_view field);

}  // namespace paperdeck::ingest
