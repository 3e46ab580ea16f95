#include "index/bit_packing.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <vector>

#include "index/varint.h"

namespace paperdeck::index {
namespace {

TEST(BitPacking, RoundTripsAtEveryWidth) {
  std::mt19937 rng(42);
  for (int width = 0; width <= 32; ++width) {
    const uint32_t max = width == 32 ? UINT32_MAX : (width == 0 ? 0 : (1u << width) - 1);
    std::uniform_int_distribution<uint32_t> dist(0, max);
    for (int trial = 0; trial < 3; ++trial) {
      uint32_t in[kBlockSize];
      for (uint32_t& v : in) v = dist(rng);
      if (trial == 1) in[77] = max;  // the widest value in an odd lane
      if (trial == 2) {
        for (uint32_t& v : in) v = max;  // every bit set
      }
      std::vector<uint8_t> packed(PackedBytes(width) + 3, 0xee);
      // Pack at an odd offset: blocks in a segment are not aligned.
      Pack128(in, width, packed.data() + 3);
      uint32_t out[kBlockSize];
      for (uint32_t& v : out) v = 0xdeadbeef;
      Unpack128(packed.data() + 3, width, out);
      for (int i = 0; i < kBlockSize; ++i) {
        ASSERT_EQ(in[i], out[i]) << "width " << width << " index " << i;
      }
      EXPECT_EQ(packed[0], 0xee);  // nothing written before the block
    }
  }
}

TEST(BitPacking, PackedSizeIsSixteenBytesPerBit) {
  EXPECT_EQ(PackedBytes(0), 0u);
  EXPECT_EQ(PackedBytes(1), 16u);
  EXPECT_EQ(PackedBytes(32), 512u);
}

TEST(BitPacking, WidthOfValues) {
  EXPECT_EQ(BitWidth(0), 0);
  EXPECT_EQ(BitWidth(1), 1);
  EXPECT_EQ(BitWidth(255), 8);
  EXPECT_EQ(BitWidth(256), 9);
  EXPECT_EQ(BitWidth(UINT32_MAX), 32);
  uint32_t v[3] = {1, 1000, 3};
  EXPECT_EQ(MaxBitWidth(v, 3), 10);
}

TEST(Varint, RoundTripsAndRejectsTruncation) {
  std::vector<uint8_t> buf;
  const uint32_t values[] = {0, 1, 127, 128, 16383, 16384, 1u << 21, UINT32_MAX};
  for (uint32_t v : values) PutVarint32(&buf, v);
  PutVarint64(&buf, UINT64_MAX);
  const uint8_t* p = buf.data();
  const uint8_t* limit = buf.data() + buf.size();
  for (uint32_t v : values) {
    uint32_t got;
    p = GetVarint32(p, limit, &got);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(got, v);
  }
  uint64_t big;
  p = GetVarint64(p, limit, &big);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(big, UINT64_MAX);
  EXPECT_EQ(p, limit);

  std::vector<uint8_t> cut;
  PutVarint32(&cut, 300000);
  uint32_t got;
  EXPECT_EQ(GetVarint32(cut.data(), cut.data() + cut.size() - 1, &got), nullptr);
  EXPECT_EQ(SkipVarints(buf.data(), limit, 3), buf.data() + 3);  // 0, 1, 127: one byte each
}

TEST(Varint, SkippingLandsWhereDecodingDoes) {
  // Mixed widths, so the eight-bytes-at-a-time path and the byte path both run.
  std::mt19937 rng(7);
  std::vector<uint8_t> buf;
  std::vector<size_t> ends;  // byte offset after each varint
  for (int i = 0; i < 2000; ++i) {
    const uint32_t width = rng() % 29;
    PutVarint32(&buf, static_cast<uint32_t>(rng() & ((1u << width) - 1)));
    ends.push_back(buf.size());
  }
  const uint8_t* limit = buf.data() + buf.size();
  for (size_t n = 0; n <= ends.size(); n += 1 + n / 7) {
    const uint8_t* want = n == 0 ? buf.data() : buf.data() + ends[n - 1];
    EXPECT_EQ(SkipVarints(buf.data(), limit, n), want) << n;
  }
  EXPECT_EQ(SkipVarints(buf.data(), limit, ends.size() + 5), limit);  // stops at the limit
}

}  // namespace
}  // namespace paperdeck::index
