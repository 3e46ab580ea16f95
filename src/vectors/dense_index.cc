#include "vectors/dense_index.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <queue>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "text/analyzer.h"
#include "vectors/forward_file.h"

namespace paperdeck::vectors {
namespace {

// The query as the papers are kept: int8 codes (widened to 16 bits for the dot product) and one
// scale, so a paper's cosine is scale × query scale × an integer dot product. Quantising the query
// moves a cosine by about a thousandth, as quantising the papers already does.
struct QueryCodes {
  std::vector<int16_t> codes;
  float scale = 0;
};

QueryCodes Quantised(std::span<const float> q) {
  std::vector<int8_t> codes(q.size(), 0);
  QueryCodes out;
  out.scale = QuantiseInt8(q, codes.data());
  out.codes.assign(codes.begin(), codes.end());
  return out;
}

// A paper's int8 codes dotted with the query's: the brute-force search's inner loop (75,728
// papers × 100 dimensions a query). With SSE2 (every x86-64), sixteen codes at a time: widened to
// 16 bits with their sign and multiplied-and-added in pairs into 32-bit sums.
int32_t Dot(const int8_t* codes, const int16_t* q, size_t dim) {
  size_t i = 0;
  int32_t s = 0;
#if defined(__SSE2__)
  __m128i sums = _mm_setzero_si128();
  for (; i + 16 <= dim; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(codes + i));
    // Each byte into the high half of a 16-bit lane, shifted down with its sign: int16.
    const __m128i lo = _mm_srai_epi16(_mm_unpacklo_epi8(bytes, bytes), 8);
    const __m128i hi = _mm_srai_epi16(_mm_unpackhi_epi8(bytes, bytes), 8);
    sums = _mm_add_epi32(
        sums, _mm_madd_epi16(lo, _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + i))));
    sums = _mm_add_epi32(
        sums, _mm_madd_epi16(hi, _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + i + 8))));
  }
  alignas(16) int32_t lanes[4];
  _mm_store_si128(reinterpret_cast<__m128i*>(lanes), sums);
  s = lanes[0] + lanes[1] + lanes[2] + lanes[3];
#endif
  for (; i < dim; ++i) s += int32_t{codes[i]} * q[i];
  return s;
}

}  // namespace

Result<std::shared_ptr<const DenseIndex>> DenseIndex::Open(
    std::shared_ptr<const index::IndexReader> reader, const std::filesystem::path& dir,
    std::shared_ptr<const WordVectors> words, DenseFilesReport* report,
    const DenseOptions& options) {
  std::shared_ptr<DenseIndex> dense(new DenseIndex());
  dense->reader_ = reader;
  dense->words_ = words;
  dense->options_ = options;
  std::set<std::string> live;
  for (const auto& segment : reader->segments()) {
    const std::string name = DenseFileName(segment->name());
    live.insert(name);
    const std::filesystem::path path = dir / name;
    Result<std::unique_ptr<DenseFile>> file = DenseFile::Open(path);
    const bool current = file.ok() && (*file)->doc_count() == segment->doc_count() &&
                         (*file)->fingerprint() == SegmentFingerprint(*segment) &&
                         (*file)->model_checksum() == words->checksum() &&
                         (*file)->dim() == static_cast<uint32_t>(words->dim());
    if (!current) {
      if (!file.ok() && file.status().code() == Status::Code::kIOError) return file.status();
      Result<std::unique_ptr<ForwardFile>> forward =
          ForwardFile::Open(dir / ForwardFileName(segment->name()));
      if (!forward.ok()) return forward.status();
      if ((*forward)->fingerprint() != SegmentFingerprint(*segment)) {
        return Status::Corruption("forward index file " +
                                  (dir / ForwardFileName(segment->name())).string() +
                                  " is another segment's (run `paperdeck reindex`)");
      }
      PAPERDECK_RETURN_IF_ERROR(WriteDenseFile(**forward, *words, path));
      if (report) ++report->written;
      file = DenseFile::Open(path);
      if (!file.ok()) return file.status();
    }
    std::unique_ptr<NeighbourGraph> graph;
    // A live segment's graph is kept even when these options do not read it.
    const std::string graph_name = GraphFileName(segment->name());
    live.insert(graph_name);
    live.insert(GraphSumFileName(segment->name()));
    if ((*file)->doc_count() >= options.graph_min_docs) {
      Result<std::unique_ptr<NeighbourGraph>> opened = NeighbourGraph::Open(**file, dir / graph_name);
      if (!opened.ok() && opened.status().code() != Status::Code::kIOError) {
        const std::string seg = segment->name();
        const uint64_t docs = (*file)->doc_count();
        opened = NeighbourGraph::Write(
            **file, dir / graph_name, options.build_threads, [&](uint64_t added) {
              if (options.progress) options.progress(seg, added, docs);
            });
        // The graph only speeds the search up: when it cannot be built the segment is searched
        // by brute force, as a small one is.
        if (opened.ok() && report) ++report->graphs_built;
      }
      if (opened.ok()) graph = std::move(*opened);
    }
    dense->files_.push_back(std::move(*file));
    dense->graphs_.push_back(std::move(graph));
  }
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const bool ours = name.ends_with(".dvec") || name.ends_with(".dvec.tmp") ||
                      name.ends_with(".graph") || name.ends_with(".graph.tmp") ||
                      name.ends_with(".graph.sum") || name.ends_with(".graph.sum.tmp");
    if (ours && !live.contains(name)) {
      std::filesystem::remove(entry.path(), ec);
      if (!ec && report) ++report->removed;
    }
  }
  return std::shared_ptr<const DenseIndex>(std::move(dense));
}

