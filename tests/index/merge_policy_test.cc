// The tiered merge policy as a pure function: segment sizes and deletions in, merges out.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "index/merge_policy.h"

namespace paperdeck::index {
namespace {

constexpr uint64_t kMiB = uint64_t{1} << 20;

MergeCandidate Segment(std::string name, uint64_t mib, uint32_t docs = 1000, uint32_t deleted = 0) {
  return {std::move(name), mib * kMiB, docs, deleted};
}

MergePolicyOptions Options() {
  MergePolicyOptions o;
  o.segments_per_tier = 4;
  o.max_merge_at_once = 5;
  o.floor_segment_bytes = 1 * kMiB;
  o.max_merged_segment_bytes = 1000 * kMiB;
  return o;
}

std::set<std::string> Names(const PlannedMerge& m) { return {m.segments.begin(), m.segments.end()}; }

TEST(MergePolicy, AnIndexWithinItsTiersIsLeftAlone) {
  std::vector<MergeCandidate> segments = {Segment("a", 100), Segment("b", 10), Segment("c", 10),
                                          Segment("d", 1)};
  EXPECT_TRUE(FindMerges(segments, Options()).empty());
  EXPECT_TRUE(FindMerges({}, Options()).empty());
}

TEST(MergePolicy, SegmentsOfOneSizeBeyondATierAreMergedAtMostMaxAtOnce) {
  std::vector<MergeCandidate> segments;
  for (int i = 0; i < 9; ++i) segments.push_back(Segment("s" + std::to_string(i), 50));
  auto merges = FindMerges(segments, Options());
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0].segments.size(), 5u);  // max_merge_at_once
  EXPECT_EQ(merges[0].live_bytes, 250 * kMiB);
  // 4 left plus the merged one fit the tiers (4 of 50 MiB, 1 of 250 MiB).
}

TEST(MergePolicy, SmallSegmentsAreMergedTogetherAndTheLargeOneIsNotRewritten) {
  std::vector<MergeCandidate> segments = {Segment("big", 400)};
  for (int i = 0; i < 20; ++i) segments.push_back(Segment("small" + std::to_string(i), 2));
  auto merges = FindMerges(segments, Options());
  ASSERT_FALSE(merges.empty());
  for (const PlannedMerge& m : merges) {
    EXPECT_EQ(Names(m).count("big"), 0u) << "a 400 MiB segment merged with 2 MiB ones";
    EXPECT_GE(m.segments.size(), 2u);
  }
}

TEST(MergePolicy, SegmentsBelowTheFloorCountAsOneTier) {
  // Twelve tiny segments (one per small sync): one merge gathers most of them.
  std::vector<MergeCandidate> segments;
  for (int i = 0; i < 12; ++i) segments.push_back({"t" + std::to_string(i), 4096u * (i + 1), 3, 0});
  auto merges = FindMerges(segments, Options());
  ASSERT_FALSE(merges.empty());
  EXPECT_EQ(merges[0].segments.size(), 5u);
}

TEST(MergePolicy, NoMergeGoesBeyondTheCap) {
  MergePolicyOptions o = Options();
  o.max_merged_segment_bytes = 120 * kMiB;
  std::vector<MergeCandidate> segments;
  for (int i = 0; i < 9; ++i) segments.push_back(Segment("s" + std::to_string(i), 50));
  segments.push_back(Segment("huge", 70));  // above half the cap: never merged with others
  auto merges = FindMerges(segments, o);
  ASSERT_FALSE(merges.empty());
  for (const PlannedMerge& m : merges) {
    EXPECT_LE(m.live_bytes, o.max_merged_segment_bytes);
    EXPECT_EQ(Names(m).count("huge"), 0u);
  }
}

TEST(MergePolicy, SegmentsWithDeletionsArePreferred) {
  // Ten segments of one size; the five carrying deletions are the ones merged.
  std::vector<MergeCandidate> segments;
  for (int i = 0; i < 5; ++i) segments.push_back(Segment("clean" + std::to_string(i), 40));
  for (int i = 0; i < 5; ++i) {
    segments.push_back(Segment("deleted" + std::to_string(i), 50, 1000, 200));  // 40 MiB live
  }
  auto merges = FindMerges(segments, Options());
  ASSERT_FALSE(merges.empty());
  for (const std::string& name : merges[0].segments) EXPECT_EQ(name.rfind("deleted", 0), 0u) << name;
}

TEST(MergePolicy, ALargeSegmentMostlyDeletedIsRewrittenAlone) {
  MergePolicyOptions o = Options();
  o.max_merged_segment_bytes = 100 * kMiB;
  std::vector<MergeCandidate> segments = {Segment("old", 90, 1000, 500), Segment("new", 5)};
  auto merges = FindMerges(segments, o);
  ASSERT_EQ(merges.size(), 1u);
  EXPECT_EQ(merges[0].segments, std::vector<std::string>{"old"});
  // Below the allowed share it stays.
  segments[0].deleted_count = 100;
  EXPECT_TRUE(FindMerges(segments, o).empty());
}

