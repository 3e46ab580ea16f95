// The writer's in-memory structures: term ids and byte streams.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "index/byte_slice_pool.h"
#include "index/term_interner.h"

namespace paperdeck::index {
namespace {

TEST(TermInterner, IdsAreDenseAndStableAcrossGrowth) {
  TermInterner terms;
  std::vector<std::string> words;
  for (int i = 0; i < 100000; ++i) words.push_back("w" + std::to_string(i * 7919));
  for (size_t i = 0; i < words.size(); ++i) ASSERT_EQ(terms.Intern(words[i]), i);
  EXPECT_EQ(terms.size(), words.size());
  for (size_t i = 0; i < words.size(); i += 97) {
    EXPECT_EQ(terms.Intern(words[i]), i);
    EXPECT_EQ(terms.term(static_cast<uint32_t>(i)), words[i]);
  }
  EXPECT_EQ(terms.Intern(""), words.size());  // the empty string is a term like any other
  EXPECT_EQ(terms.Intern(std::string(TermInterner::kMaxTermBytes, 'x')), words.size() + 1);
  EXPECT_EQ(terms.term(static_cast<uint32_t>(words.size() + 1)).size(), TermInterner::kMaxTermBytes);
  terms.Clear();
  EXPECT_EQ(terms.size(), 0u);
  EXPECT_EQ(terms.Intern(words[5]), 0u);
}

TEST(ByteSlicePool, InterleavedStreamsReadBackExactly) {
  ByteSlicePool pool;
  constexpr int kStreams = 300;
  std::vector<ByteSlicePool::Stream> streams(kStreams);
  std::vector<std::vector<uint32_t>> written(kStreams);
  std::mt19937 rng(3);
  for (int round = 0; round < 20000; ++round) {
    // Skewed: a few streams grow long (through every slice size), most stay short.
    const int s = static_cast<int>(rng() % 3 == 0 ? rng() % 5 : rng() % kStreams);
    const uint32_t v = rng() % 4 == 0 ? rng() : rng() % 200;
    pool.WriteVarint(&streams[s], v);
    written[s].push_back(v);
  }
  for (int s = 0; s < kStreams; ++s) {
    ByteSlicePool::Reader in(pool, streams[s]);
    for (uint32_t v : written[s]) {
      ASSERT_FALSE(in.done());
      ASSERT_EQ(in.ReadVarint(), v) << "stream " << s;
    }
    EXPECT_TRUE(in.done());
  }
  ByteSlicePool::Stream never_written;
  EXPECT_TRUE(ByteSlicePool::Reader(pool, never_written).done());
  EXPECT_GT(pool.memory_bytes(), 0u);
}

}  // namespace
}  // namespace paperdeck::index
