// WordVectors: word vectors learned from the corpus's own titles and abstracts (fastText, Debian's
// libfasttext-dev: skipgram over the index's stems, text/analyzer.h, so a vector is looked up by
// the term the index and the forward files hold), with each word's count for SIF weights. Stored
// in a file of our own, DATA/vectors/words.pdw (docs/vectors-format.md): checked whole when read,
// a file cut short or damaged is an error naming it.
//
// A paper's (or a query's) vector is the SIF-weighted average of its words' vectors: each word
// weighs a / (a + p(w)), p(w) its share of the training text's words, a = kSifA; the sum is made
// unit length. Words the model does not know add nothing.
//
// Threading: immutable after Train or Read; share it across threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/status.h"

namespace paperdeck::text {
class Analyzer;
}

namespace paperdeck::vectors {

inline constexpr char kWordsMagic[8] = {'P', 'D', 'W', 'O', 'R', 'D', 'S', '1'};
inline constexpr uint32_t kWordsVersion = 1;
inline constexpr char kWordsEnd[4] = {'W', 'E', 'N', 'D'};
inline constexpr float kSifA = 1e-3f;
// Below this many papers the corpus is too small to learn word vectors from.
inline constexpr uint64_t kMinTrainingPapers = 2000;
inline constexpr const char* kWordsFileName = "words.pdw";

struct TrainOptions {
  int dim = 100;
  int epoch = 5;
  int min_count = 3;
  int window = 5;
  int threads = 2;
  bool skipgram = true;  // else cbow
  // Called now and then with the share done (0..1) and the words per second per thread.
  std::function<void(float done, double words_per_second)> progress;
};

// One training line: the stems of title and abstract, in order, separated by spaces, ending
// with a newline (what Train reads, one paper a line).
void AppendTrainingLine(text::Analyzer& analyzer, std::string_view title,
                        std::string_view abstract, std::string* out);

class WordVectors {
 public:
  // Trains on text_file (AppendTrainingLine's lines) of `papers` papers. The fastText library's
  // own failures are errors naming the file.
  static Result<std::unique_ptr<WordVectors>> Train(const std::filesystem::path& text_file,
                                                    uint64_t papers, const TrainOptions& options);
  // Reads and checks a words file (magic, version, sizes, CRC-32C). NotFound when it is absent;
  // kCorruption naming the file and what is wrong otherwise.
  static Result<std::unique_ptr<WordVectors>> Read(const std::filesystem::path& path);
  // Writes the model at path through a temporary file renamed over it.
  Status Write(const std::filesystem::path& path) const;

  int dim() const { return dim_; }
  size_t word_count() const { return words_.size(); }
  uint64_t papers() const { return papers_; }     // papers trained on
  int64_t trained_at() const { return trained_at_; }  // seconds since 1970, UTC
  double train_seconds() const { return train_seconds_; }
  uint32_t checksum() const { return checksum_; }  // the file's CRC-32C: names this model

  // The index of word, or -1 when the model does not know it.
  int32_t Find(std::string_view word) const;
  float SifWeight(int32_t word) const { return sif_[word]; }
  std::span<const float> Vector(int32_t word) const {
    return {vectors_.data() + static_cast<size_t>(word) * dim_, static_cast<size_t>(dim_)};
  }
  // Adds weight * SifWeight(word) * Vector(word) to sum (sum.size() == dim()).
  void Accumulate(int32_t word, float weight, std::span<float> sum) const;
  // The unit SIF vector of a text's stems (the analyzer's terms); all zero when no word is known.
  std::vector<float> EmbedText(text::Analyzer& analyzer, std::string_view text) const;

 private:
  WordVectors() = default;
  void Finish();  // builds the lookup and the SIF weights from words_ and counts_

  int dim_ = 0;
  uint64_t papers_ = 0;
  uint64_t tokens_ = 0;
  int64_t trained_at_ = 0;
  double train_seconds_ = 0;
  mutable uint32_t checksum_ = 0;  // set by Read and Write
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<float> vectors_;  // word_count × dim
  std::vector<float> sif_;
  std::unordered_map<std::string_view, int32_t> lookup_;
};

// Scales v to unit length (left alone when zero).
void Normalize(std::span<float> v);

}  // namespace paperdeck::vectors
