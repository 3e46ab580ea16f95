// GET /api/papers/{id}/related and GET /api/recommend over loopback, on the reference page's
// papers and 24 papers on three themes: related papers of the paper's theme with their reasons,
// never the paper; recommendations from a tag, never the tagged papers; bad parameters and unknown
// papers as JSON errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "http/loopback_api.h"
#include "support/quoting.h"

namespace paperdeck::http {
namespace {

using ::paperdeck::testing::PercentEncode;
using ::testing::HasSubstr;

class DiscoverApiTest : public LoopbackApiTest {
 protected:
  void SetUp() override {
    LoopbackApiTest::SetUp();
    workspace::FileImportReport report = workspace_->ImportFile(
        std::string(PAPERDECK_TEST_DATA) + "/vectors/themed-papers.jsonl",
        ingest::InputFormat::kAuto, 1000, {});
    ASSERT_FALSE(report.failed);
    ASSERT_TRUE(workspace_->CatchUpIndex().ok());
  }
};

TEST_F(DiscoverApiTest, RelatedPapersOfAPaperWithTheirReasons) {
  Answer a = Get("/api/papers/2501.00011/related?limit=4");
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["paper"]["id"], "2501.00011");
  ASSERT_EQ(a.body["related"].size(), 4u);
  for (const auto& r : a.body["related"]) {
    EXPECT_NE(r["id"], "2501.00011");
    const int n = std::stoi(r["id"].get<std::string>().substr(5));
    EXPECT_TRUE(n >= 9 && n <= 16) << "not on grasping: " << r["title"];
    EXPECT_FALSE(r["reason"].empty());
    EXPECT_TRUE(r.contains("url"));
  }
  EXPECT_TRUE(a.body.contains("took_ms"));
}

TEST_F(DiscoverApiTest, RelatedAnswersErrorsAsJson) {
  Answer unknown = Get("/api/papers/2501.99999/related");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_THAT(unknown.body["error"].get<std::string>(), HasSubstr("2501.99999"));
  Answer limit = Get("/api/papers/2501.00001/related?limit=1000");
  EXPECT_EQ(limit.status, 400);
  EXPECT_EQ(limit.body["param"], "limit");
  // The paper's own page still answers beside it.
  EXPECT_EQ(Get("/api/papers/2501.00001").status, 200);
}

TEST_F(DiscoverApiTest, RecommendationsFromATag) {
  {
    auto corpus = workspace_->Corpus();
    ASSERT_TRUE(corpus.ok());
    const std::vector<std::string> tag = {"splats"};
    for (const char* id : {"2501.00001", "2501.00003"}) {
      auto paper = (*corpus)->Find(id);
      ASSERT_TRUE(paper.ok() && *paper);
      ASSERT_TRUE((*corpus)->AddTags((*paper)->key, tag).ok());
    }
  }
  Answer a = Get("/api/recommend?q=" + PercentEncode("tag:splats") + "&limit=3");
  ASSERT_EQ(a.status, 200) << a.body.dump();
  EXPECT_EQ(a.body["selected"], 2);
  EXPECT_EQ(a.body["method"], "svm");
  ASSERT_EQ(a.body["papers"].size(), 3u);
  for (const auto& p : a.body["papers"]) {
    const int n = std::stoi(p["id"].get<std::string>().substr(5));
    EXPECT_TRUE(n >= 1 && n <= 8 && n != 1 && n != 3) << p["id"] << " " << p["title"];
    EXPECT_FALSE(p["reason"].empty());
  }
  Answer centroid = Get("/api/recommend?q=" + PercentEncode("tag:splats") + "&method=centroid");
  EXPECT_EQ(centroid.status, 200);
  EXPECT_EQ(centroid.body["method"], "centroid");

  EXPECT_EQ(Get("/api/recommend").status, 400);
  EXPECT_EQ(Get("/api/recommend?q=tag:splats&since=yesterday").body["param"], "since");
  EXPECT_EQ(Get("/api/recommend?q=tag:splats&method=knn").body["param"], "method");
  Answer none = Get("/api/recommend?q=" + PercentEncode("tag:nobody"));
  EXPECT_EQ(none.status, 400);
  EXPECT_THAT(none.body["error"].get<std::string>(), HasSubstr("selects no papers"));
}

}  // namespace
}  // namespace paperdeck::http
