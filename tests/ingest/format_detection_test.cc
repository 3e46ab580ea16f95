#include "ingest/format_detection.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace paperdeck::ingest {
namespace {

using ::testing::HasSubstr;

InputFormat Detect(std::string_view line) {
  Result<InputFormat> format = DetectFormatOfLine(line);
  EXPECT_TRUE(format.ok()) << format.status().message();
  return format.ok() ? format.value() : InputFormat::kAuto;
}

TEST(FormatDetectionTest, SeedPageCardIsPaperDeck) {
  EXPECT_EQ(Detect(R"({"title": "MiniMax Sparse Attention", "authors_shown": "Xunhao Lai et al.",)"
                   R"( "badge": "paper", "date": "2026-06-10", "upvotes": 126})"),
            InputFormat::kPaperDeckJsonl);
  EXPECT_EQ(Detect(R"({"title": "T", "meta_line": "paperJun 5, 2026"})"),
            InputFormat::kPaperDeckJsonl);
  EXPECT_EQ(Detect(R"({"title": "T", "authors": ["A"]})"), InputFormat::kPaperDeckJsonl);
}

TEST(FormatDetectionTest, SimpleArxivLinesAreArxivJsonl) {
  EXPECT_EQ(Detect(R"({"id": "2503.11731", "title": "T", "authors": ["A", "B"], "abstract": "x",)"
                   R"( "categories": ["cs.CV"], "published": "2025-03-18", "source": "s"})"),
            InputFormat::kArxivJsonl);
}

TEST(FormatDetectionTest, PaperDecksOwnFullRecordIsNotMistakenForArxivJsonl) {
  // id + authors[] + published, as arxiv-jsonl has, but also fields only PaperDeck writes.
  EXPECT_EQ(Detect(R"({"id": "1706.03762", "arxiv_id": "1706.03762", "title": "T",)"
                   R"( "authors": ["A"], "published": "2017-06-12", "links": []})"),
            InputFormat::kPaperDeckJsonl);
}

TEST(FormatDetectionTest, SnapshotKeysMeanTheSnapshot) {
  EXPECT_EQ(Detect(R"({"id": "0704.0001", "authors_parsed": [["A", "B", ""]]})"),
            InputFormat::kArxivSnapshot);
  EXPECT_EQ(Detect(R"({"id": "0704.0001", "update_date": "2008-11-13"})"),
            InputFormat::kArxivSnapshot);
  EXPECT_EQ(Detect(R"({"id": "0704.0001", "submitter": "P. N."})"), InputFormat::kArxivSnapshot);
  EXPECT_EQ(Detect(R"({"id": "0704.0001", "title": "T", "categories": "hep-ph"})"),
            InputFormat::kArxivSnapshot);
}

TEST(FormatDetectionTest, UnknownKeysAreListedInTheError) {
  Result<InputFormat> format = DetectFormatOfLine(R"({"name": "x", "size": 3})");
  ASSERT_FALSE(format.ok());
  EXPECT_EQ(format.status().message(), "cannot tell the format (keys: name, size); use --format");
  // A title alone says too little.
  EXPECT_FALSE(DetectFormatOfLine(R"({"title": "x"})").ok());
}

TEST(FormatDetectionTest, ALineThatIsNotAnObjectCannotTell) {
  Result<InputFormat> broken = DetectFormatOfLine(R"({"title": )");
  ASSERT_FALSE(broken.ok());
  EXPECT_THAT(broken.status().message(), HasSubstr("not JSON"));
  Result<InputFormat> array = DetectFormatOfLine(R"([1, 2])");
  ASSERT_FALSE(array.ok());
  EXPECT_THAT(array.status().message(), HasSubstr("JSON array, not an object"));
}

}  // namespace
}  // namespace paperdeck::ingest
