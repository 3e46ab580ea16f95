// A saved search that is a recommendation, through the real binary, on 24 papers on three themes
// (tests/data/vectors/themed-papers.jsonl, far too few for word vectors: recommendations use the
// sparse vectors alone): `watch add NAME --recommend tag:X`, listed, its papers new until looked
// at, a paper like the tagged ones new when it arrives, its Atom feed, a tag emptied (said,
// nothing lost), and the library's export and restore keeping its kind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class RecommendWatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CliResult r = Run({"import", TestData("vectors/themed-papers.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    r = Run({"tag", "2501.00001", "2501.00003", "+splats"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  std::filesystem::path Data() const { return dir_.path() / "data"; }
  CliResult Run(const std::vector<std::string>& args) { return RunPaperdeck(Data(), args); }
  nlohmann::json Json(std::vector<std::string> args) { return RunPaperdeckJson(Data(), std::move(args)); }
  static int Number(const nlohmann::json& paper) {
    return std::stoi(paper["id"].get<std::string>().substr(5));
  }

  TempDir dir_;
};

TEST_F(RecommendWatchTest, PapersLikeATagAreNewUntilLookedAtAndANewLikeOneArrivesFirst) {
  CliResult added = Run({"watch", "add", "like splats", "--recommend", "tag:splats"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("papers like those tag:splats selects (22 recommended now"));
  EXPECT_THAT(added.out, HasSubstr("not pulled by sync"));

  nlohmann::json list = Json({"watch", "list"});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["kind"], "recommend");
  EXPECT_EQ(list[0]["pull"], false);
  EXPECT_EQ(list[0]["new"], 22);
  CliResult text = Run({"watch", "list"});
  EXPECT_THAT(text.out, HasSubstr("22 new  like splats  like tag:splats"));

  // Looking: the best first (all entered together), the splatting papers, never the tagged ones,
  // each with its reason.
  nlohmann::json first = Json({"feed", "like splats", "--limit", "6"});
  EXPECT_EQ(first["new"], 22);
  ASSERT_EQ(first["results"].size(), 6u);
  for (const auto& r : first["results"]) {
    EXPECT_NE(Number(r), 1);
    EXPECT_NE(Number(r), 3);
    EXPECT_FALSE(r["reason"].empty());
  }
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_LE(Number(first["results"][i]), 8) << first["results"][i]["title"];
  }
  // Looking showed them all: nothing is new now.
  EXPECT_EQ(Json({"feed", "like splats"})["new"], 0);
  CliResult nothing = Run({"feed", "like splats"});
  EXPECT_THAT(nothing.out, HasSubstr("nothing new"));

  // A paper like the tagged ones arrives: new, and first.
  const std::filesystem::path file = dir_.path() / "new.jsonl";
  std::ofstream(file)
      << nlohmann::json{{"arxiv_id", "2606.00001"},
                        {"title", "Gaussian Splatting of Underwater Scenes"},
                        {"authors_shown", "A. Writer"},
                        {"abstract", "We render novel views of underwater scenes by splatting "
                                     "anisotropic 3D Gaussians with a tile-based rasterizer."},
                        {"categories", {"cs.CV"}},
                        {"date", "2026-06-20"}}
             .dump()
      << "\n";
  ASSERT_EQ(Run({"import", file.string()}).exit_code, 0);
  nlohmann::json later = Json({"feed", "like splats", "--peek"});
  EXPECT_EQ(later["new"], 1);
  ASSERT_EQ(later["results"].size(), 1u);
  EXPECT_EQ(later["results"][0]["id"], "2606.00001");
  CliResult shown = Run({"feed", "like splats"});
  EXPECT_THAT(shown.out, HasSubstr("Underwater"));
  EXPECT_THAT(shown.out, HasSubstr("for: "));
  EXPECT_EQ(Json({"feed", "like splats"})["new"], 0);

  // Its Atom feed: the recommendations, the newest to enter first; the tagged papers never.
  CliResult atom = Run({"feed", "like splats", "--format", "atom"});
  ASSERT_EQ(atom.exit_code, 0) << atom.err;
  EXPECT_THAT(atom.out, HasSubstr("papers like tag:splats"));
  EXPECT_LT(atom.out.find("Underwater"), atom.out.find("<entry>", atom.out.find("<entry>") + 1));
  EXPECT_THAT(atom.out, Not(HasSubstr("Fast Gaussian Splatting for Real-Time")));
}

TEST_F(RecommendWatchTest, ATagEmptiedSaysSoAndKeepsTheSavedSearchThroughExportAndRestore) {
  ASSERT_EQ(Run({"watch", "add", "like splats", "--recommend", "tag:splats"}).exit_code, 0);
  ASSERT_EQ(Run({"feed", "like splats"}).exit_code, 0);
  ASSERT_EQ(Run({"tag", "2501.00001", "2501.00003", "-splats"}).exit_code, 0);

  CliResult list = Run({"watch", "list"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("nothing to recommend: the query selects no papers (tag:splats)"));
  nlohmann::json listed = Json({"watch", "list"});
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_THAT(listed[0]["problem"].get<std::string>(), HasSubstr("the saved search is kept"));
  CliResult feed = Run({"feed", "like splats"});
  EXPECT_EQ(feed.exit_code, 0) << feed.err;
  EXPECT_THAT(feed.out, HasSubstr("the saved search is kept"));
  nlohmann::json j = Json({"feed", "like splats"});
  EXPECT_EQ(j["new"], 0);
  EXPECT_THAT(j["problem"].get<std::string>(), HasSubstr("selects no papers"));

  // Tagged again: it recommends again, and what it showed before is not new.
  ASSERT_EQ(Run({"tag", "2501.00001", "2501.00003", "+splats"}).exit_code, 0);
  EXPECT_EQ(Json({"feed", "like splats", "--peek"})["new"], 0);

  const std::filesystem::path file = dir_.path() / "library.jsonl";
  CliResult exported = Run({"export", "--format", "jsonl", "--out", file.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_THAT(ReadFile(file), HasSubstr("\"kind\":\"recommend\""));
  // Restored beside the same papers (the library's export holds the tagged ones alone).
  const std::filesystem::path other = dir_.path() / "other";
  ASSERT_EQ(RunPaperdeck(other, {"import", TestData("vectors/themed-papers.jsonl")}).exit_code, 0);
  CliResult restored = RunPaperdeck(other, {"import", file.string()});
  ASSERT_EQ(restored.exit_code, 0) << restored.out << restored.err;
  CliResult again = RunPaperdeck(other, {"watch", "list", "--json"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  nlohmann::json searches = nlohmann::json::parse(again.out);
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0]["kind"], "recommend");
  EXPECT_EQ(searches[0]["query"], "tag:splats");
  EXPECT_EQ(searches[0]["new"], 22);  // restored, never looked at
}

}  // namespace
}  // namespace paperdeck::e2e
