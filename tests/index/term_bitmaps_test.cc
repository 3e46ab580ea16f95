// Term bitmaps: written for the lists at or above the threshold by the segment writer and the
// merger, holding exactly the documents a bare word matches (a category: every document of its
// list), checked by Verify, absent below the threshold.
#include <gtest/gtest.h>

#include <roaring/roaring.h>

#include <fstream>
#include <set>

#include "index/mapped_segment_reader.h"
#include "index/segment_file.h"
#include "index/segment_merger.h"
#include "index/segment_writer.h"
#include "index_test_util.h"

namespace paperdeck::index {
namespace {

// 70,000 documents (two of roaring's 65,536-wide chunks): "every" in every title, "half" in
// every second (written "halves"), "venue" in every third document's venue only, "mixed" in the title of every
// fifth and the venue of every seventh, "rare" in ten; cs.AI on every fourth.
AnalyzedDocument Doc(uint32_t i) {
  AnalyzedDocument d;
  d.values.paper_key = 1000 + i;
  AddToken(&d, Field::kTitle, "every", 0);
  if (i % 2 == 0) {
    AddToken(&d, Field::kTitle, "half", 1);
    d.fields[static_cast<int>(Field::kTitle)].back().form = "halves";
  }
  if (i % 3 == 0) AddToken(&d, Field::kVenue, "venue", 0);
  if (i % 5 == 0) AddToken(&d, Field::kTitle, "mixed", 2);
  if (i % 7 == 0) AddToken(&d, Field::kVenue, "mixed", 1);
  if (i % 7000 == 0) AddToken(&d, Field::kAbstract, "rare", 0);
  if (i % 4 == 0) d.categories = {"cs.AI"};
  return d;
}
constexpr uint32_t kDocs = 70000;

std::set<uint32_t> BitmapDocs(const SegmentReader& reader, std::string_view term) {
  std::set<uint32_t> docs;
  std::unique_ptr<TermBitmap> bitmap = reader.TermDocs(term);
  if (!bitmap) return docs;
  roaring_uint32_iterator_t* it = roaring_create_iterator(bitmap->get());
  for (; it->has_value; roaring_advance_uint32_iterator(it)) docs.insert(it->current_value);
  roaring_free_uint32_iterator(it);
  return docs;
}

std::set<uint32_t> Expected(uint32_t docs, bool (*matches)(uint32_t)) {
  std::set<uint32_t> out;
  for (uint32_t i = 0; i < docs; ++i) {
    if (matches(i)) out.insert(i);
  }
  return out;
}

class TermBitmapsTest : public ::testing::Test {
 protected:
  std::shared_ptr<const SegmentFile> Write(const std::filesystem::path& path, uint32_t from,
                                           uint32_t to, uint32_t min_docs) {
    SegmentWriter writer;
    for (uint32_t i = from; i < to; ++i) writer.Add(Doc(i));
    EXPECT_TRUE(writer.WriteSegment(path, min_docs).ok());
    auto file = SegmentFile::Open(path);
    EXPECT_TRUE(file.ok()) << file.status().message();
    return file.ok() ? file.value() : nullptr;
  }

