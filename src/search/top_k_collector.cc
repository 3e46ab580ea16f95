#include "search/top_k_collector.h"

#include <algorithm>

namespace paperdeck::search {
namespace {

// Reads hit's date and paper key from its segment, unless known.
void KnowTieBreakers(const SegmentList& segments, const CollectedHit& hit) {
  if (hit.known) return;
  const index::SegmentReader& segment = *segments[hit.segment];
  hit.date = segment.date(hit.doc);
  hit.paper_key = segment.paper_key(hit.doc);
  hit.known = true;
}

}  // namespace

uint64_t PaperKeyOf(const SegmentList& segments, const CollectedHit& hit) {
  return hit.known ? hit.paper_key : segments[hit.segment]->paper_key(hit.doc);
}

TopKCollector::TopKCollector(SortOrder order, size_t k, const SegmentList& segments)
    : order_(order), k_(k), segments_(&segments) {
  heap_.reserve(std::min<size_t>(k, 4096));
}

bool TopKCollector::Before(const CollectedHit& a, const CollectedHit& b) const {
  if (order_ != SortOrder::kRelevance && a.sort_key != b.sort_key) return a.sort_key > b.sort_key;
  if (a.score != b.score) return a.score > b.score;
  KnowTieBreakers(*segments_, a);
  KnowTieBreakers(*segments_, b);
  if (a.date != b.date) return a.date > b.date;
  return a.paper_key < b.paper_key;
}

bool TopKCollector::Competes(int64_t sort_key, float score_bound) const {
  if (k_ == 0) return false;
  if (!full()) return true;
  const CollectedHit& worst = heap_.front();
  if (order_ != SortOrder::kRelevance && sort_key != worst.sort_key) return sort_key > worst.sort_key;
  // The score can tie the worst at best, and a tie may still win on date or key.
  return score_bound >= worst.score;
}

void TopKCollector::Add(const CollectedHit& hit) {
  if (k_ == 0) return;
  auto worse_on_top = [this](const CollectedHit& a, const CollectedHit& b) { return Before(a, b); };
  if (!full()) {
    heap_.push_back(hit);
    std::push_heap(heap_.begin(), heap_.end(), worse_on_top);
    return;
  }
  if (!Before(hit, heap_.front())) return;
  std::pop_heap(heap_.begin(), heap_.end(), worse_on_top);
  heap_.back() = hit;
  std::push_heap(heap_.begin(), heap_.end(), worse_on_top);
}

std::vector<CollectedHit> TopKCollector::TakeSorted() {
  std::vector<CollectedHit> out = std::move(heap_);
  heap_.clear();
  std::sort(out.begin(), out.end(), [this](const CollectedHit& a, const CollectedHit& b) {
    return Before(a, b);
  });
  return out;
}

}  // namespace paperdeck::search
