// Related papers and recommendations through the real binary, over 24 papers on three themes
// (tests/data/vectors/themed-papers.jsonl): the papers of a paper's theme come first with the
// words they share, the paper itself never; a tag's papers bring the rest of their theme and
// never themselves; the forward index follows imports, and a damaged file is named while search
// goes on, until reindex rebuilds it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

class DiscoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CliResult r = RunPaperdeck(Data(), {"import", TestData("vectors/themed-papers.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }

  std::filesystem::path Data() const { return dir_.path() / "data"; }

  nlohmann::json Json(std::vector<std::string> args) { return RunPaperdeckJson(Data(), std::move(args)); }

  // The ids 2501.00001-08 are on splatting, -09-16 on grasping, -17-24 on proteins.
  static int Theme(const std::string& id) { return (std::stoi(id.substr(5)) - 1) / 8; }

  TempDir dir_{"paperdeck-discover"};
};

TEST_F(DiscoverTest, RelatedPapersAreOfThePapersThemeWithTheirSharedWords) {
  nlohmann::json j = Json({"related", "2501.00002", "--limit", "5"});
  EXPECT_EQ(j["paper"]["id"], "2501.00002");
  ASSERT_EQ(j["related"].size(), 5u);
  for (const auto& r : j["related"]) {
    EXPECT_NE(r["id"], "2501.00002") << "the paper itself";
    EXPECT_EQ(Theme(r["id"]), 0) << r["title"];
    EXPECT_FALSE(r["reason"].empty());
    EXPECT_GT(r["score"].get<double>(), 0);
  }
  // The reason is in words as the paper writes them, not stems ("splat", "gaussian").
  std::vector<std::string> words = j["related"][0]["reason"];
  EXPECT_THAT(words, ::testing::Contains(::testing::AnyOf("Gaussian", "Splatting", "Gaussians")));
  for (const std::string& w : words) EXPECT_NE(w, "splat");
  // Best first.
  for (size_t i = 1; i < j["related"].size(); ++i) {
    EXPECT_GE(j["related"][i - 1]["score"].get<double>(), j["related"][i]["score"].get<double>());
  }
}

TEST_F(DiscoverTest, RelatedPrintsCardsWithTheirReasons) {
  CliResult r = RunPaperdeck(Data(), {"related", "2501.00009", "--limit", "3"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("papers related to 2501.00009"));
  EXPECT_THAT(r.out, HasSubstr("shares: "));
  EXPECT_THAT(r.out, HasSubstr("grasp"));
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("Protein")));
}

TEST_F(DiscoverTest, AnUnknownPaperOrABadLimitIsAClearError) {
  CliResult unknown = RunPaperdeck(Data(), {"related", "2501.99999"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.err, HasSubstr("no paper with id '2501.99999'"));
  CliResult limit = RunPaperdeck(Data(), {"related", "2501.00001", "--limit", "0"});
  EXPECT_EQ(limit.exit_code, 2);
  EXPECT_THAT(limit.err, HasSubstr("--limit"));
}

TEST_F(DiscoverTest, RecommendationsFromATagAreTheRestOfItsTheme) {
  ASSERT_EQ(RunPaperdeck(Data(), {"tag", "2501.00017", "2501.00018", "2501.00020", "+folding"}).exit_code, 0);
  for (const char* method : {"svm", "centroid"}) {
    nlohmann::json j = Json({"recommend", "tag:folding", "--limit", "5", "--method", method});
    EXPECT_EQ(j["selected"], 3);
    EXPECT_EQ(j["method"], method);
    ASSERT_EQ(j["papers"].size(), 5u);
    for (const auto& p : j["papers"]) {
      const std::string id = p["id"];
      EXPECT_TRUE(id != "2501.00017" && id != "2501.00018" && id != "2501.00020") << "a tagged paper";
      EXPECT_EQ(Theme(id), 2) << method << ": " << p["title"];
      EXPECT_FALSE(p["reason"].empty());
    }
    std::vector<std::string> words = j["words"];
    EXPECT_THAT(words, ::testing::Contains(::testing::AnyOf("protein", "Protein")));
  }
}

TEST_F(DiscoverTest, RecommendSinceKeepsNewerPapersAndRefusesWhatItCannotDo) {
  nlohmann::json j = Json({"recommend", "cat:cs.RO", "--since", "2025-04-01", "--limit", "10"});
  for (const auto& p : j["papers"]) EXPECT_GE(p["date"].get<std::string>(), "2025-04-01");
  CliResult none = RunPaperdeck(Data(), {"recommend", "tag:nothing-tagged"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.err, HasSubstr("selects no papers"));
  CliResult date = RunPaperdeck(Data(), {"recommend", "cat:cs.RO", "--since", "April"});
  EXPECT_EQ(date.exit_code, 2);
  EXPECT_THAT(date.err, HasSubstr("--since"));
}

TEST_F(DiscoverTest, TheForwardIndexFollowsImportsAndADamagedFileIsRepairedByReindex) {
  // Written as the import indexed the papers.
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(Data() / "vectors")) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].extension(), ".fwd");

  // A paper imported later is related at once.
  const std::string more = (dir_.path() / "more.jsonl").string();
  std::ofstream(more) << R"({"title": "Gaussian Splatting for Radiance Field Avatars", "arxiv_id": "2502.00001", "authors_shown": "Zed Quill", "abstract": "Gaussian splatting renders radiance fields of human avatars in real time.", "categories": ["cs.CV"], "date": "2025-02-01"})"
                      << "\n";
  ASSERT_EQ(RunPaperdeck(Data(), {"import", more}).exit_code, 0);
  nlohmann::json j = Json({"related", "2502.00001", "--limit", "3"});
  ASSERT_EQ(j["related"].size(), 3u);
  for (const auto& r : j["related"]) EXPECT_EQ(Theme(r["id"]), 0);

  // Cut a file short: related names it, search goes on, reindex rebuilds it.
  for (const auto& e : std::filesystem::directory_iterator(Data() / "vectors")) {
    std::filesystem::resize_file(e.path(), 100);
  }
  CliResult broken = RunPaperdeck(Data(), {"related", "2502.00001"});
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.err, HasSubstr(".fwd"));
  EXPECT_THAT(broken.err, HasSubstr("paperdeck reindex"));
  CliResult search = RunPaperdeck(Data(), {"search", "splatting"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_THAT(search.out, HasSubstr("Splatting"));
  CliResult reindex = RunPaperdeck(Data(), {"reindex"});
  EXPECT_EQ(reindex.exit_code, 0) << reindex.err;
  EXPECT_THAT(reindex.out, HasSubstr("forward index file"));
  EXPECT_EQ(Json({"related", "2502.00001", "--limit", "3"})["related"].size(), 3u);

  // Deleted altogether: written again when first asked.
  std::filesystem::remove_all(Data() / "vectors");
  EXPECT_EQ(Json({"related", "2501.00001", "--limit", "2"})["related"].size(), 2u);
}

}  // namespace
}  // namespace paperdeck::e2e
