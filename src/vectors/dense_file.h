// DenseFile: the paper vectors of one index segment, `<segment>.dvec` beside its forward file:
// each document's SIF-weighted average of its words' vectors (vectors/word_vectors.h), computed
// from the segment's forward file (the terms it holds, the title counted twice), made unit length
// and stored as int8 with a scale per document. Written with the word model's checksum, so a
// model trained again makes every file another model's (rewritten); derived, like the forward
// files, and rebuilt at any time. Byte layout: docs/vectors-format.md.
//
// Threading: immutable after Open; share it freely.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "index/mapped_file.h"
#include "model/status.h"
#include "vectors/forward_file.h"
#include "vectors/word_vectors.h"

namespace paperdeck::vectors {

inline constexpr char kDenseMagic[8] = {'P', 'D', 'D', 'E', 'N', 'S', 'E', 'V'};
inline constexpr uint32_t kDenseVersion = 1;
inline constexpr char kDenseEnd[4] = {'D', 'E', 'N', 'D'};
inline constexpr size_t kDenseHeaderBytes = 32;
inline constexpr size_t kDenseFooterBytes = 8;

// "<segment>.dvec".
std::string DenseFileName(std::string_view segment_name);

// v as the paper vectors are kept: an int8 code per value, written at codes (v.size() of them),
// times the returned scale (its largest magnitude / 127). A vector of zeros: 0, codes untouched.
// Paper vectors, and queries searched against them (vectors/dense_index.h, neighbour_graph.h).
float QuantiseInt8(std::span<const float> v, int8_t* codes);

// Writes the paper vectors of forward's documents at path (a temporary file renamed over it).
Status WriteDenseFile(const ForwardFile& forward, const WordVectors& words,
                      const std::filesystem::path& path);

class DenseFile {
 public:
  // Maps path and checks it whole (magic, version, sizes, CRC-32C): kCorruption naming the file.
  static Result<std::unique_ptr<DenseFile>> Open(const std::filesystem::path& path);

  uint32_t doc_count() const { return doc_count_; }
  uint64_t fingerprint() const { return fingerprint_; }
  uint32_t model_checksum() const { return model_checksum_; }
  uint32_t dim() const { return dim_; }
  uint64_t size_bytes() const { return file_->size(); }
  // Document doc's quantised vector (dim bytes) and its scale (0: the document has no vector).
  const int8_t* codes(uint32_t doc) const {
    return reinterpret_cast<const int8_t*>(codes_) + static_cast<size_t>(doc) * dim_;
  }
  float scale(uint32_t doc) const;

 private:
  DenseFile() = default;
  std::unique_ptr<index::MappedFile> file_;
  uint32_t doc_count_ = 0, dim_ = 0, model_checksum_ = 0;
  uint64_t fingerprint_ = 0;
  const uint8_t* codes_ = nullptr;
  const uint8_t* scales_ = nullptr;
};

}  // namespace paperdeck::vectors
