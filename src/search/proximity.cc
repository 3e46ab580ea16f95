#include "search/proximity.h"

#include <algorithm>
#include <memory>
#include <span>

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

// The bonus of one document after another, the rerank's and the explanation's one formula.
// Documents are visited segment by segment in doc order, so each term's cursor only moves forward.
class ProximityScorer {
 public:
  ProximityScorer(const std::vector<std::string>& terms, const Bm25f& bm25f,
                  const index::IndexReader& reader)
      : terms_(terms),
        n_terms_(std::min(terms.size(), kMaxTerms)),
        params_(bm25f.params()),
        avg_abstract_(reader.average_field_length(index::Field::kAbstract)),
        idf_(n_terms_),
        cursors_(n_terms_),
        acc_(n_terms_) {
    for (size_t t = 0; t < n_terms_; ++t) {
      idf_[t] = Bm25f::Idf(reader.DocFreq(terms[t]), reader.live_doc_count());
    }
  }

  // No bonus without two terms.
  bool active() const { return n_terms_ >= 2; }

  // Opens the terms' cursors in segment and asks for the positions of docs (ascending, those
  // Bonus is about to be asked for) at once.
  void Prepare(const index::SegmentReader& segment, std::span<const uint32_t> docs) {
    Open(segment);
    for (const auto& c : cursors_) {
      if (c != nullptr) c->WillReadPositions(docs);
    }
  }

  // The bonus (before the weight) of doc in segment. out, when given, receives K and each term
  // with a neighbour: its idf, nearness and part, each part multiplied by weight.
  // REQUIRES: within one segment, docs ascending.
  float Bonus(const index::SegmentReader& segment, uint32_t doc, float weight = 0,
              ProximityExplanation* out = nullptr) {
    Open(segment);
    const float k1 = params_.k1;
    std::fill(acc_.begin(), acc_.end(), 0.0f);
    for (index::Field f : kTextFields) {
      const float w = params_.weight[static_cast<int>(f)];
      if (w <= 0) continue;
      occurrences_.clear();
      for (size_t t = 0; t < n_terms_; ++t) {
        index::SegmentPostingCursor* c = cursors_[t].get();
        if (c == nullptr) continue;
        c->NextGeq(doc);
        if (c->doc() != doc || c->tf(f) == 0) continue;
        c->Positions(f, &positions_);
        for (uint32_t p : positions_) occurrences_.push_back({p, static_cast<uint32_t>(t)});
      }
      if (occurrences_.size() < 2) continue;
      std::sort(occurrences_.begin(), occurrences_.end());
      for (size_t i = 0; i + 1 < occurrences_.size(); ++i) {
        const Occurrence& a = occurrences_[i];
        const Occurrence& b = occurrences_[i + 1];
        const uint32_t d = b.position - a.position;
        if (a.term == b.term || d == 0 || d > kProximityWindow) continue;
        const float near = w / static_cast<float>(d);
        acc_[a.term] += near * idf_[b.term];
        acc_[b.term] += near * idf_[a.term];
      }
    }
    float K = k1;
    if (avg_abstract_ > 0) {
      const float b = params_.b[static_cast<int>(index::Field::kAbstract)];
      K = k1 * (1.0f - b + b * static_cast<float>(segment.field_length(doc, index::Field::kAbstract) /
                                                   avg_abstract_));
    }
    if (out != nullptr) out->k = K;
    float bonus = 0;
    for (size_t t = 0; t < n_terms_; ++t) {
      if (acc_[t] <= 0) continue;
      const float part = std::min(1.0f, idf_[t]) * acc_[t] * (k1 + 1.0f) / (acc_[t] + K);
      bonus += part;
      if (out != nullptr) out->terms.push_back({terms_[t], idf_[t], acc_[t], weight * part});
    }
    return bonus;
  }

 private:
  void Open(const index::SegmentReader& segment) {
    if (&segment == segment_) return;
    segment_ = &segment;
    for (size_t t = 0; t < n_terms_; ++t) cursors_[t] = segment.Postings(terms_[t]);
  }

  const std::vector<std::string>& terms_;
  const size_t n_terms_;
  const Bm25fParams& params_;
  const double avg_abstract_;
  std::vector<float> idf_;
  const index::SegmentReader* segment_ = nullptr;
  std::vector<std::unique_ptr<index::SegmentPostingCursor>> cursors_;
  std::vector<float> acc_;
  std::vector<uint32_t> positions_;
  std::vector<Occurrence> occurrences_;
};

}  // namespace

void RerankByProximity(const std::vector<std::string>& terms, float weight, size_t pool,
                       const Bm25f& bm25f, const index::IndexReader& reader, bool ask_ahead,
                       std::vector<CollectedHit>* hits) {
  pool = std::min(pool, hits->size());
  if (weight <= 0 || pool == 0) return;
  ProximityScorer scorer(terms, bm25f, reader);
  if (!scorer.active()) return;

  // The pooled hits visited segment by segment in doc order.
  std::vector<size_t> order(pool);
  for (size_t h = 0; h < pool; ++h) order[h] = h;
  std::sort(order.begin(), order.end(), [hits](size_t a, size_t b) {
    const CollectedHit& x = (*hits)[a];
    const CollectedHit& y = (*hits)[b];
    return x.segment != y.segment ? x.segment < y.segment : x.doc < y.doc;
  });
  const auto& segments = reader.segments();
  std::vector<uint32_t> docs;
  for (size_t i = 0; i < order.size();) {
    // One segment's hits: their positions asked for at once, then read.
    const uint32_t segment = (*hits)[order[i]].segment;
    size_t end = i;
    docs.clear();
    for (; end < order.size() && (*hits)[order[end]].segment == segment; ++end) {
      docs.push_back((*hits)[order[end]].doc);
    }
    if (ask_ahead) scorer.Prepare(*segments[segment], docs);
    for (; i < end; ++i) {
      CollectedHit& hit = (*hits)[order[i]];
      hit.score += weight * scorer.Bonus(*segments[segment], hit.doc);
    }
  }
  std::stable_sort(hits->begin(), hits->begin() + static_cast<ptrdiff_t>(pool),
                   [](const CollectedHit& a, const CollectedHit& b) { return a.score > b.score; });
}

ProximityExplanation ExplainProximity(const std::vector<std::string>& terms, float weight,
                                      const Bm25f& bm25f, const index::IndexReader& reader,
                                      const index::SegmentReader& segment, uint32_t doc) {
  ProximityExplanation out;
  out.weight = weight;
  ProximityScorer scorer(terms, bm25f, reader);
  if (weight <= 0 || !scorer.active()) return out;
  out.score = weight * scorer.Bonus(segment, doc, weight, &out);
  return out;
}

}  // namespace paperdeck::search
