#include "vectors/word_vectors.h"

#include <fasttext/args.h>
#include <fasttext/dictionary.h>
#include <fasttext/fasttext.h>
#include <fasttext/vector.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <exception>
#include <system_error>

#include "index/crc32c.h"
#include "vectors/file_bytes.h"
#include "index/mapped_file.h"
#include "text/analyzer.h"

namespace paperdeck::vectors {
namespace {

constexpr size_t kHeaderBytes = 56;
constexpr size_t kFooterBytes = 8;

Status Damaged(const std::filesystem::path& path, const std::string& what) {
  return Status::Corruption("word vectors file " + path.string() + " is damaged: " + what +
                            " (run `paperdeck reindex --vectors` to train it again)");
}

}  // namespace

void AppendTrainingLine(text::Analyzer& analyzer, std::string_view title,
                        std::string_view abstract, std::string* out) {
  std::vector<text::Token> tokens;
  uint32_t next = analyzer.Analyze(title, &tokens);
  analyzer.Analyze(abstract, &tokens, next + 1);
  bool first = true;
  for (const text::Token& t : tokens) {
    if (!first) out->push_back(' ');
    first = false;
    out->append(t.term);
  }
  out->push_back('\n');
}

void Normalize(std::span<float> v) {
  double sq = 0;
  for (float x : v) sq += double{x} * x;
  if (sq <= 0) return;
  const float inv = static_cast<float>(1.0 / std::sqrt(sq));
  for (float& x : v) x *= inv;
}

Result<std::unique_ptr<WordVectors>> WordVectors::Train(const std::filesystem::path& text_file,
                                                        uint64_t papers,
                                                        const TrainOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  fasttext::Args args;
  args.input = text_file.string();
  args.model = options.skipgram ? fasttext::model_name::sg : fasttext::model_name::cbow;
  args.dim = options.dim;
  args.epoch = options.epoch;
  args.minCount = options.min_count;
  args.ws = options.window;
  args.thread = options.threads;
  args.minn = 0;  // whole stems only: the index's terms are already normalised and stemmed
  args.maxn = 0;
  // No character n-grams, so no rows for their hashes: fastText would otherwise allocate and
  // initialise 2 million of them (800 MB at 100 dimensions) that training never reads.
  args.bucket = 0;
  args.verbose = 0;
  if (!options.skipgram) args.lr = 0.05;
  fasttext::FastText ft;
  auto last = std::chrono::steady_clock::now();
  try {
    ft.train(args, [&](float progress, float, double wst, double, int64_t) {
      if (!options.progress) return;
      const auto now = std::chrono::steady_clock::now();
      if (now - last < std::chrono::milliseconds(250) && progress < 1.0f) return;
      last = now;
      options.progress(progress, wst);
    });
  } catch (const std::exception& e) {
    return Status::InvalidArgument("cannot train word vectors on " + text_file.string() + ": " +
                                   e.what());
  }
  std::unique_ptr<WordVectors> w(new WordVectors());
  std::shared_ptr<const fasttext::Dictionary> dict = ft.getDictionary();
  w->dim_ = ft.getDimension();
  w->papers_ = papers;
  w->tokens_ = static_cast<uint64_t>(dict->ntokens());
  w->trained_at_ = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const std::vector<int64_t> counts = dict->getCounts(fasttext::entry_type::word);
  const int32_t n = dict->nwords();
  w->words_.reserve(n);
  w->vectors_.resize(static_cast<size_t>(n) * w->dim_);
  fasttext::Vector vec(w->dim_);
  uint64_t total = 0;
  for (int32_t i = 0; i < n; ++i) {
    const std::string word = dict->getWord(i);
    if (word == fasttext::Dictionary::EOS) continue;
    ft.getWordVector(vec, word);
    const size_t row = w->words_.size();
    w->words_.push_back(word);
    w->counts_.push_back(static_cast<uint64_t>(counts[i]));
    total += static_cast<uint64_t>(counts[i]);
    for (int d = 0; d < w->dim_; ++d) w->vectors_[row * w->dim_ + d] = vec[d];
  }
  w->vectors_.resize(w->words_.size() * w->dim_);
  w->tokens_ = total;
  w->train_seconds_ =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  w->Finish();
  return w;
}

void WordVectors::Finish() {
  lookup_.clear();
  lookup_.reserve(words_.size());
  sif_.resize(words_.size());
  const double tokens = tokens_ > 0 ? static_cast<double>(tokens_) : 1.0;
  for (size_t i = 0; i < words_.size(); ++i) {
    lookup_.emplace(words_[i], static_cast<int32_t>(i));
    const double p = static_cast<double>(counts_[i]) / tokens;
    sif_[i] = static_cast<float>(kSifA / (kSifA + p));
  }
}

Status WordVectors::Write(const std::filesystem::path& path) const {
  std::string words;
  for (size_t i = 0; i < words_.size(); ++i) {
    Put<uint16_t>(&words, static_cast<uint16_t>(words_[i].size()));
    words.append(words_[i]);
    Put<uint64_t>(&words, counts_[i]);
  }
  std::string header(kWordsMagic, sizeof kWordsMagic);
  Put<uint32_t>(&header, kWordsVersion);
  Put<uint32_t>(&header, static_cast<uint32_t>(dim_));
  Put<uint32_t>(&header, static_cast<uint32_t>(words_.size()));
  Put<uint32_t>(&header, static_cast<uint32_t>(train_seconds_ * 1000));
  Put<uint64_t>(&header, papers_);
  Put<uint64_t>(&header, tokens_);
  Put<int64_t>(&header, trained_at_);
  Put<uint64_t>(&header, words.size());
  return WriteWholeFile(path,
                        {header, words, BytesOf(vectors_.data(), vectors_.size() * sizeof(float))},
                        BytesOf(kWordsEnd, sizeof kWordsEnd), &checksum_);
}

Result<std::unique_ptr<WordVectors>> WordVectors::Read(const std::filesystem::path& path) {
  auto mapped = index::MappedFile::Open(path);
  if (!mapped.ok()) {
    if (mapped.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("no word vectors: " + path.string() +
                              " is missing (`paperdeck reindex --vectors` trains them)");
    }
    return mapped.status();
  }
  const uint8_t* p = (*mapped)->data();
  const uint64_t size = (*mapped)->size();
  if (size < kHeaderBytes + kFooterBytes) {
    return Damaged(path, "cut short at " + std::to_string(size) + " bytes");
  }
  if (std::memcmp(p, kWordsMagic, 8) != 0) return Damaged(path, "not a word vectors file");
  const uint32_t version = Load<uint32_t>(p + 8);
  if (version != kWordsVersion) {
    return Damaged(path, "format version " + std::to_string(version) + ", this build reads " +
                             std::to_string(kWordsVersion));
  }
  std::unique_ptr<WordVectors> w(new WordVectors());
  w->dim_ = static_cast<int>(Load<uint32_t>(p + 12));
  const uint32_t count = Load<uint32_t>(p + 16);
  w->train_seconds_ = Load<uint32_t>(p + 20) / 1000.0;
  w->papers_ = Load<uint64_t>(p + 24);
  w->tokens_ = Load<uint64_t>(p + 32);
  w->trained_at_ = Load<int64_t>(p + 40);
  const uint64_t word_bytes = Load<uint64_t>(p + 48);
  const uint64_t vector_bytes = uint64_t{count} * w->dim_ * sizeof(float);
  if (w->dim_ <= 0 || w->dim_ > 4096) return Damaged(path, "dimension " + std::to_string(w->dim_));
  const uint64_t expected = kHeaderBytes + word_bytes + vector_bytes + kFooterBytes;
  if (word_bytes > size || vector_bytes > size || expected != size) {
    return Damaged(path, size < expected ? "cut short (" + std::to_string(size) + " of " +
                                               std::to_string(expected) + " bytes)"
                                         : "size " + std::to_string(size) + " is not " +
                                               std::to_string(expected) + " bytes");
  }
  if (std::memcmp(p + size - 4, kWordsEnd, 4) != 0) return Damaged(path, "no end marker");
  const uint32_t crc = Load<uint32_t>(p + size - 8);
  if (index::Crc32c(p, size - 8) != crc) return Damaged(path, "checksum mismatch");
  w->checksum_ = crc;
  const uint8_t* q = p + kHeaderBytes;
  const uint8_t* words_end = q + word_bytes;
  w->words_.reserve(count);
  for (uint32_t i = 0; i < count; ++i) {
    if (words_end - q < 2) return Damaged(path, "word table ends early");
    const uint16_t len = Load<uint16_t>(q);
    if (static_cast<uint64_t>(words_end - q) < 2u + len + 8u) {
      return Damaged(path, "word table ends early");
    }
    w->words_.emplace_back(reinterpret_cast<const char*>(q + 2), len);
    w->counts_.push_back(Load<uint64_t>(q + 2 + len));
    q += 2 + len + 8;
  }
  if (q != words_end) return Damaged(path, "word table longer than its words");
  w->vectors_.resize(static_cast<size_t>(count) * w->dim_);
  std::memcpy(w->vectors_.data(), words_end, vector_bytes);
  w->Finish();
  return w;
}

int32_t WordVectors::Find(std::string_view word) const {
  auto it = lookup_.find(word);
  return it == lookup_.end() ? -1 : it->second;
}

void WordVectors::Accumulate(int32_t word, float weight, std::span<float> sum) const {
  const float s = weight * sif_[word];
  const float* v = vectors_.data() + static_cast<size_t>(word) * dim_;
  for (int d = 0; d < dim_; ++d) sum[d] += s * v[d];
}

std::vector<float> WordVectors::EmbedText(text::Analyzer& analyzer, std::string_view text) const {
  std::vector<float> sum(dim_, 0.0f);
  std::vector<text::Token> tokens;
  analyzer.Analyze(text, &tokens);
  for (const text::Token& t : tokens) {
    const int32_t id = Find(t.term);
    if (id >= 0) Accumulate(id, 1.0f, sum);
  }
  Normalize(sum);
  return sum;
}

}  // namespace paperdeck::vectors