uint64_t DenseIndex::size_bytes() const {
  uint64_t total = 0;
  for (const auto& f : files_) total += f->size_bytes();
  for (const auto& g : graphs_) total += g ? g->size_bytes() : 0;
  return total;
}

uint32_t DenseIndex::graph_count() const {
  uint32_t n = 0;
  for (const auto& g : graphs_) n += g != nullptr;
  return n;
}

std::vector<float> DenseIndex::EmbedQuery(std::string_view text) const {
  text::Analyzer analyzer;
  return words_->EmbedText(analyzer, text);
}

std::vector<DenseHit> DenseIndex::Nearest(std::span<const float> query, size_t k,
                                          size_t breadth) const {
  using Entry = std::pair<float, uint64_t>;  // score, paper key: a min-heap of the best k
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> best;
  if (k == 0 || query.size() != static_cast<size_t>(words_->dim())) return {};
  const auto& segments = reader_->segments();
  const QueryCodes q = Quantised(query);
  if (q.scale == 0) return {};
  // A paper's score first; whether it has a vector and is live only when it would be kept.
  auto offer = [&](size_t s, uint32_t d) {
    const DenseFile& f = *files_[s];
    const float scale = f.scale(d);
    const float score =
        scale * q.scale * static_cast<float>(Dot(f.codes(d), q.codes.data(), q.codes.size()));
    if (best.size() == k && score <= best.top().first) return;
    if (scale == 0 || segments[s]->IsDeleted(d)) return;
    if (best.size() == k) best.pop();
    best.emplace(score, segments[s]->paper_key(d));
  };
  for (size_t s = 0; s < files_.size(); ++s) {
    if (graphs_[s]) {
      // Deleted papers are still in the graph: ask for enough more that k live ones remain.
      const size_t deleted = segments[s]->doc_count() - segments[s]->live_doc_count();
      const size_t want = k + std::min(deleted, 4 * k);
      const size_t kept =
          breadth > 0 ? std::max(breadth, want)
                      : std::max<size_t>(options_.graph_min_breadth,
                                         options_.graph_breadth_factor * want);
      for (const auto& [cosine, doc] : graphs_[s]->Nearest(query, want, kept)) offer(s, doc);
      continue;
    }
    for (uint32_t d = 0; d < files_[s]->doc_count(); ++d) offer(s, d);
  }
  std::vector<DenseHit> hits(best.size());
  for (size_t i = hits.size(); i-- > 0;) {
    hits[i] = {best.top().second, best.top().first};
    best.pop();
  }
  return hits;
}

std::vector<float> DenseIndex::VectorOf(uint64_t paper_key) const {
  const auto& segments = reader_->segments();
  for (size_t s = segments.size(); s-- > 0;) {
    std::optional<uint32_t> doc = segments[s]->FindPaper(paper_key);
    if (!doc || segments[s]->IsDeleted(*doc)) continue;
    const DenseFile& f = *files_[s];
    const float scale = f.scale(*doc);
    if (scale == 0) return {};
    std::vector<float> v(f.dim());
    for (uint32_t i = 0; i < f.dim(); ++i) v[i] = scale * f.codes(*doc)[i];
    return v;
  }
  return {};
}

bool DenseIndex::Similarity(uint64_t paper_key, std::span<const float> query,
                            float* score) const {
  std::vector<float> v = VectorOf(paper_key);
  if (v.empty() || v.size() != query.size()) return false;
  float s = 0;
  for (size_t i = 0; i < v.size(); ++i) s += v[i] * query[i];
  *score = s;
  return true;
}

}  // namespace paperdeck::vectors
