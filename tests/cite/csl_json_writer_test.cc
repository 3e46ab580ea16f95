#include "cite/csl_json_writer.h"

#include <gtest/gtest.h>

#include "cite_test_support.h"

namespace paperdeck::cite {
namespace {

TEST(CslJsonWriterTest, APreprintHasEveryRequiredField) {
  std::vector<CitedPaper> papers = {testing::Preprint()};
  nlohmann::json items = nlohmann::json::parse(WriteCslJson(papers));
  ASSERT_TRUE(items.is_array());
  ASSERT_EQ(items.size(), 1u);
  const nlohmann::json& item = items[0];
  EXPECT_EQ(item["id"], "vaswani2017attention");
  EXPECT_EQ(item["type"], "article");
  EXPECT_EQ(item["title"], "Attention Is All You Need");
  ASSERT_EQ(item["author"].size(), 3u);
  EXPECT_EQ(item["author"][0]["family"], "Vaswani");
  EXPECT_EQ(item["author"][0]["given"], "Ashish");
  EXPECT_EQ(item["issued"]["date-parts"], nlohmann::json::parse("[[2017, 6, 12]]"));
  EXPECT_EQ(item["URL"], "https://arxiv.org/abs/1706.03762");
  EXPECT_EQ(item["number"], "arXiv:1706.03762");
  EXPECT_EQ(item["publisher"], "arXiv");
  EXPECT_FALSE(item.contains("container-title"));
}

TEST(CslJsonWriterTest, PublishedPapersAreTypedByTheirVenue) {
  nlohmann::json conference = CslItemOf(testing::Published());
  EXPECT_EQ(conference["type"], "paper-conference");
  EXPECT_EQ(conference["container-title"], "NeurIPS 2017");
  EXPECT_EQ(conference["DOI"], "10.5555/3295222.3295349");
  EXPECT_EQ(conference["issued"]["date-parts"], nlohmann::json::parse("[[2017]]"));
  nlohmann::json journal = CslItemOf(testing::InAJournal());
  EXPECT_EQ(journal["type"], "article-journal");
  EXPECT_EQ(journal["author"][3]["given"], "C.-P.");
  CitedPaper org = testing::Preprint();
  org.paper.record.authors = {"The ATLAS Collaboration", "OpenAI"};
  nlohmann::json item = CslItemOf(org);
  EXPECT_EQ(item["author"][1]["literal"], "OpenAI");
  EXPECT_EQ(item["author"][0]["family"], "Collaboration");
}

}  // namespace
}  // namespace paperdeck::cite
