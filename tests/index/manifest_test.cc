// The manifest and deletion files: round trips, and damage reported as Corruption.
#include <gtest/gtest.h>

#include <fstream>

#include "index/deletion_bitmap.h"
#include "index/manifest.h"
#include "index_test_util.h"

namespace paperdeck::index {
namespace {

Manifest Sample() {
  Manifest m;
  m.corpus_revision = 42;
  m.next_segment = 7;
  m.segments.push_back({"s000003", 120000, 2, 315});
  m.segments.push_back({"s000006", 5000, 0, 0});
  return m;
}

TEST(Manifest, RoundTripsThroughText) {
  const std::string text = SerializeManifest(Sample());
  EXPECT_EQ(text.substr(0, text.find("checksum")),
            "paperdeck-index 1\ncorpus_revision 42\nnext_segment 7\n"
            "segment s000003 120000 2 315\nsegment s000006 5000 0 0\n");
  auto m = ParseManifest(text);
  ASSERT_TRUE(m.ok()) << m.status().message();
  EXPECT_EQ(m.value().corpus_revision, 42);
  EXPECT_EQ(m.value().next_segment, 7u);
  ASSERT_EQ(m.value().segments.size(), 2u);
  EXPECT_EQ(m.value().segments[0].name, "s000003");
  EXPECT_EQ(m.value().segments[0].doc_count, 120000u);
  EXPECT_EQ(m.value().segments[0].deletion_generation, 2u);
  EXPECT_EQ(m.value().segments[0].deleted_count, 315u);
  EXPECT_EQ(ManifestFiles(m.value()),
            (std::vector<std::string>{"s000003.seg", "s000003.2.del", "s000006.seg"}));
}

TEST(Manifest, DamageIsCorruption) {
  const std::string text = SerializeManifest(Sample());
  auto code = [](std::string t) { return ParseManifest(t).status().code(); };
  EXPECT_EQ(code(text.substr(0, text.size() / 2)), Status::Code::kCorruption);  // torn write
  EXPECT_EQ(code(text.substr(0, text.find("checksum"))), Status::Code::kCorruption);
  std::string flipped = text;
  flipped[flipped.find("120000")] = '9';
  EXPECT_EQ(code(flipped), Status::Code::kCorruption);
  EXPECT_EQ(code("paperdeck-index 2\n"), Status::Code::kCorruption);
  EXPECT_EQ(code(""), Status::Code::kCorruption);
  EXPECT_EQ(code(text + "segment s000009 1 0 0\n"), Status::Code::kCorruption);
}

TEST(Manifest, WriteReplacesAndReadFindsNoneInAnEmptyDirectory) {
  TempDir dir;
  auto none = ReadManifest(dir.path());
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none.value().has_value());
  ASSERT_TRUE(WriteManifest(dir.path(), Sample()).ok());
  Manifest next = Sample();
  next.corpus_revision = 43;
  next.segments.pop_back();
  ASSERT_TRUE(WriteManifest(dir.path(), next).ok());
  auto read = ReadManifest(dir.path());
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(read.value().has_value());
  EXPECT_EQ(read.value()->corpus_revision, 43);
  EXPECT_EQ(read.value()->segments.size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(dir / "MANIFEST.tmp"));
}

TEST(DeletionBitmap, FileRoundTripsAndRefusesDamage) {
  TempDir dir;
  DeletionBitmap bits(1000);
  EXPECT_TRUE(bits.Delete(0));
  EXPECT_TRUE(bits.Delete(63));
  EXPECT_TRUE(bits.Delete(64));
  EXPECT_TRUE(bits.Delete(999));
  EXPECT_FALSE(bits.Delete(64));
  EXPECT_EQ(bits.deleted_count(), 4u);
  ASSERT_TRUE(bits.WriteFile(dir / "s1.1.del").ok());
  auto read = DeletionBitmap::ReadFile(dir / "s1.1.del", 1000);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read.value().deleted_count(), 4u);
  for (uint32_t d = 0; d < 1000; ++d) {
    EXPECT_EQ(read.value().IsDeleted(d), d == 0 || d == 63 || d == 64 || d == 999) << d;
  }
  EXPECT_EQ(DeletionBitmap::ReadFile(dir / "s1.1.del", 1001).status().code(), Status::Code::kCorruption);
  {
    std::fstream f(dir / "s1.1.del", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(30);
    f.put('\x7f');
  }
  EXPECT_EQ(DeletionBitmap::ReadFile(dir / "s1.1.del", 1000).status().code(), Status::Code::kCorruption);
  EXPECT_EQ(DeletionBitmap::ReadFile(dir / "none.del", 1000).status().code(), Status::Code::kNotFound);
  EXPECT_EQ(DeletionFileName("s000003", 2), "s000003.2.del");
}

}  // namespace
}  // namespace paperdeck::index
