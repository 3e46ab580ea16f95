// SearchPage: one page of a search joined to the papers it found. The index names papers by key;
// the corpus holds them. Between the two commits of an import or a removal (or after a process is
// killed between them) the index can name a paper the corpus no longer holds: such a hit is left
// out, and every paper keeps its own hit's score — never its neighbour's.
//
// Threading: plain values and a pure function; ReadFoundPapers reads through the corpus it is
// given, on its thread.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "library/library_data.h"
#include "search/searcher.h"

namespace paperdeck::workspace {

struct FoundPaper {
  library::StoredPaper paper;
  float score = 0;  // the score of this paper's own hit
  library::LibraryEntry library;  // the user's tags, reading state and notes for it
  // Why it scored so, when the search was asked to explain (SearchRequest::explain); else null.
  std::shared_ptr<const search::ScoreExplanation> explanation;
};

struct SearchPage {
  // total, notice, facets and highlight terms as the searcher gave them; response.hits is the
  // page as the index saw it.
  search::SearchResponse response;
  // The page's papers in the hits' order, those the corpus no longer holds left out.
  std::vector<FoundPaper> papers;
  // The corpus holds changes the index has not caught up with (an import or removal did not
  // finish): results may miss or still show them.
  bool index_behind = false;
  // Asked for a hybrid search (Workspace::SearchHybrid) that was searched by keywords alone:
  // why (no model trained, a damaged file, a filter). Empty otherwise.
  std::string hybrid_fallback;
};

// Pairs each hit with the paper of its key. papers may come in any order and lack some keys.
std::vector<FoundPaper> JoinHitsToPapers(std::span<const search::SearchHit> hits,
                                         std::vector<library::StoredPaper> papers);

// Reads the hits' papers from corpus (those it still holds, JoinHitsToPapers) with each one's
// library entry: what a page shows of its hits.
Result<std::vector<FoundPaper>> ReadFoundPapers(library::Corpus& corpus,
                                                std::span<const search::SearchHit> hits);

}  // namespace paperdeck::workspace
