#include "search/bitmap_count.h"

#include <roaring/roaring.h>

#include <memory>
#include <vector>

#include "index/field.h"
#include "index/owned_bitmap.h"
#include "index/term_bitmaps.h"
#include "search/leaf_docs.h"

namespace paperdeck::search {
namespace {

using Kind = PlanNode::Kind;
// A word whose list has no bitmap to use: its postings are walked.
struct Leaf {
  std::string_view term;
  index::FieldMask fields;
  bool category;
};

// One part's documents being gathered: bitmaps read in place, the words to walk, and the
// documents walked from them.
struct Part {
  std::vector<std::unique_ptr<index::TermBitmap>> bitmaps;
  std::vector<Leaf> to_walk;
  std::vector<uint32_t> docs;  // unordered, perhaps repeated
};

using Owned = index::OwnedBitmap;

void GatherTerm(std::string_view term, index::FieldMask fields, bool category,
                const index::SegmentReader& segment, Part* part) {
  // A bitmap holds what a bare word matches (or a category's every document).
  if (!index::IsStemEqualForm(term) && (category || fields == index::kDefaultFields)) {
    if (std::unique_ptr<index::TermBitmap> bitmap = segment.TermDocs(term)) {
      part->bitmaps.push_back(std::move(bitmap));
      return;
    }
  }
  part->to_walk.push_back({term, fields, category});
}

void Walk(const index::SegmentReader& segment, Part* part) {
  for (const Leaf& leaf : part->to_walk) {
    ForEachLeafDoc(segment, leaf.term, leaf.fields, leaf.category,
                   [&](uint32_t d) { part->docs.push_back(d); });
  }
  part->to_walk.clear();
}

// Gathers node, a word, a set of words, a category or an OR of those, into part; false when
// node is of another kind.
bool Gather(const PlanNode& node, const index::SegmentReader& segment, Part* part) {
  switch (node.kind) {
    case Kind::kOr:
      for (const PlanNode& c : node.children) {
        if (!Gather(c, segment, part)) return false;
      }
      return true;
    case Kind::kTermSet:
      for (const PlanTerm& t : node.terms) GatherTerm(t.term, node.fields, false, segment, part);
      return true;
    case Kind::kTerm:
      GatherTerm(node.terms[0].term, node.fields, false, segment, part);
      return true;
    case Kind::kCategory:
      GatherTerm(node.terms[0].term, node.fields, true, segment, part);
      return true;
    default:
      return false;
  }
}

// The part's one bitmap when it is just that; else null.
const roaring_bitmap_t* Alone(const Part& part) {
  return part.bitmaps.size() == 1 && part.docs.empty() ? part.bitmaps[0]->get() : nullptr;
}

// The union of part's documents, built.
Owned Union(const Part& part) {
  std::vector<const roaring_bitmap_t*> inputs;
  inputs.reserve(part.bitmaps.size());
  for (const auto& b : part.bitmaps) inputs.push_back(b->get());
  Owned out(inputs.empty() ? roaring_bitmap_create() : roaring_bitmap_or_many(inputs.size(), inputs.data()));
  if (!part.docs.empty()) roaring_bitmap_add_many(out.get(), part.docs.size(), part.docs.data());
  return out;
}

uint64_t Live(const roaring_bitmap_t* matches, const roaring_bitmap_t* deleted) {
  return deleted ? roaring_bitmap_andnot_cardinality(matches, deleted)
                 : roaring_bitmap_get_cardinality(matches);
}

uint64_t CountUnion(const Part& part, const roaring_bitmap_t* deleted) {
  if (const roaring_bitmap_t* one = Alone(part)) return Live(one, deleted);
  if (part.bitmaps.size() == 2 && part.docs.empty() && deleted == nullptr) {
    return roaring_bitmap_or_cardinality(part.bitmaps[0]->get(), part.bitmaps[1]->get());
  }
  return Live(Union(part).get(), deleted);
}

// The parts' sets: a part that is one bitmap as it is, the others' unions built into *built.
std::vector<const roaring_bitmap_t*> Sets(const std::vector<Part>& parts,
                                          std::vector<Owned>* built) {
  std::vector<const roaring_bitmap_t*> sets;
  for (const Part& part : parts) {
    if (const roaring_bitmap_t* one = Alone(part)) {
      sets.push_back(one);
    } else {
      built->push_back(Union(part));
      sets.push_back(built->back().get());
    }
  }
  return sets;
}

// Every document of all of sets (2 or more).
Owned Intersection(const std::vector<const roaring_bitmap_t*>& sets) {
  Owned all(roaring_bitmap_and(sets[0], sets[1]));
  for (size_t i = 2; i < sets.size(); ++i) roaring_bitmap_and_inplace(all.get(), sets[i]);
  return all;
}

uint64_t CountIntersection(const std::vector<Part>& parts, const roaring_bitmap_t* deleted) {
  std::vector<Owned> built;
  const std::vector<const roaring_bitmap_t*> sets = Sets(parts, &built);
  if (sets.size() == 2 && deleted == nullptr) {
    return roaring_bitmap_and_cardinality(sets[0], sets[1]);
  }
  return Live(Intersection(sets).get(), deleted);
}

// Gathers node into *parts: an AND's parts, each a union of bitmaps with no word to walk, or one
// union with at least one bitmap (its other words walked); false when node is neither.
bool GatherParts(const PlanNode& node, const index::SegmentReader& segment,
                 std::vector<Part>* parts) {
  if (node.kind == Kind::kAnd) {
    // Only where every word has its bitmap: a walk of a rarer word's list costs what the
    // matcher's own walk, which counts as it goes, would.
    parts->resize(node.children.size());
    for (size_t i = 0; i < node.children.size(); ++i) {
      if (!Gather(node.children[i], segment, &(*parts)[i]) || !(*parts)[i].to_walk.empty()) {
        return false;
      }
    }
    return parts->size() >= 2;
  }
  parts->resize(1);
  Part& part = parts->front();
  if (!Gather(node, segment, &part) || part.bitmaps.empty()) return false;
  Walk(segment, &part);
  return true;
}

// The segment's deleted documents, or null when it has none; false when it has some but no
// bitmap of them.
bool Deleted(const index::SegmentReader& segment, const roaring_bitmap_t** deleted) {
  const bool has_deletions = segment.live_doc_count() != segment.doc_count();
  *deleted = has_deletions ? segment.deleted_docs() : nullptr;
  return !has_deletions || *deleted != nullptr;
}

}  // namespace

std::optional<uint64_t> CountFromBitmaps(const PlanNode& node,
                                         const index::SegmentReader& segment) {
  const roaring_bitmap_t* deleted;
  std::vector<Part> parts;
  if (!Deleted(segment, &deleted) || !GatherParts(node, segment, &parts)) return std::nullopt;
  return parts.size() == 1 ? CountUnion(parts[0], deleted) : CountIntersection(parts, deleted);
}

index::OwnedBitmap MatchesFromBitmaps(const PlanNode& node, const index::SegmentReader& segment) {
  const roaring_bitmap_t* deleted;
  std::vector<Part> parts;
  if (!Deleted(segment, &deleted)) return nullptr;
  Owned matches;
  if (node.kind == Kind::kAll) {
    matches.reset(roaring_bitmap_from_range(0, segment.doc_count(), 1));
  } else if (!GatherParts(node, segment, &parts)) {
    return nullptr;
  } else if (parts.size() == 1) {
    const roaring_bitmap_t* one = Alone(parts[0]);
    matches = one ? Owned(roaring_bitmap_copy(one)) : Union(parts[0]);
  } else {
    std::vector<Owned> built;
    matches = Intersection(Sets(parts, &built));
  }
  if (deleted) roaring_bitmap_andnot_inplace(matches.get(), deleted);
  return matches;
}

}  // namespace paperdeck::search
