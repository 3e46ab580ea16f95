// NeighbourGraph: an approximate-nearest-neighbour graph (HNSW, Debian's libhnswlib-dev) over the
// paper vectors of one segment's DenseFile, so that the nearest papers of a large segment are
// found by visiting a few thousand vectors instead of all of them. The graph holds each paper's
// int8 codes and scale (as the DenseFile does, 104 bytes at 100 dimensions) and its links (M = 16:
// up to 32 on the bottom layer), about 250 bytes a paper in memory.
//
// Files, beside the segment's .dvec: `<segment>.graph` is hnswlib's own serialisation and
// `<segment>.graph.sum` (written after it, vectors/file_bytes.h) names the paper vectors it was
// built from (their fingerprint and model checksum) and the graph file's size and CRC-32C. A graph
// whose .sum is missing, another's or does not match is not read (hnswlib trusts its file's
// links) but built again: like every file of vectors/, it is derived.
//
// Threading: Build uses `threads` threads; an open graph is immutable and searched from any
// number of threads at once.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/status.h"
#include "vectors/dense_file.h"

namespace paperdeck::vectors {

// "<segment>.graph" and its summary "<segment>.graph.sum".
std::string GraphFileName(std::string_view segment_name);
std::string GraphSumFileName(std::string_view segment_name);

class NeighbourGraph {
 public:
  ~NeighbourGraph();
  NeighbourGraph(const NeighbourGraph&) = delete;
  NeighbourGraph& operator=(const NeighbourGraph&) = delete;

  // Builds the graph of vectors' documents that have a vector, writes it at path (and its
  // summary beside it) and reads it back, on `threads` threads. progress, when given, is called
  // with the documents added so far (from any of the threads, once per thousand).
  static Result<std::unique_ptr<NeighbourGraph>> Write(const DenseFile& vectors, const std::filesystem::path& path,
                      uint32_t threads, const std::function<void(uint64_t)>& progress = {});

  // Reads the graph at path when its summary says it was built from `vectors` and its bytes
  // check; NotFound when there is none, kCorruption naming the file when it does not match.
  static Result<std::unique_ptr<NeighbourGraph>> Open(const DenseFile& vectors,
                                                      const std::filesystem::path& path);

  // The documents whose vectors are nearest to query (a unit vector of the graph's dimension),
  // up to k, each with its cosine as the int8 codes give it, most similar first. `breadth` is
  // how many candidates the search keeps (hnswlib's ef; at least k): larger finds more of the
  // true nearest at a higher cost.
  std::vector<std::pair<float, uint32_t>> Nearest(std::span<const float> query, size_t k,
                                                  size_t breadth) const;

  uint64_t size_bytes() const { return size_bytes_; }

 private:
  struct Impl;
  NeighbourGraph();
  std::unique_ptr<Impl> impl_;
  uint64_t size_bytes_ = 0;
};

}  // namespace paperdeck::vectors
