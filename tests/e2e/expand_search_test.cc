// `paperdeck search --expand` through the real binary, over 24 papers on three themes
// (tests/data/vectors/themed-papers.jsonl): the words are asked as a question expanded with the
// terms its best hits share, the terms added are listed with their weights (JSON and text), a
// paper holding none of the query's words is found, the explanation still sums to each score,
// and a query with operators is searched as written with the reason said.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

// "Neural Radiance Fields from Sparse Views": on the splatting theme, without the word.
constexpr const char* kNoSplatting = "2501.00005";

class ExpandSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("paperdeck-expand");
    CliResult r = RunPaperdeck(Data(), {"import", TestData("vectors/themed-papers.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::filesystem::path Data() { return dir_->path() / "data"; }

  static nlohmann::json Json(std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    return RunPaperdeckJson(Data(), std::move(args));
  }
  static std::vector<std::string> Ids(const nlohmann::json& response) {
    std::vector<std::string> ids;
    for (const auto& hit : response["results"]) ids.push_back(hit["id"]);
    return ids;
  }
  static bool Holds(const nlohmann::json& response, const std::string& id) {
    const std::vector<std::string> ids = Ids(response);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  }

  static TempDir* dir_;
};
TempDir* ExpandSearchTest::dir_ = nullptr;

TEST_F(ExpandSearchTest, FindsAPaperWithoutTheWordsAndListsTheTermsAdded) {
  nlohmann::json plain = Json({"splatting", "--limit", "30"});
  EXPECT_FALSE(Holds(plain, kNoSplatting));
  EXPECT_FALSE(plain.contains("expansion"));

  nlohmann::json expanded = Json({"--expand", "splatting", "--limit", "30"});
  EXPECT_TRUE(Holds(expanded, kNoSplatting)) << expanded.dump();
  // The papers that say it still come first.
  ASSERT_GE(expanded["results"].size(), 8u);
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_NE(expanded["results"][i]["id"], kNoSplatting) << i;
  }
  const nlohmann::json& expansion = expanded["expansion"];
  EXPECT_TRUE(expansion["not_expanded"].is_null());
  ASSERT_FALSE(expansion["terms"].empty());
  std::vector<std::string> terms;
  float previous = 1e9f;
  for (const auto& t : expansion["terms"]) {
    terms.push_back(t["term"]);
    const float weight = t["weight"];
    EXPECT_GT(weight, 0);
    EXPECT_LE(weight, previous);  // heaviest first
    previous = weight;
  }
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "splat"), 0);  // never the query's own
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "gaussian"), 1) << expansion.dump();
  // Only the splatting theme's words: nothing of grasping or proteins.
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "grasp"), 0);
  EXPECT_EQ(std::count(terms.begin(), terms.end(), "protein"), 0);

  CliResult text = RunPaperdeck(Data(), {"search", "--expand", "splatting"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Expanded with (word, weight): "));
  // The words as the papers write them, not the index's stems.
  for (const auto& t : expansion["terms"]) {
    const std::string form = t["form"];
    EXPECT_THAT(text.out, HasSubstr(" " + form + " ")) << form;
  }
  EXPECT_THAT(text.out, ::testing::ContainsRegex("[Gg]aussians? "));
}

TEST_F(ExpandSearchTest, ExplanationNamesTheAddedTermsAndSumsToEachScore) {
  nlohmann::json r = Json({"--expand", "--explain", "splatting", "--limit", "30"});
  ASSERT_FALSE(r["results"].empty());
  bool feedback_seen = false;
  for (const auto& hit : r["results"]) {
    const nlohmann::json& e = hit["explanation"];
    double sum = e["proximity"]["score"].get<double>();
    for (const auto& t : e["terms"]) {
      sum += t["score"].get<double>();
      if (t["kind"] == "feedback") feedback_seen = true;
    }
    EXPECT_NEAR(sum, hit["score"].get<double>(), 1e-4 * hit["score"].get<double>()) << e.dump();
    if (hit["id"] == kNoSplatting) {
      for (const auto& t : e["terms"]) EXPECT_EQ(t["kind"], "feedback") << t.dump();
    }
  }
  EXPECT_TRUE(feedback_seen);
}

TEST_F(ExpandSearchTest, AQueryWithOperatorsIsSearchedAsWrittenAndSaysWhy) {
  nlohmann::json as_written = Json({"title:splatting", "--limit", "30"});
  nlohmann::json asked = Json({"--expand", "title:splatting", "--limit", "30"});
  EXPECT_EQ(Ids(asked), Ids(as_written));
  EXPECT_TRUE(asked["expansion"]["terms"].empty());
  EXPECT_THAT(asked["expansion"]["not_expanded"].get<std::string>(), HasSubstr("operators"));

  nlohmann::json sorted = Json({"--expand", "splatting", "--sort", "newest"});
  EXPECT_THAT(sorted["expansion"]["not_expanded"].get<std::string>(), HasSubstr("sorted"));

  CliResult text = RunPaperdeck(Data(), {"search", "--expand", "\"gaussian splatting\""});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("Not expanded: the query uses operators"));
}

}  // namespace
}  // namespace paperdeck::e2e