  TempDir dir_;
};

TEST_F(TermBitmapsTest, FrequentListsHaveBitmapsOfWhatABareWordMatches) {
  auto file = Write(dir_ / "a.seg", 0, kDocs, 100);
  ASSERT_NE(file, nullptr);
  EXPECT_TRUE(file->Verify().ok());
  MappedSegmentReader reader("a", file, nullptr);
  EXPECT_EQ(BitmapDocs(reader, "every").size(), kDocs);
  EXPECT_EQ(BitmapDocs(reader, "half"), Expected(kDocs, [](uint32_t i) { return i % 2 == 0; }));
  // A bare word does not search the venue: the bitmap holds the titles' documents only.
  EXPECT_EQ(BitmapDocs(reader, "mixed"), Expected(kDocs, [](uint32_t i) { return i % 5 == 0; }));
  EXPECT_EQ(reader.TermDocs("venue"), nullptr);  // in no field a bare word searches
  EXPECT_EQ(reader.TermDocs("rare"), nullptr);   // below the threshold
  EXPECT_EQ(reader.TermDocs("absent"), nullptr);
  EXPECT_EQ(reader.TermDocs(ExactFormTerm("half", "halves")), nullptr);  // an exact form
  EXPECT_EQ(reader.DocFreq(ExactFormTerm("half", "halves")), kDocs / 2);
  EXPECT_EQ(BitmapDocs(reader, CategoryTerm("cs.AI")),
            Expected(kDocs, [](uint32_t i) { return i % 4 == 0; }));
  EXPECT_EQ(BitmapDocs(reader, CategoryTerm("cs")), BitmapDocs(reader, CategoryTerm("cs.AI")));
}

TEST_F(TermBitmapsTest, BelowTheDefaultThresholdNoListHasOne) {
  auto file = Write(dir_ / "b.seg", 0, kTermBitmapMinDocs - 1, kTermBitmapMinDocs);
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->term_bitmap_count(), 0u);
  EXPECT_TRUE(file->Verify().ok());
  auto at = Write(dir_ / "c.seg", 0, kTermBitmapMinDocs, kTermBitmapMinDocs);
  ASSERT_NE(at, nullptr);
  MappedSegmentReader reader("c", at, nullptr);
  EXPECT_EQ(BitmapDocs(reader, "every").size(), kTermBitmapMinDocs);
  EXPECT_EQ(reader.TermDocs("half"), nullptr);
}

TEST_F(TermBitmapsTest, AMergeWritesTheBitmapsOfTheLiveDocuments) {
  auto first = Write(dir_ / "m1.seg", 0, 40000, 100);
  auto second = Write(dir_ / "m2.seg", 40000, kDocs, 100);
  ASSERT_TRUE(first && second);
  DeletionBitmap deletions(first->doc_count());
  for (uint32_t d = 0; d < first->doc_count(); d += 3) deletions.Delete(d);  // drops every "venue"
  std::vector<MergeSource> sources = {{first, &deletions}, {second, nullptr}};
  auto merged = MergeSegments(sources, dir_ / "m.seg", 100);
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  auto file = SegmentFile::Open(dir_ / "m.seg");
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(file.value()->Verify().ok());
  MappedSegmentReader reader("m", file.value(), nullptr);
  std::set<uint32_t> half;
  for (uint32_t i = 0; i < kDocs; ++i) {
    const uint32_t doc = i < 40000 ? merged->doc_maps[0][i] : merged->doc_maps[1][i - 40000];
    if (doc != kEndDoc && i % 2 == 0) half.insert(doc);
  }
  EXPECT_EQ(BitmapDocs(reader, "half"), half);
  EXPECT_EQ(BitmapDocs(reader, "every").size(), merged->doc_count);
}

TEST_F(TermBitmapsTest, VerifyFindsDamageInTheBitmaps) {
  auto file = Write(dir_ / "d.seg", 0, 5000, 100);
  ASSERT_NE(file, nullptr);
  const std::span<const uint8_t> bitmaps = file->section(Section::kTermBitmaps);
  ASSERT_GT(bitmaps.size(), 64u);
  // The postings start right after the header: a byte near the end of the last bitmap.
  const auto offset = static_cast<std::streamoff>(
      kSegmentHeaderBytes + (bitmaps.data() - file->section(Section::kPostings).data()) +
      bitmaps.size() - 3);
  file.reset();
  {
    std::fstream f(dir_ / "d.seg", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(offset);
    char c;
    f.read(&c, 1);
    c ^= 0x10;
    f.seekp(offset);
    f.write(&c, 1);
  }
  auto damaged = SegmentFile::Open(dir_ / "d.seg");
  ASSERT_TRUE(damaged.ok());
  EXPECT_EQ(damaged.value()->Verify().code(), Status::Code::kCorruption);
}

TEST_F(TermBitmapsTest, ASegmentOfTheFormatBeforeBitmapsIsRefusedNamingItsVersion) {
  ASSERT_NE(Write(dir_ / "v5.seg", 0, 10, 100), nullptr);
  {
    std::fstream f(dir_ / "v5.seg", std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(8);
    const uint32_t version = 5;
    f.write(reinterpret_cast<const char*>(&version), sizeof version);
  }
  auto old = SegmentFile::Open(dir_ / "v5.seg");
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.status().code(), Status::Code::kCorruption);
  EXPECT_NE(old.status().message().find("segment format version 5, written by another build"),
            std::string::npos)
      << old.status().message();
}

}  // namespace
}  // namespace paperdeck::index
