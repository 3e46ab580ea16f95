#include "vectors/forward_index.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <random>
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

// Every term frequency a forward file can hold (16 bits): no branch and no call in a scoring loop
// (256 KB, of which the first lines are the ones read).
const std::vector<float>& TfTable() {
  static const std::vector<float> table = [] {
    std::vector<float> t(65536);
    for (uint32_t i = 1; i < t.size(); ++i) t[i] = 1.0f + static_cast<float>(std::log(double(i)));
    return t;
  }();
  return table;
}

// Entries [e, end) of file dotted with local (a weight per local term id): four sums, so that each
// add waits for the one four entries back, not the one just before.
float DotEntries(const ForwardFile& file, uint64_t e, uint64_t end, const float* local) {
  const float* tf_table = TfTable().data();
  auto term = [&](uint64_t i) { return tf_table[file.tf(i)] * local[file.term_id(i)]; };
  float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  for (; e + 4 <= end; e += 4) {
    s0 += term(e);
    s1 += term(e + 1);
    s2 += term(e + 2);
    s3 += term(e + 3);
  }
  for (; e < end; ++e) s0 += term(e);
  return (s0 + s1) + (s2 + s3);
}

}  // namespace

float SublinearTf(uint32_t tf) {
  if (tf < 65536) return TfTable()[tf];
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
  }
  return std::shared_ptr<const ForwardIndex>(std::move(fi));
}

float ForwardIndex::Weight(const Segment& s, uint64_t entry) const {
  return SublinearTf(s.file->tf(entry)) * s.local_idf[s.file->term_id(entry)];
}

float ForwardIndex::InvNorm(const Segment& s, uint32_t doc) const {
  double sq = 0;
  for (uint64_t e = s.file->begin(doc), end = s.file->end(doc); e < end; ++e) {
    const float w = Weight(s, e);
    sq += double{w} * w;
  }
  return sq > 0 ? static_cast<float>(1.0 / std::sqrt(sq)) : 0.0f;
}

const std::vector<std::vector<float>>& ForwardIndex::InvNorms() const {
  std::call_once(norms_once_, [this] {
    inv_norms_.resize(segments_.size());
    for (size_t s = 0; s < segments_.size(); ++s) {
      const uint32_t docs = segments_[s].file->doc_count();
      inv_norms_[s].resize(docs);
      for (uint32_t d = 0; d < docs; ++d) inv_norms_[s][d] = InvNorm(segments_[s], d);
    }
  });
  return inv_norms_;
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
  v.reserve(seg.file->end(d.doc) - seg.file->begin(d.doc));
  double sq = 0;  // summed as InvNorm sums it
  for (uint64_t e = seg.file->begin(d.doc), end = seg.file->end(d.doc); e < end; ++e) {
    const float w = Weight(seg, e);
    sq += double{w} * w;
    // Local ids follow the merged vocabulary's order, so the vector comes out sorted.
    if (w > 0) v.push_back({seg.term_id[seg.file->term_id(e)], w});
  }
  if (sq <= 0) return {};
  const auto inv = static_cast<float>(1.0 / std::sqrt(sq));
  for (TermWeight& t : v) t.weight *= inv;
  return v;
}

void ForwardIndex::ScoreLive(std::span<const float> weights, unsigned parts,
                             const std::function<void(unsigned, DocRef, float)>& f) const {
  parts = std::max(parts, 1u);
  const auto& readers = reader_->segments();
  const std::vector<std::vector<float>>& inv_norms = InvNorms();
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
        const float inv = inv_norms[s][d];
        const float sum =
            inv == 0 ? 0 : inv * DotEntries(*seg.file, seg.file->begin(d), seg.file->end(d), local);
        f(part, DocRef{s, d}, sum);
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned p = 1; p < parts; ++p) threads.emplace_back(score_part, p);
  score_part(0);
  for (std::thread& t : threads) t.join();
}

std::vector<DocRef> ForwardIndex::SampleLive(size_t n, const std::unordered_set<uint64_t>& excluded,
                                             uint64_t seed) const {
  std::mt19937_64 rng(seed);
  std::vector<DocRef> sample;
  const auto& segments = reader_->segments();
  std::vector<uint64_t> ends;  // documents up to each segment's end
  for (const auto& s : segments) ends.push_back((ends.empty() ? 0 : ends.back()) + s->doc_count());
  const uint64_t total = ends.empty() ? 0 : ends.back();
  const uint64_t live = live_docs();
  const uint64_t others = live > excluded.size() ? live - excluded.size() : 0;
  if (n > 0 && others >= 4 * uint64_t{n} && 2 * live >= total) {
    // Each new draw qualifies with a chance above 3/8: at least half the documents are live, and
    // at most a quarter of the rest are excluded or drawn already.
    std::uniform_int_distribution<uint64_t> any(0, total - 1);
    std::unordered_set<uint64_t> drawn;
    while (sample.size() < n) {
      const uint64_t u = any(rng);
      if (!drawn.insert(u).second) continue;
      const auto s =
          static_cast<uint32_t>(std::upper_bound(ends.begin(), ends.end(), u) - ends.begin());
      const auto d = static_cast<uint32_t>(u - (s == 0 ? 0 : ends[s - 1]));
      if (segments[s]->IsDeleted(d) || excluded.contains(segments[s]->paper_key(d))) continue;
      sample.push_back({s, d});
    }
    return sample;
  }
  uint64_t seen = 0;
  ForEachLive([&](DocRef d) {
    if (excluded.contains(paper_key(d))) return;
    ++seen;
    if (sample.size() < n) {
      sample.push_back(d);
    } else {
      const uint64_t j = std::uniform_int_distribution<uint64_t>(0, seen - 1)(rng);
      if (j < n) sample[j] = d;
    }
  });
  return sample;
}

}  // namespace paperdeck::vectors
