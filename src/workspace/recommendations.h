// Recommendations: papers like the ones a query selects (usually `tag:X`), the selected ones
// excluded. The shipped method is arxiv-sanity-lite's: a linear SVM (vectors/linear_svm.h) over
// the papers' tf-idf vectors, the selected papers positive and a sample of the others negative,
// then every live paper scored by the hyperplane; the alternative is the cosine with the
// selected papers' centroid. Each recommendation's reason is the words that add most to its
// score; the model's own heaviest words say what it learned.
//
// Threading: as Workspace::Search.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "library/corpus.h"
#include "model/status.h"
#include "vectors/forward_index.h"

namespace paperdeck::workspace {

enum class RecommendMethod { kSvm, kCentroid };

struct RecommendOptions {
  uint32_t limit = 20;
  std::optional<int32_t> since;        // only papers published on or after (days since 1970)
  RecommendMethod method = RecommendMethod::kSvm;
  uint32_t negatives = 5000;           // others sampled as negatives (all when fewer)
  uint32_t reason_terms = 5;
  uint64_t seed = 0x5eed;              // the negatives' sample
  unsigned threads = 2;                // scoring every paper, on this many threads at once
};

struct Recommendation {
  library::StoredPaper paper;
  float score = 0;
  std::vector<std::string> reason;  // words adding most to the score, heaviest first
  library::LibraryEntry library;    // the user's tags, reading state and notes for it
};

struct Recommendations {
  uint64_t selected = 0;               // papers the query selected (in the index)
  std::vector<std::string> model_words;  // the model's heaviest words
  std::vector<Recommendation> papers;
  double train_ms = 0, score_ms = 0;
};

// REQUIRES: selected_keys are the papers the query selects; vectors is the newest snapshot's.
Result<Recommendations> Recommend(library::Corpus& corpus, const vectors::ForwardIndex& vectors,
                                  const std::vector<int64_t>& selected_keys,
                                  const RecommendOptions& options);

}  // namespace paperdeck::workspace