TEST(MergePolicy, EveryPlannedSegmentIsARealOneAndInOneMergeOnly) {
  std::vector<MergeCandidate> segments;
  for (int i = 0; i < 40; ++i) {
    segments.push_back({"s" + std::to_string(i), (uint64_t{1} << (i % 9)) * kMiB, 1000,
                        static_cast<uint32_t>((i * 37) % 400)});
  }
  std::set<std::string> seen;
  for (const PlannedMerge& m : FindMerges(segments, Options())) {
    for (const std::string& name : m.segments) {
      EXPECT_TRUE(seen.insert(name).second) << name << " in two merges";
      EXPECT_TRUE(std::any_of(segments.begin(), segments.end(),
                              [&](const MergeCandidate& c) { return c.name == name; }));
    }
  }
  EXPECT_FALSE(seen.empty());
}

// Applies the policy until it wants nothing more, as the writer does (each merge's segment
// replacing its sources), and returns the segments' sizes at the end.
std::vector<uint64_t> MergeUntilInShape(std::vector<MergeCandidate> segments,
                                        const MergePolicyOptions& options, int* merges_run) {
  int next = 0;
  for (;;) {
    auto merges = FindMerges(segments, options);
    if (merges.empty()) break;
    const PlannedMerge& m = merges.front();
    std::erase_if(segments, [&](const MergeCandidate& c) {
      return std::find(m.segments.begin(), m.segments.end(), c.name) != m.segments.end();
    });
    segments.push_back({"m" + std::to_string(next++), m.live_bytes, 1000, 0});
    ++*merges_run;
  }
  std::vector<uint64_t> sizes;
  for (const MergeCandidate& c : segments) sizes.push_back(c.bytes);
  return sizes;
}

TEST(MergePolicy, ThirteenImportSegmentsEndAsFiveWithDefaults) {
  // What an import of 2.6M arXiv papers writes: 13 segments of 200,000 papers, 113 MiB each.
  std::vector<MergeCandidate> segments;
  for (int i = 0; i < 13; ++i) segments.push_back(Segment("s" + std::to_string(i), 113, 200'000));
  int merges = 0;
  auto sizes = MergeUntilInShape(segments, MergePolicyOptions{}, &merges);
  EXPECT_EQ(merges, 1);
  EXPECT_EQ(sizes.size(), 5u);  // nine merged (1,017 MiB, under the cap), four left
  for (uint64_t size : sizes) EXPECT_LE(size, MergePolicyOptions{}.max_merged_segment_bytes);
}

TEST(MergePolicy, AnImportCommittingThirteenSegmentsOneByOneEndsWithThree) {
  // The same import as a catch-up makes it: a commit, and the policy asked, after each segment.
  std::vector<MergeCandidate> segments;
  int merges = 0;
  for (int i = 0; i < 13; ++i) {
    segments.push_back(Segment("s" + std::to_string(i), 113, 200'000));
    auto sizes = MergeUntilInShape(segments, MergePolicyOptions{}, &merges);
    segments.clear();
    for (size_t k = 0; k < sizes.size(); ++k) {
      segments.push_back({"c" + std::to_string(i) + "_" + std::to_string(k), sizes[k], 200'000, 0});
    }
  }
  EXPECT_EQ(merges, 2);  // six at the sixth commit, six at the twelfth
  EXPECT_EQ(segments.size(), 3u);
}

TEST(MergePolicy, OneSegmentPerSmallSyncIsMergedEveryFewSyncs) {
  // A 44 MiB index, then a sync a day each writing a 300 KiB segment: the small ones never pile
  // up past a tier and the large one is never rewritten for them.
  std::vector<MergeCandidate> segments = {Segment("base", 44, 75'000)};
  int merges = 0;
  size_t most = 0;
  for (int day = 0; day < 60; ++day) {
    segments.push_back({"d" + std::to_string(day), 300 << 10, 500, 0});
    auto sizes = MergeUntilInShape(segments, MergePolicyOptions{}, &merges);
    segments.clear();
    for (size_t i = 0; i < sizes.size(); ++i) {
      segments.push_back({"k" + std::to_string(day) + "_" + std::to_string(i), sizes[i], 1000, 0});
    }
    most = std::max(most, segments.size());
    EXPECT_TRUE(std::any_of(segments.begin(), segments.end(),
                            [](const MergeCandidate& c) { return c.bytes == 44 * kMiB; }))
        << "the large segment was rewritten on day " << day;
  }
  EXPECT_GT(merges, 3);
  EXPECT_LE(most, 10u);  // of 61 unmerged
}

}  // namespace
}  // namespace paperdeck::index
