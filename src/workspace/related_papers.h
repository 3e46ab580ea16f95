// RelatedPapers: the papers most like one paper. Candidates come from the index as a BM25 "more
// like this": the paper's heaviest tf-idf terms (vectors/forward_index.h), written as the paper
// writes them, searched as any-word plain text; the pool is then ranked by the cosine of the
// candidates' tf-idf vectors with the paper's. With paper vectors (search by meaning,
// vectors/dense_index.h), the papers nearest the paper's own vector join the pool, ranked by the
// same cosine, so a paper close in meaning that shares fewer words can still be found. Each related
// paper carries its reason: the shared terms that add most to the cosine, as the paper writes
// them, and whether it is one of the paper's nearest by meaning. The paper itself never appears,
// nor another version of it (the same arXiv id or DOI, or the same title: a preprint and its
// published version the corpus did not join).
//
// Threading: as Workspace::Search (it runs a search and reads the corpus).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"
#include "vectors/dense_index.h"
#include "vectors/forward_index.h"
#include "workspace/snapshot_watcher.h"

namespace paperdeck::workspace {

struct RelatedOptions {
  uint32_t limit = 10;
  uint32_t pool = 64;          // candidates the search gives for the cosine to rank (at least
                               // twice limit)
  uint32_t query_terms = 16;   // the paper's heaviest terms searched
  uint32_t reason_terms = 5;   // shared terms named as a reason
  bool rerank = true;          // false: the search's BM25F order alone (the baseline)
  bool words_alone = true;     // the terms searched as a bag (search::SearchRequest::words_alone);
                               // false: as a typed question is (a compound also the phrase of its
                               // parts, exact forms, proximity): slower, measured in bench/
  uint32_t near_in_meaning = 10;  // with paper vectors: the paper's nearest papers by meaning
                                  // that join the pool (0: none)
  uint32_t near_in_meaning_breadth = 32;  // their search's breadth in a neighbour graph
                                          // (vectors::DenseIndex::Nearest; 0: the index's own)
};

struct RelatedPaper {
  library::StoredPaper paper;
  float score = 0;                  // the cosine (or, without rerank, the BM25F score)
  std::vector<std::string> reason;  // shared words, heaviest first
  bool near_in_meaning = false;     // one of the paper's nearest papers by meaning
};

struct RelatedPapers {
  library::StoredPaper paper;  // the paper asked about
  std::vector<RelatedPaper> related;
  uint32_t candidates = 0;     // the pool the search gave
};

// The same work under another record: an arXiv id (without version), a DOI, or a title in common.
bool SameWork(const PaperRecord& a, const PaperRecord& b);

// REQUIRES: vectors is over snapshot.reader. dense: the paper vectors (null: none, as without a
// trained model).
Result<RelatedPapers> FindRelated(library::Corpus& corpus, const Snapshot& snapshot,
                                  const vectors::ForwardIndex& vectors,
                                  const vectors::DenseIndex* dense,
                                  const library::StoredPaper& paper, const RelatedOptions& options);

}  // namespace paperdeck::workspace
