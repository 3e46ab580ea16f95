#include "search/match_counter.h"

#include <bit>
#include <memory>
#include <vector>

#include "index/field.h"
#include "search/bitmap_count.h"
#include "search/leaf_docs.h"
#include "search/term_matcher.h"

namespace paperdeck::search {
namespace {

using Kind = PlanNode::Kind;

bool Countable(const PlanNode& node) {
  switch (node.kind) {
    case Kind::kTerm:
    case Kind::kTermSet:
    case Kind::kCategory:
      return true;
    case Kind::kOr:
      for (const PlanNode& c : node.children) {
        if (!Countable(c)) return false;
      }
      return true;
    default:
      return false;
  }
}

// Sets the bit of every document node matches.
void Mark(const PlanNode& node, const index::SegmentReader& segment, std::vector<uint64_t>* bits) {
  if (node.kind == Kind::kOr) {
    for (const PlanNode& c : node.children) Mark(c, segment, bits);
    return;
  }
  uint64_t* words = bits->data();
  auto set = [words](uint32_t d) { words[d >> 6] |= uint64_t{1} << (d & 63); };
  if (node.kind == Kind::kTermSet) {
    for (const PlanTerm& t : node.terms) ForEachLeafDoc(segment, t.term, node.fields, false, set);
    return;
  }
  ForEachLeafDoc(segment, node.terms[0].term, node.fields, node.kind == Kind::kCategory, set);
}

}  // namespace

std::optional<uint64_t> CountLiveMatches(const PlanNode& node,
                                         const index::SegmentReader& segment) {
  if (node.kind == Kind::kAnd) return CountFromBitmaps(node, segment);
  if (!Countable(node)) return std::nullopt;
  const bool has_deletions = segment.live_doc_count() != segment.doc_count();
  if (node.kind != Kind::kOr && node.kind != Kind::kTermSet && !has_deletions &&
      !index::IsStemEqualForm(node.terms[0].term)) {
    std::unique_ptr<index::SegmentPostingCursor> cursor = segment.Postings(node.terms[0].term);
    if (!cursor) return 0;
    if (node.kind == Kind::kCategory || !NeedsFieldCheck(*cursor, node.fields)) {
      return cursor->size();
    }
  }
  if (std::optional<uint64_t> counted = CountFromBitmaps(node, segment)) return counted;
  std::vector<uint64_t> bits((size_t{segment.doc_count()} + 63) / 64, 0);
  Mark(node, segment, &bits);
  uint64_t count = 0;
  for (size_t w = 0; w < bits.size(); ++w) {
    uint64_t word = bits[w];
    if (has_deletions) {
      for (uint64_t rest = word; rest != 0; rest &= rest - 1) {
        const auto d = static_cast<uint32_t>(w * 64 + std::countr_zero(rest));
        if (segment.IsDeleted(d)) word &= ~(uint64_t{1} << (d & 63));
      }
    }
    count += std::popcount(word);
  }
  return count;
}

}  // namespace paperdeck::search
