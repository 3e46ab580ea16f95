#include "vectors/forward_file.h"

#include <unistd.h>

#include <algorithm>
#include <string>
#include <system_error>

#include "index/crc32c.h"
#include "vectors/file_bytes.h"

namespace paperdeck::vectors {
namespace {

// Index terms a forward vector leaves out: categories ("\x01cs.cv") and exact forms
// ("\x02transform\x00transformers") repeat what the stems say.
bool IsWordStem(std::string_view term) {
  return !term.empty() && term[0] != '\x01' && term[0] != index::kExactFormMarker;
}

// The weighted term frequency of one posting: the title counts twice, the abstract and the
// authors once; the venue not at all.
uint32_t WeightedTf(const uint32_t tfs[index::kNumFields]) {
  return 2 * tfs[static_cast<int>(index::Field::kTitle)] +
         tfs[static_cast<int>(index::Field::kAbstract)] +
         tfs[static_cast<int>(index::Field::kAuthors)];
}

Status Damaged(const std::filesystem::path& path, const std::string& what) {
  return Status::Corruption("forward index file " + path.string() + " is damaged: " + what +
                            " (run `paperdeck reindex` to rebuild it)");
}

}  // namespace

std::string ForwardFileName(std::string_view segment_name) {
  return std::string(segment_name) + ".fwd";
}

uint64_t SegmentFingerprint(const index::SegmentReader& segment) {
  uint64_t h = 0xcbf29ce484222325ull;
  segment.WillWalk(index::WalkedColumn::kPaperKeys);
  for (uint32_t d = 0; d < segment.doc_count(); ++d) {
    uint64_t key = segment.paper_key(d);
    for (int i = 0; i < 8; ++i) {
      h ^= (key >> (8 * i)) & 0xff;
      h *= 0x100000001b3ull;
    }
  }
  return h;
}

Status WriteForwardFile(const index::SegmentReader& segment, const std::filesystem::path& path) {
  const uint32_t docs = segment.doc_count();
  // Pass 1: the terms kept and how many entries each document holds.
  std::vector<std::string> terms;
  std::vector<uint32_t> dfs;
  std::vector<uint64_t> starts(uint64_t{docs} + 1, 0);
  uint32_t tfs[index::kNumFields];
  for (auto it = segment.dictionary().Seek(""); it.Valid(); it.Next()) {
    if (!IsWordStem(it.term())) continue;
    auto cursor = segment.Postings(it.term());
    if (!cursor) continue;
    uint32_t df = 0;
    for (; cursor->doc() != index::kEndDoc; cursor->Next()) {
      cursor->tfs(tfs);
      if (WeightedTf(tfs) == 0) continue;  // in the venue alone
      ++starts[cursor->doc() + 1];
      ++df;
    }
    if (df == 0) continue;
    terms.emplace_back(it.term());
    dfs.push_back(df);
  }
  for (uint32_t d = 0; d < docs; ++d) starts[d + 1] += starts[d];
  const uint64_t entries = starts[docs];
  // Pass 2: each document's entries, in term order (terms are visited in order).
  std::vector<uint32_t> ids(entries);
  std::vector<uint16_t> weights(entries);
  std::vector<uint64_t> fill(starts.begin(), starts.end() - 1);
  for (uint32_t local = 0; local < terms.size(); ++local) {
    auto cursor = segment.Postings(terms[local]);
    for (; cursor->doc() != index::kEndDoc; cursor->Next()) {
      cursor->tfs(tfs);
      uint32_t w = WeightedTf(tfs);
      if (w == 0) continue;
      uint64_t at = fill[cursor->doc()]++;
      ids[at] = local;
      weights[at] = static_cast<uint16_t>(std::min<uint32_t>(w, 0xffff));
    }
  }

  std::string term_bytes;
  for (size_t i = 0; i < terms.size(); ++i) {
    Put<uint16_t>(&term_bytes, static_cast<uint16_t>(std::min<size_t>(terms[i].size(), 0xffff)));
    term_bytes.append(terms[i], 0, std::min<size_t>(terms[i].size(), 0xffff));
    Put<uint32_t>(&term_bytes, dfs[i]);
  }
  std::string header(kForwardMagic, sizeof kForwardMagic);
  Put<uint32_t>(&header, kForwardVersion);
  Put<uint32_t>(&header, docs);
  Put<uint64_t>(&header, SegmentFingerprint(segment));
  Put<uint32_t>(&header, static_cast<uint32_t>(terms.size()));
  Put<uint32_t>(&header, 0);
  Put<uint64_t>(&header, entries);
  Put<uint64_t>(&header, term_bytes.size());

  return WriteWholeFile(path,
                        {header, term_bytes, BytesOf(starts.data(), starts.size() * 8),
                         BytesOf(ids.data(), ids.size() * 4),
                         BytesOf(weights.data(), weights.size() * 2)},
                        BytesOf(kForwardEnd, sizeof kForwardEnd));
}

Result<ForwardFileHeader> ReadForwardFileHeader(const std::filesystem::path& path) {
  auto file = index::MappedFile::Open(path);
  if (!file.ok()) return file.status();
  std::span<const uint8_t> b = (*file)->bytes();
  if (b.size() < kForwardHeaderBytes + kForwardFooterBytes) return Damaged(path, "cut short");
  if (std::memcmp(b.data(), kForwardMagic, 8) != 0) return Damaged(path, "not a forward index file");
  ForwardFileHeader h;
  std::memcpy(&h.version, b.data() + 8, 4);
  std::memcpy(&h.doc_count, b.data() + 12, 4);
  std::memcpy(&h.fingerprint, b.data() + 16, 8);
  return h;
}

Result<std::unique_ptr<ForwardFile>> ForwardFile::Open(const std::filesystem::path& path) {
  auto mapped = index::MappedFile::Open(path);
  if (!mapped.ok()) {
    if (mapped.status().code() == Status::Code::kNotFound) {
      return Status::NotFound("forward index file " + path.string() + " is missing");
    }
    return mapped.status();
  }
  std::unique_ptr<ForwardFile> f(new ForwardFile());
  f->path_ = path;
  f->file_ = std::move(*mapped);
  const uint8_t* p = f->file_->data();
  const uint64_t size = f->file_->size();
  if (size < kForwardHeaderBytes + kForwardFooterBytes) {
    return Damaged(path, "cut short at " + std::to_string(size) + " bytes");
  }
  if (std::memcmp(p, kForwardMagic, 8) != 0) return Damaged(path, "not a forward index file");
  uint32_t version = Load32(p + 8);
  if (version != kForwardVersion) {
    return Damaged(path, "format version " + std::to_string(version) + ", this build reads " +
                             std::to_string(kForwardVersion));
  }
  f->doc_count_ = Load32(p + 12);
  f->fingerprint_ = Load64(p + 16);
  const uint32_t term_count = Load32(p + 24);
  f->entry_count_ = Load64(p + 32);
  const uint64_t term_bytes = Load64(p + 40);
  // Sizes from the header, checked against the file before anything is read past it (no
  // overflow: each count is bounded by the file size first).
  if (term_bytes > size || f->entry_count_ > size || f->doc_count_ > size) {
    return Damaged(path, "its header's sizes exceed the file");
  }
  const uint64_t expected = kForwardHeaderBytes + term_bytes + 8 * (uint64_t{f->doc_count_} + 1) +
                            6 * f->entry_count_ + kForwardFooterBytes;
  if (expected != size) {
    return Damaged(path, size < expected ? "cut short (" + std::to_string(size) + " of " +
                                               std::to_string(expected) + " bytes)"
                                         : "longer than its header says");
  }
  if (std::memcmp(p + size - 4, kForwardEnd, 4) != 0) return Damaged(path, "its end marker is missing");
  const uint32_t crc = f->file_->ReadInOrder(
      p, size, [&] { return index::Crc32c(p, size - kForwardFooterBytes); });
  if (crc != Load32(p + size - kForwardFooterBytes)) {
    return Damaged(path, "checksum mismatch");
  }
  const uint8_t* t = p + kForwardHeaderBytes;
  const uint8_t* t_end = t + term_bytes;
  f->terms_.reserve(term_count);
  f->dfs_.reserve(term_count);
  for (uint32_t i = 0; i < term_count; ++i) {
    if (t_end - t < 2) return Damaged(path, "its term table is cut");
    uint16_t len = Load16(t);
    if (static_cast<uint64_t>(t_end - t) < 2u + len + 4u) return Damaged(path, "its term table is cut");
    f->terms_.emplace_back(reinterpret_cast<const char*>(t + 2), len);
    f->dfs_.push_back(Load32(t + 2 + len));
    t += 2 + len + 4;
  }
  if (t != t_end) return Damaged(path, "its term table's size disagrees with its terms");
  f->doc_starts_ = t_end;
  f->term_ids_ = f->doc_starts_ + 8 * (uint64_t{f->doc_count_} + 1);
  f->tfs_ = f->term_ids_ + 4 * f->entry_count_;
  // Every document's range inside the entries, and every entry's term inside the table: a
  // reader then never checks again.
  uint64_t prev = 0;
  for (uint32_t d = 0; d <= f->doc_count_; ++d) {
    uint64_t s = Load64(f->doc_starts_ + 8 * uint64_t{d});
    if (s < prev || s > f->entry_count_ || (d == 0 && s != 0)) return Damaged(path, "its document table is inconsistent");
    prev = s;
  }
  if (prev != f->entry_count_) return Damaged(path, "its document table is inconsistent");
  // Read once, in order, and let go of after (index::MappedFile::ReadInOrder), as the checksum.
  const bool terms_known = f->file_->ReadInOrder(f->term_ids_, 4 * f->entry_count_, [&] {
    for (uint64_t e = 0; e < f->entry_count_; ++e) {
      if (Load32(f->term_ids_ + 4 * e) >= term_count) return false;
    }
    return true;
  });
  if (!terms_known) return Damaged(path, "an entry names no term");
  return f;
}

}  // namespace paperdeck::vectors
