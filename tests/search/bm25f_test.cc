#include "search/bm25f.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>

namespace paperdeck::search {
namespace {

// A document's bound from its own tfs and its block's factors is never below its score, also
// where the bound is tightest: the document as short as the block's shortest, every field
// scored. Pruning relies on it; a bound a rounding below the score would drop the document.
TEST(Bm25fDocBound, NeverBelowTheScoreOfADocumentOfTheBlock) {
  const Bm25f bm25f(Bm25fParams{}, {9.7, 161.3, 4.2, 3.0});
  Bm25f::NtfScale no_ntf;
  no_ntf.fill(std::numeric_limits<float>::infinity());
  const index::FieldMask fields = bm25f.Scored(0xF);
  std::mt19937 rng(7);
  std::uniform_int_distribution<uint32_t> tf_of(0, 12), length_of(1, 400);
  for (int i = 0; i < 200000; ++i) {
    FieldCounts tf{}, length{};
    index::Impact block;
    for (int f = 0; f < index::kNumFields; ++f) {
      tf[f] = tf_of(rng);
      length[f] = std::max(tf[f], length_of(rng));
      // Every other block is exactly this document: its shortest lengths and largest tfs.
      block.min_field_length[f] = i % 2 == 0 ? length[f] : length[f] - length[f] / 3;
      block.max_tf[f] = i % 2 == 0 ? tf[f] : tf[f] + 2;
    }
    const float idf = 0.1f + static_cast<float>(i % 97) / 9.0f;
    const float score = bm25f.Score(idf, fields, tf, length);
    const float bound = bm25f.DocBound(idf, bm25f.FactorsFor(fields, block, no_ntf), tf);
    ASSERT_GE(bound, score) << "document " << i;
    // And never far above it where the block is the document.
    if (i % 2 == 0) ASSERT_LE(bound, score * 1.00001f + 1e-6f) << "document " << i;
  }
}

TEST(Bm25fDocBound, ANormalisedTfCapsTheBound) {
  const Bm25f bm25f(Bm25fParams{}, {10, 150, 5, 3});
  index::Impact block;
  block.max_tf = {1, 4, 0, 0};
  block.min_field_length = {2, 20, 0, 0};
  block.max_ntf = {0.5f, 0.5f, 0, 0};
  Bm25f::NtfScale scale;
  scale.fill(1.0f);
  const index::FieldMask fields = bm25f.Scored(0xF);
  const Bm25f::BlockFactors factors = bm25f.FactorsFor(fields, block, scale);
  // Above the cap the tfs add nothing more: the largest normalised tf stands for them.
  EXPECT_FLOAT_EQ(bm25f.DocBound(2, factors, {1, 4, 0, 0}), bm25f.DocBound(2, factors, {1, 3, 0, 0}));
  EXPECT_NEAR(bm25f.DocBound(2, factors, {1, 4, 0, 0}), bm25f.Bound(2, fields, block, scale), 1e-4);
  EXPECT_EQ(bm25f.DocBound(2, factors, {0, 0, 0, 0}), 0);
}

}  // namespace
}  // namespace paperdeck::search
