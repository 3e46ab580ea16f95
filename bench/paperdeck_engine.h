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
  explicit PaperDeckEngine(std::filesystem::path dir, search::SearcherOptions options = {})
      : dir_(std::move(dir)), options_(options) {}

  std::string name() const override { return "paperdeck"; }
  std::string WithTotalRow(uint32_t k) const override;
  // index::IndexReader::Open, and a Searcher over the snapshot.
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
};

}  // namespace paperdeck::bench
