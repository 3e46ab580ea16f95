#include "cite/jsonl_writer.h"

#include <gtest/gtest.h>

#include "cite_test_support.h"

namespace paperdeck::cite {
namespace {

TEST(JsonlWriterTest, EveryFactAndTheLibraryOnOneLine) {
  CitedPaper p = testing::Published();
  p.paper.record.versions = {{"v1", "Mon, 12 Jun 2017 17:57:34 GMT"}, {"v2", ""}};
  p.paper.record.citations = 100000;
  p.library.entered_at = "2026-01-02T03:04:05Z";
  p.library.tags = {"thesis", "Transformers"};
  p.library.state = library::ReadingStateAt{library::ReadingState::kReading, "2026-01-03T00:00:00Z"};
  p.library.notes = {{7, "# Read\nsection 3", "2026-01-04T00:00:00Z", "2026-01-05T00:00:00Z"}};
  const std::string line = WriteJsonl(std::vector<CitedPaper>{p});
  ASSERT_EQ(line.back(), '\n');
  ASSERT_EQ(line.find('\n'), line.size() - 1);
  nlohmann::json j = nlohmann::json::parse(line);
  EXPECT_EQ(j["id"], "1706.03762");
  EXPECT_EQ(j["arxiv_id"], "1706.03762");
  EXPECT_EQ(j["authors"].size(), 3u);
  EXPECT_EQ(j["authors_complete"], true);
  EXPECT_EQ(j["venue"], "NeurIPS 2017");
  EXPECT_EQ(j["citations"], 100000);
  EXPECT_EQ(j["versions"][0]["date"], "Mon, 12 Jun 2017 17:57:34 GMT");
  EXPECT_FALSE(j["versions"][1].contains("date"));
  EXPECT_EQ(j["citation_key"], "vaswani2017attention");
  EXPECT_EQ(j["library"]["tags"], nlohmann::json::parse(R"(["thesis", "Transformers"])"));
  EXPECT_EQ(j["library"]["state"], "reading");
  EXPECT_EQ(j["library"]["state_set_at"], "2026-01-03T00:00:00Z");
  EXPECT_EQ(j["library"]["notes"][0]["text"], "# Read\nsection 3");
  EXPECT_EQ(j["library"]["notes"][0]["created_at"], "2026-01-04T00:00:00Z");
  EXPECT_EQ(j["library"]["notes"][0]["edited_at"], "2026-01-05T00:00:00Z");
  EXPECT_EQ(j["library"]["entered_at"], "2026-01-02T03:04:05Z");
}

TEST(JsonlWriterTest, APaperOutsideTheLibraryHasNoLibraryObject) {
  nlohmann::json j = nlohmann::json::parse(WriteJsonl(std::vector<CitedPaper>{testing::Preprint()}));
  EXPECT_FALSE(j.contains("library"));
  EXPECT_EQ(j["citation_key"], "vaswani2017attention");
}

}  // namespace
}  // namespace paperdeck::cite
