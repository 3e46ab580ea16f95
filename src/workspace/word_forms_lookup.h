// WordFormsLookup: search::WordForms over a corpus. A suggestion's word is read from a paper
// that holds its term: the paper's title, then its authors, then its abstract are analysed with
// the index's analyzer (text/analyzer.h), and the bytes of the first word whose term is the one
// asked about are the answer ("Schmidhuber" for `schmidhub`, "attention" for `attent`). One
// paper read per corrected word.
//
// Threading: one search at a time, on the thread that holds the corpus.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "library/corpus.h"
#include "search/word_forms.h"
#include "text/analyzer.h"

namespace paperdeck::workspace {

class WordFormsLookup final : public search::WordForms {
 public:
  // corpus must outlive this.
  explicit WordFormsLookup(library::Corpus& corpus) : corpus_(corpus) {}

  std::optional<std::string> WordFor(std::string_view term, uint64_t paper_key) override;

 private:
  library::Corpus& corpus_;
  text::Analyzer analyzer_;
};

}  // namespace paperdeck::workspace
