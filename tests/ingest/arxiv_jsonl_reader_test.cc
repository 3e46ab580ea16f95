// Simple arXiv JSON lines: the 300-record sample of the shared corpus.
#include "ingest/arxiv_jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest_test_files.h"

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::ReadFile;
using testing::ScratchDir;
using testing::TestData;

TEST(ArxivJsonlTest, ReadsTheSample) {
  std::filesystem::path path = TestData("arxiv-sample.jsonl.gz");
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->format(), InputFormat::kArxivJsonl);
  testing::ReadResult result = testing::ReadAll(**reader);
  EXPECT_THAT(result.bad, IsEmpty());
  EXPECT_FALSE(result.failure.has_value());
  ASSERT_EQ(result.records.size(), 300u);
  EXPECT_EQ((*reader)->bytes_read(), (*reader)->file_size());
  EXPECT_EQ((*reader)->file_size(), std::filesystem::file_size(path));

  const PaperRecord& first = result.records[0];
  EXPECT_EQ(first.id, "2503.11731");
  EXPECT_EQ(first.arxiv_id, "2503.11731");
  EXPECT_EQ(first.title.substr(0, 40), "Industrial-Grade Sensor Simulation via G");
  ASSERT_EQ(first.authors.size(), 16u);
  EXPECT_EQ(first.authors[0], "Xianming Zeng");
  EXPECT_THAT(first.categories, ElementsAre("cs.CV", "cs.RO"));
  EXPECT_EQ(first.published, "2025-03-18");
  EXPECT_THAT(first.badges, ElementsAre("arxiv"));
  EXPECT_THAT(first.links, ElementsAre("https://arxiv.org/abs/2503.11731"));
  EXPECT_EQ(first.source, "arxiv-jsonl");
  EXPECT_EQ(first.origin, path.string());

  for (const PaperRecord& r : result.records) {
    EXPECT_EQ(r.id, r.arxiv_id);
    EXPECT_FALSE(r.title.empty());
    EXPECT_EQ(r.title.find("  "), std::string::npos) << r.title;
    EXPECT_EQ(r.abstract.find('\n'), std::string::npos) << r.id;
    EXPECT_EQ(r.published.size(), 10u) << r.id;
  }
}

TEST(ArxivJsonlTest, AuthorsMustBeAnArray) {
  ScratchDir dir;
  auto path = dir.Write(
      "a.jsonl",
      R"({"id": "2401.00001", "title": "A", "authors": ["X"], "published": "2024-01-01"})" "\n"
      R"({"id": "2401.00002", "title": "B", "authors": "X, Y", "published": "2024-01-01"})" "\n"
      R"({"id": "2401.00003v2", "title": "C", "authors": ["Y"], "published": "2024-01-02"})" "\n");
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].ToString(),
            path.string() + ":2: field 'authors' should be an array of strings, got string");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[1].id, "2401.00003");
}

}  // namespace
}  // namespace paperdeck::ingest
