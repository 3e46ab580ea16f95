#include "search/proximity.h"

#include <algorithm>
#include <memory>

namespace paperdeck::search {
namespace {

constexpr size_t kMaxTerms = 64;  // a longer question's other terms add no proximity
constexpr index::Field kTextFields[] = {index::Field::kTitle, index::Field::kAbstract};

struct Occurrence {
  uint32_t position;
  uint32_t term;
  bool operator<(const Occurrence& o) const {
    return position != o.position ? position < o.position : term < o.term;
  }
};

}  // namespace

void RerankByProximity(const std::vector<std::string>& terms, float weight, size_t pool,
                       const Bm25f& bm25f, const index::IndexReader& reader,
                       std::vector<CollectedHit>* hits) {
  const size_t n_terms = std::min(terms.size(), kMaxTerms);
  pool = std::min(pool, hits->size());
  if (weight <= 0 || n_terms < 2 || pool == 0) return;

  std::vector<float> idf(n_terms);
  for (size_t t = 0; t < n_terms; ++t) {
    idf[t] = Bm25f::Idf(reader.DocFreq(terms[t]), reader.live_doc_count());
  }
  const Bm25fParams& params = bm25f.params();
  const float k1 = params.k1;
  const int abstract = static_cast<int>(index::Field::kAbstract);
  const double avg_abstract = reader.average_field_length(index::Field::kAbstract);

  // Where each pooled hit lives: (segment, doc), visited segment by segment in doc order so that
  // each term's cursor only moves forward.
  struct Located {
    size_t segment;
    uint32_t doc;
    size_t hit;
  };
  std::vector<Located> located;
  const auto& segments = reader.segments();
  for (size_t h = 0; h < pool; ++h) {
    for (size_t s = segments.size(); s-- > 0;) {
      std::optional<uint32_t> doc = segments[s]->FindPaper((*hits)[h].paper_key);
      if (doc && !segments[s]->IsDeleted(*doc)) {
        located.push_back({s, *doc, h});
        break;
      }
    }
  }
  std::sort(located.begin(), located.end(), [](const Located& a, const Located& b) {
    return a.segment != b.segment ? a.segment < b.segment : a.doc < b.doc;
  });

  std::vector<std::unique_ptr<index::SegmentPostingCursor>> cursors(n_terms);
  std::vector<uint32_t> positions;
  std::vector<Occurrence> occurrences;
  std::vector<float> acc(n_terms);
  size_t current_segment = SIZE_MAX;
  for (const Located& at : located) {
    const index::SegmentReader& segment = *segments[at.segment];
    if (at.segment != current_segment) {
      current_segment = at.segment;
      for (size_t t = 0; t < n_terms; ++t) cursors[t] = segment.Postings(terms[t]);
    }
    std::fill(acc.begin(), acc.end(), 0.0f);
    for (index::Field f : kTextFields) {
      const float w = params.weight[static_cast<int>(f)];
      if (w <= 0) continue;
      occurrences.clear();
      for (size_t t = 0; t < n_terms; ++t) {
        index::SegmentPostingCursor* c = cursors[t].get();
        if (c == nullptr) continue;
        c->NextGeq(at.doc);
        if (c->doc() != at.doc || c->tf(f) == 0) continue;
        c->Positions(f, &positions);
        for (uint32_t p : positions) occurrences.push_back({p, static_cast<uint32_t>(t)});
      }
      if (occurrences.size() < 2) continue;
      std::sort(occurrences.begin(), occurrences.end());
      for (size_t i = 0; i + 1 < occurrences.size(); ++i) {
        const Occurrence& a = occurrences[i];
        const Occurrence& b = occurrences[i + 1];
        const uint32_t d = b.position - a.position;
        if (a.term == b.term || d == 0 || d > kProximityWindow) continue;
        const float near = w / static_cast<float>(d);
        acc[a.term] += near * idf[b.term];
        acc[b.term] += near * idf[a.term];
      }
    }
    float K = k1;
    if (avg_abstract > 0) {
      const float b = params.b[abstract];
      K = k1 * (1.0f - b + b * static_cast<float>(segment.field_length(at.doc, index::Field::kAbstract) /
                                                   avg_abstract));
    }
    float bonus = 0;
    for (size_t t = 0; t < n_terms; ++t) {
      if (acc[t] > 0) bonus += std::min(1.0f, idf[t]) * acc[t] * (k1 + 1.0f) / (acc[t] + K);
    }
    (*hits)[at.hit].score += weight * bonus;
  }
  std::stable_sort(hits->begin(), hits->begin() + static_cast<ptrdiff_t>(pool),
                   [](const CollectedHit& a, const CollectedHit& b) { return a.score > b.score; });
}

}  // namespace paperdeck::search
