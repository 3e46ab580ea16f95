// PaperDeck as the benchmark drives it: searches run on an index directory through
// search::Searcher (relevance, the page of k hits and the exact total), and BuildPaperDeck times
// index::IndexWriter building a fresh index from papers in memory.
//
// Threading: one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "index/index_reader.h"
#include "library/corpus.h"
#include "search/searcher.h"
#include "search_engine.h"

namespace paperdeck::bench {

// Builds an index in dir (which must not exist) from papers with one IndexWriter and one Commit
// at corpus_revision, which produces one segment. The commit calls fsync.
Status BuildPaperDeck(const std::vector<library::StoredPaper>& papers, int64_t corpus_revision,
                      const std::filesystem::path& dir, BuildFigures* figures);

class PaperDeckEngine : public SearchEngine {
 public:
  // dir: an index directory, e.g. a data directory's index/.
  // options: the ranking the Searcher runs with (the product's defaults unless a run asks).
  // vectors: the paper vectors of the same index (a data directory's vectors/), which questions
  // asked with Query::expand read; empty: such a question fails.
  explicit PaperDeckEngine(std::filesystem::path dir, search::SearcherOptions options = {},
                           std::filesystem::path vectors = {})
      : dir_(std::move(dir)), options_(options), vectors_(std::move(vectors)) {}

  std::string name() const override { return "paperdeck"; }
  std::string WithTotalRow(uint32_t k) const override;
  // index::IndexReader::Open, and a Searcher over the snapshot. The paper vectors are read by
  // the first expanded question after it (Run), as a search through the workspace reads them.
  Status Open() override;
  void Close() override;
  std::vector<std::filesystem::path> Files() const override { return {dir_}; }
  Status Run(const Query& q, uint32_t k, QueryClock clock, bool total_only, Answer* answer,
             Timing* timing) override;

  // REQUIRES: Open(). The open snapshot.
  const index::IndexReader& reader() const { return *reader_; }

 private:
  std::filesystem::path dir_;
  search::SearcherOptions options_;
  std::shared_ptr<const index::IndexReader> reader_;
  std::unique_ptr<search::Searcher> searcher_;
  std::filesystem::path vectors_;
  std::unique_ptr<search::Searcher> expanding_;  // with the paper vectors; made when first asked
};

}  // namespace paperdeck::bench
