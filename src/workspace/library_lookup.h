// LibraryLookup: search::LibraryKeys over a corpus: how a query's `tag:`, `state:`, `has:` and
// `note:` reach a search. Each is read from the corpus's library tables when the search asks
// (once per leaf, before any segment is read), so a tag change is in the very next search and
// no segment holds anything of the library.
//
// `note:` has no index of its own: notes are few (thousands, not millions), so every note is
// read and analysed with the index's analyzer (text/analyzer.h) on each search that asks, and
// a note matches when it holds the word's terms (a compound: its whole term or its parts side
// by side) or the phrase's terms at adjacent positions. The cost is linear in the notes' text:
// about a megabyte, a few milliseconds, per `note:` leaf for a thousand notes of a page each.
//
// With a LibrarySets (workspace/library_sets.h), what was read is kept while the library's
// revision stays the same, so a repeated `tag:` of 100,000 papers is not read again.
//
// Threading: one search at a time, on the thread that holds the corpus.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "library/corpus.h"
#include "search/library_keys.h"
#include "text/analyzer.h"
#include "workspace/library_sets.h"

namespace paperdeck::workspace {

class LibraryLookup final : public search::LibraryKeys {
 public:
  // REQUIRES: corpus (and sets, if given) outlive this. sets: where answers are kept between
  // searches; nullptr: every answer is read from the corpus.
  explicit LibraryLookup(library::Corpus& corpus, LibrarySets* sets = nullptr)
      : corpus_(corpus), sets_(sets) {}

  Result<search::PaperKeySet> Papers(const query::QueryNode& leaf) override;
  Result<std::vector<uint64_t>> PapersByLibraryEntry() override;

 private:
  Result<search::PaperKeySet> Read(const query::QueryNode& leaf);
  Result<search::PaperKeySet> PapersWithNote(const query::QueryNode& leaf);
  // The library's revision, read from the corpus once per lookup (one search), before any set.
  Result<int64_t> Revision();

  library::Corpus& corpus_;
  LibrarySets* sets_;
  std::optional<int64_t> revision_;
  std::unique_ptr<text::Analyzer> analyzer_;  // made for the first `note:`
};

}  // namespace paperdeck::workspace
