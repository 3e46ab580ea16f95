// GET /api/papers/{id}/related and GET /api/recommend over loopback, on the reference page's
// papers and 24 papers on three themes: related papers of the paper's theme with their reasons,
// never the paper; recommendations from a tag, never the tagged papers; a saved search that is a
// recommendation, its papers new until shown; search by meaning asked for (`mode`), which falls
// back to keywords without word vectors and says why; bad parameters and unknown papers as JSON
// errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

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
  void Tag(const std::vector<std::string>& ids, const std::string& tag, bool add = true) {
    auto corpus = workspace_->Corpus();
    ASSERT_TRUE(corpus.ok());
    for (const std::string& id : ids) {
      auto paper = (*corpus)->Find(id);
      ASSERT_TRUE(paper.ok() && *paper);
      const std::vector<std::string> tags = {tag};
      ASSERT_TRUE((add ? (*corpus)->AddTags((*paper)->key, tags)
                       : (*corpus)->RemoveTags((*paper)->key, tags)).ok());
    }
  }
  // Stores one more paper, as an import does (corpus, then index).
  void StorePaper(const std::string& arxiv_id, const std::string& title,
                  const std::string& abstract) {
    const std::filesystem::path file = temp_ / (arxiv_id + ".jsonl");
    std::ofstream(file) << nlohmann::json{{"arxiv_id", arxiv_id}, {"title", title},
                                          {"authors_shown", "A. Writer"}, {"abstract", abstract},
                                          {"categories", {"cs.CV"}}, {"date", "2026-06-20"}}
                               .dump()
                        << "\n";
    workspace::FileImportReport report =
        workspace_->ImportFile(file.string(), ingest::InputFormat::kAuto, 1000, {});
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

// The mode parameter of /api/search: keyword or hybrid, once; anything else is the request's
// fault. Without word vectors (24 papers are far too few to learn them from) hybrid answers with
// the keyword ranking and says why.
TEST_F(DiscoverApiTest, SearchModeIsCheckedAndHybridSaysWhenKeywordsAnswered) {
  const std::string q = "/api/search?q=" + PercentEncode("gaussian splatting");
  Answer keyword = Get(q);
  ASSERT_EQ(keyword.status, 200) << keyword.body.dump();
  EXPECT_EQ(keyword.body["mode"], "keyword");
  EXPECT_FALSE(keyword.body.contains("hybrid_fallback"));
  EXPECT_EQ(Get(q + "&mode=keyword").body["mode"], "keyword");

  Answer hybrid = Get(q + "&mode=hybrid");
  ASSERT_EQ(hybrid.status, 200) << hybrid.body.dump();
  EXPECT_EQ(hybrid.body["mode"], "keyword");
  ASSERT_TRUE(hybrid.body.contains("hybrid_fallback"));
  EXPECT_FALSE(hybrid.body["hybrid_fallback"].get<std::string>().empty());
  EXPECT_EQ(hybrid.body["total"], keyword.body["total"]);
  ASSERT_EQ(hybrid.body["results"].size(), keyword.body["results"].size());
  for (size_t i = 0; i < keyword.body["results"].size(); ++i) {
    EXPECT_EQ(hybrid.body["results"][i]["id"], keyword.body["results"][i]["id"]);
  }

  EXPECT_EQ(Get(q + "&mode=").body["mode"], "keyword");  // empty: the default
  for (const char* bad : {"&mode=dense", "&mode=HYBRID", "&mode=hybrid&mode=keyword"}) {
    Answer a = Get(q + bad);
    EXPECT_EQ(a.status, 400) << bad;
    EXPECT_EQ(a.body["param"], "mode") << bad;
    EXPECT_THAT(a.body["error"].get<std::string>(), HasSubstr("mode")) << bad;
  }
}

TEST_F(DiscoverApiTest, ARecommendationSavedSearchShowsWhatItHasNotShownBefore) {
  Tag({"2501.00001", "2501.00003"}, "splats");
  Answer bad = Write("POST", "/api/watches",
                     {{"name", "odd"}, {"query", "tag:splats"}, {"kind", "similar"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.body["param"], "kind");

  Answer saved = Write("POST", "/api/watches", {{"name", "like splats"},
                                                 {"query", "tag:splats"},
                                                 {"kind", "recommend"},
                                                 {"pull", true}});
  ASSERT_EQ(saved.status, 201) << saved.body.dump();
  EXPECT_EQ(saved.body["watch"]["kind"], "recommend");
  EXPECT_EQ(saved.body["watch"]["pull"], false);  // its query names the user's own papers
  const int first_new = saved.body["watch"]["new"].get<int>();
  EXPECT_EQ(first_new, 50);  // its best 50 of the 57 others, none shown yet

  Answer feed = Get("/api/watches/" + PercentEncode("like splats") + "/feed?limit=5");
  ASSERT_EQ(feed.status, 200) << feed.body.dump();
  EXPECT_EQ(feed.body["kind"], "recommend");
  ASSERT_EQ(feed.body["results"].size(), 5u);
  for (const auto& r : feed.body["results"]) {
    const int n = std::stoi(r["id"].get<std::string>().substr(5));
    EXPECT_TRUE(n >= 1 && n <= 8 && n != 1 && n != 3) << r["id"] << " " << r["title"];
    EXPECT_FALSE(r["reason"].empty());
  }
  // Looked at: nothing new, until a paper like them arrives, which comes first.
  Answer seen = Write("POST", "/api/watches/" + PercentEncode("like splats") + "/seen",
                      {{"revision", feed.body["revision"]}});
  ASSERT_EQ(seen.status, 200) << seen.body.dump();
  EXPECT_EQ(seen.body["watch"]["new"], 0);
  StorePaper("2606.00001", "Gaussian Splatting of Underwater Scenes",
             "We render novel views of underwater scenes by splatting anisotropic 3D Gaussians "
             "with a tile-based rasterizer, in real time.");
  Answer later = Get("/api/watches/" + PercentEncode("like splats") + "/feed");
  ASSERT_EQ(later.status, 200) << later.body.dump();
  EXPECT_EQ(later.body["new"], 1);
  ASSERT_EQ(later.body["results"].size(), 1u);
  EXPECT_EQ(later.body["results"][0]["id"], "2606.00001");

  // Its tag emptied: nothing to recommend, said; the saved search is kept.
  Tag({"2501.00001", "2501.00003"}, "splats", false);
  Answer list = Get("/api/watches");
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_EQ(list.body["watches"].size(), 1u);
  EXPECT_EQ(list.body["watches"][0]["new"], 0);
  EXPECT_THAT(list.body["watches"][0]["problem"].get<std::string>(),
              HasSubstr("the query selects no papers"));
  Answer empty = Get("/api/watches/" + PercentEncode("like splats") + "/feed");
  ASSERT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body["results"].size(), 0u);
  EXPECT_THAT(empty.body["problem"].get<std::string>(), HasSubstr("tag:splats"));
}

}  // namespace
}  // namespace paperdeck::http
