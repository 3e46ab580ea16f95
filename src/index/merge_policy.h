// MergePolicy: which segments to merge, decided from their sizes and deletions alone — a tiered
// policy after Lucene's TieredMergePolicy. Segments are counted in size tiers: the smallest tier
// is the smallest segment's size (never below floor_segment_bytes), each tier above it
// min(max_merge_at_once, segments_per_tier) times larger, and each tier may hold
// segments_per_tier segments. While the
// index holds more segments than its tiers allow, merges are chosen among segments of similar
// size: of every run of up to max_merge_at_once segments adjacent in size order, the one whose
// largest segment is the smallest share of the merged size (an even merge), slightly favouring
// small merged sizes and strongly favouring runs with many deleted documents. No merge makes a
// segment larger than max_merged_segment_bytes; a segment already above half of it stays as it
// is unless more than deletes_pct_allowed of its documents are deleted, when it is rewritten
// alone to drop them.
//
// Sizes are live bytes: a segment's file size times its share of live documents.
//
// Threading: plain values and a pure function.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace paperdeck::index {

struct MergePolicyOptions {
  // Lucene's default is 10; a search visits every segment, so PaperDeck keeps fewer: an import
  // of 2.6M papers (13 segments of 200,000, committed one by one) ends with 3, a rebuild
  // (committed at once) with 5.
  uint32_t segments_per_tier = 4;
  uint32_t max_merge_at_once = 10;
  // Segments smaller than this count as this large: many tiny segments (one per small sync) are
  // merged as one tier, not stacked in tiers of their own.
  uint64_t floor_segment_bytes = uint64_t{4} << 20;
  // A merged segment's cap (live bytes), which also bounds a merge's memory and disk.
  uint64_t max_merged_segment_bytes = uint64_t{1} << 30;
  // A segment with more deleted documents than this (percent) is merged even when the tiers
  // do not ask for it.
  double deletes_pct_allowed = 33;
};

struct MergeCandidate {
  std::string name;
  uint64_t bytes = 0;  // the segment file's size
  uint32_t doc_count = 0;
  uint32_t deleted_count = 0;
};

struct PlannedMerge {
  std::vector<std::string> segments;  // names, largest first
  uint64_t live_bytes = 0;            // about the merged segment's size
};

// The merges the policy wants for these segments (none being merged now), at most one per
// segment, the most worthwhile first. Empty when the index is in shape.
std::vector<PlannedMerge> FindMerges(std::span<const MergeCandidate> segments,
                                     const MergePolicyOptions& options);

}  // namespace paperdeck::index
