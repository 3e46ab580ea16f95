// PaperDeckSystem: PaperDeck's own retrieval over a collection, as the product ranks: the
// documents go into a throwaway index (index::IndexWriter, in a TempDir: title -> title,
// text -> abstract), and each query runs through search::Searcher as plain text in which any
// word may match (QueryMode::kPlainTextAny), top kRunDepth. The papers' vectors are written
// beside the index (vectors/forward_files.h), so questions are expanded by feedback as the
// product's are (search/feedback.h) whenever the options turn it on. Hybrid search (TrainDense)
// fuses that ranking with the documents nearest the query's vector.
//
// Threading: one thread at a time per object; Search is const and may run concurrently.
#pragma once

#include <memory>

#include "eval/collection.h"
#include "eval/query_fields.h"
#include "eval/run.h"
#include "eval/temp_dir.h"
#include "index/index_reader.h"
#include "model/status.h"
#include "search/searcher.h"
#include "vectors/dense_index.h"
#include "vectors/forward_index.h"
#include "vectors/rank_fusion.h"
#include "vectors/word_vectors.h"

namespace paperdeck::eval {

class PaperDeckSystem {
 public:
  // Indexes the collection's documents once; options choose the ranking (the product's default
  // unless told otherwise).
  static Result<std::unique_ptr<PaperDeckSystem>> Build(const Collection& collection,
                                                        search::SearcherOptions options = {});

  // Runs every query of collection (the one Build indexed) with the given ranking options.
  Result<Run> Search(const Collection& collection, const search::SearcherOptions& options,
                     QueryFields fields = QueryFields::kAll) const;
  Result<Run> Search(const Collection& collection) const { return Search(collection, options_); }

  // Learns word vectors from the collection's own documents (whatever their number: a
  // collection is its own corpus) and the documents' paper vectors (vectors/dense_index.h).
  Status TrainDense(const Collection& collection, const vectors::TrainOptions& options);
  // After TrainDense: every query's nearest documents by their vectors alone (dense), or fused
  // with the keyword ranking (hybrid, vectors/rank_fusion.h), top kRunDepth.
  Result<Run> SearchDense(const Collection& collection) const;
  Result<Run> SearchHybrid(const Collection& collection, const vectors::FusionParams& fusion = {},
                           QueryFields fields = QueryFields::kAll) const;

 private:
  PaperDeckSystem() = default;

  std::unique_ptr<TempDir> dir_;
  std::shared_ptr<const index::IndexReader> reader_;
  std::shared_ptr<const vectors::ForwardIndex> forward_;  // beside the index, in dir_/vectors
  search::SearcherOptions options_;
  std::shared_ptr<const vectors::DenseIndex> dense_;
};

}  // namespace paperdeck::eval
