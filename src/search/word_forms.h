// WordForms: how a term of the index is written in a paper that holds it. The index keeps stems
// ("attent", "schmidhub"), not words; a suggestion shows a word ("attention", "Schmidhuber").
// The text of a paper is not in the index: whoever runs the search reads it (the Workspace reads
// the corpus: workspace/word_forms_lookup.h), as the library's filters are read
// (search/library_keys.h).
//
// Threading: one search's; an implementation need not be thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace paperdeck::search {

class WordForms {
 public:
  virtual ~WordForms() = default;

  // A word of the paper (title, abstract or authors) whose analysed term is term, as the paper
  // writes it ("Schmidhuber"); nullopt when the paper is not found or holds no such word.
  virtual std::optional<std::string> WordFor(std::string_view term, uint64_t paper_key) = 0;
};

}  // namespace paperdeck::search
