#include "vectors/forward_index.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <queue>
#include <thread>

namespace paperdeck::vectors {
namespace {

// Terms held by more than this share of the papers weigh nothing (arxiv-sanity-lite's max_df),
// once that share is more than kMinCappedDocFreq papers: in a small corpus a theme's own words
// may be in a tenth of it.
constexpr double kMaxDocShare = 0.10;
constexpr double kMinCappedDocFreq = 1000;
// Nor do terms fewer papers hold than this (a term of one paper is shared with none).
constexpr uint64_t kMinDocFreq = 2;

const std::array<float, 256>& TfTable() {
  static const std::array<float, 256> table = [] {
    std::array<float, 256> t{};
    for (uint32_t i = 1; i < 256; ++i) t[i] = 1.0f + static_cast<float>(std::log(double(i)));
    return t;
  }();
  return table;
}

}  // namespace

float SublinearTf(uint32_t tf) {
  if (tf < 256) return TfTable()[tf];
  return 1.0f + static_cast<float>(std::log(double(tf)));
}

Result<std::shared_ptr<const ForwardIndex>> ForwardIndex::Open(
    std::shared_ptr<const index::IndexReader> reader, const std::filesystem::path& dir) {
  std::shared_ptr<ForwardIndex> fi(new ForwardIndex());
  fi->reader_ = std::move(reader);
  const auto& segments = fi->reader_->segments();
  fi->segments_.resize(segments.size());
  for (size_t s = 0; s < segments.size(); ++s) {
    std::filesystem::path path = dir / ForwardFileName(segments[s]->name());
    auto file = ForwardFile::Open(path);
    if (!file.ok()) return file.status();
    if ((*file)->doc_count() != segments[s]->doc_count() ||
        (*file)->fingerprint() != SegmentFingerprint(*segments[s])) {
      return Status::Corruption("forward index file " + path.string() +
                                " is not the one of index segment " + segments[s]->name() +
                                " (run `paperdeck reindex` to rebuild it)");
    }
    fi->segments_[s].file = std::move(*file);
  }

  // The vocabulary: every file's terms (each sorted) merged in order, df summed.
  using Head = std::pair<std::string_view, uint32_t>;  // term, segment
  auto later = [](const Head& a, const Head& b) { return a.first > b.first; };
  std::priority_queue<Head, std::vector<Head>, decltype(later)> heap(later);
  std::vector<uint32_t> next(segments.size(), 0);
  for (uint32_t s = 0; s < fi->segments_.size(); ++s) {
    Segment& seg = fi->segments_[s];
    seg.term_id.resize(seg.file->term_count());
    if (seg.file->term_count() > 0) heap.push({seg.file->term(0), s});
  }
  std::vector<uint64_t> dfs;
  while (!heap.empty()) {
    auto [term, s] = heap.top();
    heap.pop();
    if (fi->terms_.empty() || fi->terms_.back() != term) {
      fi->terms_.push_back(term);
      dfs.push_back(0);
    }
    Segment& seg = fi->segments_[s];
    uint32_t local = next[s]++;
    seg.term_id[local] = static_cast<uint32_t>(fi->terms_.size() - 1);
    dfs.back() += seg.file->doc_freq(local);
    if (next[s] < seg.file->term_count()) heap.push({seg.file->term(next[s]), s});
  }
  const double n = static_cast<double>(fi->reader_->live_doc_count());
  fi->idf_.resize(fi->terms_.size());
  for (size_t t = 0; t < dfs.size(); ++t) {
    const bool weighs = dfs[t] >= kMinDocFreq && static_cast<double>(dfs[t]) <= std::max(kMaxDocShare * n, kMinCappedDocFreq);
    fi->idf_[t] = weighs ? static_cast<float>(std::log((1 + n) / (1 + double(dfs[t]))) + 1) : 0.0f;
  }
  for (Segment& seg : fi->segments_) {
    seg.local_idf.resize(seg.term_id.size());
    for (size_t l = 0; l < seg.term_id.size(); ++l) seg.local_idf[l] = fi->idf_[seg.term_id[l]];
    const uint32_t docs = seg.file->doc_count();
    seg.inv_norm.assign(docs, 0.0f);
    for (uint32_t d = 0; d < docs; ++d) {
      double sq = 0;
      for (uint64_t e = seg.file->begin(d), end = seg.file->end(d); e < end; ++e) {
        float w = fi->Weight(seg, e);
        sq += double{w} * w;
      }
      seg.inv_norm[d] = sq > 0 ? static_cast<float>(1.0 / std::sqrt(sq)) : 0.0f;
    }
  }
  return std::shared_ptr<const ForwardIndex>(std::move(fi));
}

float ForwardIndex::Weight(const Segment& s, uint64_t entry) const {
  return SublinearTf(s.file->tf(entry)) * s.local_idf[s.file->term_id(entry)];
}

uint64_t ForwardIndex::size_bytes() const {
  uint64_t n = 0;
  for (const Segment& s : segments_) n += s.file->size_bytes();
  return n;
}

std::optional<DocRef> ForwardIndex::Find(uint64_t paper_key) const {
  const auto& segments = reader_->segments();
  for (uint32_t s = 0; s < segments.size(); ++s) {
    std::optional<uint32_t> doc = segments[s]->FindPaper(paper_key);
    if (doc && !segments[s]->IsDeleted(*doc)) return DocRef{s, *doc};
  }
  return std::nullopt;
}

SparseVector ForwardIndex::VectorAt(DocRef d) const {
  const Segment& seg = segments_[d.segment];
  SparseVector v;
  const float inv = seg.inv_norm[d.doc];
  if (inv == 0) return v;
  v.reserve(seg.file->end(d.doc) - seg.file->begin(d.doc));
  for (uint64_t e = seg.file->begin(d.doc), end = seg.file->end(d.doc); e < end; ++e) {
    float w = Weight(seg, e);
    // Local ids follow the merged vocabulary's order, so the vector comes out sorted.
    if (w > 0) v.push_back({seg.term_id[seg.file->term_id(e)], w * inv});
  }
  return v;
}

void ForwardIndex::ScoreLive(std::span<const float> weights, unsigned parts,
                             const std::function<void(unsigned, DocRef, float)>& f) const {
  parts = std::max(parts, 1u);
  const auto& readers = reader_->segments();
  // local term -> its idf times its weight: one lookup per term of a document.
  std::vector<std::vector<float>> gathered(segments_.size());
  for (size_t s = 0; s < segments_.size(); ++s) {
    const Segment& seg = segments_[s];
    gathered[s].resize(seg.term_id.size());
    for (size_t l = 0; l < seg.term_id.size(); ++l) {
      gathered[s][l] = seg.local_idf[l] * weights[seg.term_id[l]];
    }
  }
  auto score_part = [&](unsigned part) {
    for (uint32_t s = 0; s < segments_.size(); ++s) {
      const Segment& seg = segments_[s];
      const float* local = gathered[s].data();
      const uint32_t n = readers[s]->doc_count();
      const uint32_t from = static_cast<uint32_t>(uint64_t{n} * part / parts);
      const uint32_t to = static_cast<uint32_t>(uint64_t{n} * (part + 1) / parts);
      for (uint32_t d = from; d < to; ++d) {
        if (readers[s]->IsDeleted(d)) continue;
        const float inv = seg.inv_norm[d];
        float sum = 0;
        if (inv != 0) {
          for (uint64_t e = seg.file->begin(d), end = seg.file->end(d); e < end; ++e) {
            sum += SublinearTf(seg.file->tf(e)) * local[seg.file->term_id(e)];
          }
          sum *= inv;
        }
        f(part, DocRef{s, d}, sum);
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned p = 1; p < parts; ++p) threads.emplace_back(score_part, p);
  score_part(0);
  for (std::thread& t : threads) t.join();
}

}  // namespace paperdeck::vectors
