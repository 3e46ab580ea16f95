// DenseIndex: every live paper of an index snapshot as a dense vector (vectors/dense_file.h),
// with the word model they were made from (vectors/word_vectors.h), and the nearest papers to a
// vector by cosine: brute force over the int8 codes of a small segment (75,728 papers × 100
// dimensions is 7.6 million multiply-adds, a few milliseconds; BENCHMARKS.md), and through a
// neighbour graph (vectors/neighbour_graph.h) in a segment of DenseOptions::graph_min_docs papers
// or more, whose candidates are then scored as brute force would score them.
//
// Opening reads the word model and each segment's paper vectors, writing a segment's file first
// when it has none, or one of another segment, another model or another version, or a damaged
// one (the file is derived from two checked files: the forward file and the model). A segment
// indexed after the model was trained gets its vectors so, without training again. A large
// segment's neighbour graph is read, or built when it has none that matches its vectors.
//
// Threading: immutable after Open; share it (std::shared_ptr) across threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "index/index_reader.h"
#include "model/status.h"
#include "vectors/dense_file.h"
#include "vectors/neighbour_graph.h"
#include "vectors/word_vectors.h"

namespace paperdeck::vectors {

struct DenseHit {
  uint64_t paper_key = 0;
  float score = 0;  // cosine with the query vector
};

struct DenseFilesReport {
  uint32_t written = 0, removed = 0;
  uint32_t graphs_built = 0;
};

struct DenseOptions {
  // A segment of at least this many papers is searched through a neighbour graph.
  uint32_t graph_min_docs = 100'000;
  // Candidates a graph search keeps (hnswlib's ef), as a multiple of the papers asked for, and
  // at least graph_min_breadth.
  uint32_t graph_breadth_factor = 2;
  uint32_t graph_min_breadth = 128;
  uint32_t build_threads = 2;
  // Called while a graph is built: the segment's name, papers added, papers in all.
  std::function<void(const std::string&, uint64_t, uint64_t)> progress;
};

class DenseIndex {
 public:
  // Opens the paper vectors of reader's segments in dir (the forward files must be level:
  // vectors/forward_files.h), with the word model `words`. Files written are counted in report.
  static Result<std::shared_ptr<const DenseIndex>> Open(
      std::shared_ptr<const index::IndexReader> reader, const std::filesystem::path& dir,
      std::shared_ptr<const WordVectors> words, DenseFilesReport* report = nullptr,
      const DenseOptions& options = {});

  const WordVectors& words() const { return *words_; }
  const index::IndexReader& reader() const { return *reader_; }
  uint64_t size_bytes() const;  // the paper vectors' and the graphs' files
  uint32_t graph_count() const;
  // The unit vector of a query's text (all zero when the model knows none of its words).
  std::vector<float> EmbedQuery(std::string_view text) const;
  // The k papers nearest to query (a unit vector of words().dim()), most similar first; papers
  // without a vector are never returned, and none for a query of zeros. breadth: the candidates
  // each graph search keeps (at least k; fewer is faster and finds fewer of the true nearest);
  // 0: DenseOptions' breadth.
  std::vector<DenseHit> Nearest(std::span<const float> query, size_t k, size_t breadth = 0) const;
  // The cosine of a paper's vector with query; nullopt-like 0 and false when it has none.
  bool Similarity(uint64_t paper_key, std::span<const float> query, float* score) const;
  // The paper's own unit vector (dequantised); empty when the snapshot has no vector for it.
  std::vector<float> VectorOf(uint64_t paper_key) const;

 private:
  DenseIndex() = default;
  std::shared_ptr<const index::IndexReader> reader_;
  std::shared_ptr<const WordVectors> words_;
  std::vector<std::unique_ptr<DenseFile>> files_;  // one per segment, in the reader's order
  std::vector<std::unique_ptr<NeighbourGraph>> graphs_;  // the same; null: brute force
  DenseOptions options_;
};

}  // namespace paperdeck::vectors
