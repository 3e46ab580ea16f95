// LibraryKeys: what a search asks of the user's library (tags, reading states, notes), which the
// index does not hold. A query's library leaves (`tag:thesis`, `state:to-read`, `has:note`,
// `note:pruning`) are each resolved once per search, before any segment is read, into the set
// of paper keys they name (the index's per-document paper_key: the corpus's papers rowid), and
// `--sort added` asks for the order papers entered the library. search/ declares this and knows
// no corpus; workspace/library_lookup implements it over the corpus, so a tag change is seen by
// the very next search and no segment is ever rewritten for one.
//
// Keys are 64-bit (SQLite rowids may exceed 32 bits), held in a Roaring64Map (CRoaring, Debian's
// libroaring-dev): compressed sets with fast unions and membership tests.
//
// Threading: an implementation is used by one search at a time, on its thread.
#pragma once

#include <cstdint>
#include <vector>

#include <roaring/roaring64map.hh>

#include "model/status.h"
#include "query/query_tree.h"

namespace paperdeck::search {

using PaperKeySet = Roaring64Map;  // CRoaring 0.2 declares it in the global namespace

class LibraryKeys {
 public:
  virtual ~LibraryKeys() = default;

  // The papers leaf names. REQUIRES: query::IsLibraryLeaf(leaf). Its meaning:
  //   kTag        papers carrying the tag or a tag nested under it ("thesis" also finds
  //               "thesis/related-work"), names matched as the library folds them
  //   kState      papers whose reading state is text ("to-read", "reading", "read")
  //   kHas        papers holding a note, a tag or a state (text: "note", "tag", "state")
  //   kNoteWord   papers with a note holding the word as the index analyses text: every term
  //               the word analyses to, in one note
  //   kNotePhrase papers with a note holding the phrase's terms side by side
  virtual Result<PaperKeySet> Papers(const query::QueryNode& leaf) = 0;

  // The papers of the library in the order they entered it (its first tag, state or note),
  // oldest first.
  virtual Result<std::vector<uint64_t>> PapersByLibraryEntry() = 0;
};

}  // namespace paperdeck::search
