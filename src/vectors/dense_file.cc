#include "vectors/dense_file.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <system_error>
#include <vector>

#include "index/crc32c.h"
#include "vectors/file_bytes.h"

namespace paperdeck::vectors {
namespace {

Status Damaged(const std::filesystem::path& path, const std::string& what) {
  return Status::Corruption("paper vectors file " + path.string() + " is damaged: " + what +
                            " (run `paperdeck reindex --vectors` to rebuild it)");
}

}  // namespace

std::string DenseFileName(std::string_view segment_name) {
  return std::string(segment_name) + ".dvec";
}

float QuantiseInt8(std::span<const float> v, int8_t* codes) {
  float peak = 0;
  for (float x : v) peak = std::max(peak, std::fabs(x));
  if (peak <= 0) return 0;
  const float scale = peak / 127.0f;
  for (size_t i = 0; i < v.size(); ++i) codes[i] = static_cast<int8_t>(std::lround(v[i] / scale));
  return scale;
}

Status WriteDenseFile(const ForwardFile& forward, const WordVectors& words,
                      const std::filesystem::path& path) {
  const uint32_t dim = static_cast<uint32_t>(words.dim());
  const uint32_t docs = forward.doc_count();
  std::vector<int32_t> word_of(forward.term_count());
  for (uint32_t t = 0; t < forward.term_count(); ++t) word_of[t] = words.Find(forward.term(t));
  std::vector<int8_t> codes(static_cast<size_t>(docs) * dim, 0);
  std::vector<float> scales(docs, 0.0f);
  std::vector<float> sum(dim);
  for (uint32_t d = 0; d < docs; ++d) {
    std::fill(sum.begin(), sum.end(), 0.0f);
    bool any = false;
    for (uint64_t e = forward.begin(d); e < forward.end(d); ++e) {
      const int32_t w = word_of[forward.term_id(e)];
      if (w < 0) continue;
      words.Accumulate(w, static_cast<float>(forward.tf(e)), sum);
      any = true;
    }
    if (!any) continue;
    Normalize(sum);
    scales[d] = QuantiseInt8(sum, codes.data() + static_cast<size_t>(d) * dim);
  }
  std::string header(kDenseMagic, sizeof kDenseMagic);
  Put<uint32_t>(&header, kDenseVersion);
  Put<uint32_t>(&header, docs);
  Put<uint64_t>(&header, forward.fingerprint());
  Put<uint32_t>(&header, words.checksum());
  Put<uint32_t>(&header, dim);
  return WriteWholeFile(path,
                        {header, BytesOf(codes.data(), codes.size()),
                         BytesOf(scales.data(), scales.size() * sizeof(float))},
                        BytesOf(kDenseEnd, sizeof kDenseEnd));
}

Result<std::unique_ptr<DenseFile>> DenseFile::Open(const std::filesystem::path& path) {
  auto mapped = index::MappedFile::Open(path);
  if (!mapped.ok()) {
    if (mapped.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("paper vectors file " + path.string() + " is missing");
    }
    return mapped.status();
  }
  std::unique_ptr<DenseFile> f(new DenseFile());
  f->file_ = std::move(*mapped);
  const uint8_t* p = f->file_->data();
  const uint64_t size = f->file_->size();
  if (size < kDenseHeaderBytes + kDenseFooterBytes) {
    return Damaged(path, "cut short at " + std::to_string(size) + " bytes");
  }
  if (std::memcmp(p, kDenseMagic, 8) != 0) return Damaged(path, "not a paper vectors file");
  const uint32_t version = Load<uint32_t>(p + 8);
  if (version != kDenseVersion) {
    return Damaged(path, "format version " + std::to_string(version) + ", this build reads " +
                             std::to_string(kDenseVersion));
  }
  f->doc_count_ = Load<uint32_t>(p + 12);
  f->fingerprint_ = Load<uint64_t>(p + 16);
  f->model_checksum_ = Load<uint32_t>(p + 24);
  f->dim_ = Load<uint32_t>(p + 28);
  const uint64_t expected = kDenseHeaderBytes + uint64_t{f->doc_count_} * f->dim_ +
                            uint64_t{f->doc_count_} * 4 + kDenseFooterBytes;
  if (size != expected) {
    return Damaged(path, (size < expected ? "cut short (" : "size is not its counts' (") +
                             std::to_string(size) + " of " + std::to_string(expected) + " bytes)");
  }
  if (std::memcmp(p + size - 4, kDenseEnd, 4) != 0) return Damaged(path, "no end marker");
  const uint32_t crc = f->file_->ReadInOrder(p, size, [&] { return index::Crc32c(p, size - 8); });
  if (crc != Load<uint32_t>(p + size - 8)) {
    return Damaged(path, "checksum mismatch");
  }
  f->codes_ = p + kDenseHeaderBytes;
  f->scales_ = f->codes_ + static_cast<size_t>(f->doc_count_) * f->dim_;
  return f;
}

float DenseFile::scale(uint32_t doc) const { return Load<float>(scales_ + 4 * size_t{doc}); }

}  // namespace paperdeck::vectors
