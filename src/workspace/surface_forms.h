// SurfaceForms: how a paper writes the stems the index holds of it ("Gaussians" for the stem
// `gaussian`), so a reason names words a person reads, not stems. The title's spelling is
// preferred, then the abstract's; an author's name term is shown folded ("kerbl").
//
// Threading: one object per thread (it keeps an analyzer).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "index/document_analyzer.h"
#include "library/corpus.h"

namespace paperdeck::workspace {

class SurfaceForms {
 public:
  // Adds paper's words; a stem already known keeps the form it has.
  void Add(const library::StoredPaper& paper);
  // The form of stem, or the stem itself when no paper added writes it.
  std::string Of(std::string_view stem) const;
  // A reason in words: the forms of stems (heaviest first), at most limit, leaving out what
  // reads as nothing alone (a number, one letter: the "8" of "enwik8") and a part already said by
  // a whole chosen before it ("art" after "state-of-the-art"), or a whole repeating a part.
  std::vector<std::string> Reason(const std::vector<std::string_view>& stems, size_t limit) const;

 private:
  index::DocumentAnalyzer analyzer_;
  index::AnalyzedDocument doc_;
  std::unordered_map<std::string, std::string> forms_;
};

}  // namespace paperdeck::workspace
