// The parameter grid of `paperdeck eval --sweep`: the points it names, and its errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "eval/cross_validation.h"
#include "eval/sweep.h"

namespace paperdeck::eval {
namespace {

TEST(Sweep, GridIsTheCartesianProduct) {
  Result<std::vector<GridPoint>> points = ParseGrid("k1=0.9,1.5;w_title=2,4;question_words=0");
  ASSERT_TRUE(points.ok()) << points.status().message();
  ASSERT_EQ(points->size(), 4u);
  EXPECT_EQ((*points)[0].label, "k1=0.9 w_title=2 question_words=0");
  EXPECT_EQ((*points)[3].label, "k1=1.5 w_title=4 question_words=0");
  EXPECT_FLOAT_EQ((*points)[3].options.bm25f.k1, 1.5f);
  EXPECT_FLOAT_EQ((*points)[3].options.bm25f.weight[static_cast<int>(index::Field::kTitle)], 4.0f);
  EXPECT_FALSE((*points)[3].options.drop_question_words);
  // What the grid does not name keeps the product's default.
  EXPECT_EQ((*points)[0].options.proximity, search::SearcherOptions{}.proximity);
}

TEST(Sweep, AnEmptyGridIsTheDefaults) {
  Result<std::vector<GridPoint>> points = ParseGrid("");
  ASSERT_TRUE(points.ok());
  ASSERT_EQ(points->size(), 1u);
  EXPECT_EQ((*points)[0].label, "defaults");
}

TEST(Sweep, BadGridsSayWhatIsWrong) {
  EXPECT_EQ(ParseGrid("k2=1").status().message(), "grid: unknown parameter \"k2\"");
  EXPECT_EQ(ParseGrid("k1").status().message(), "grid: \"k1\" is not name=v1,v2,...");
  EXPECT_EQ(ParseGrid("k1=1,x").status().message(), "grid: \"x\" is not a number");
  EXPECT_EQ(ParseGrid("k1=").status().message(), "grid: \"k1\" has no value");
}

TEST(Sweep, PrintsOneLinePerPoint) {
  const std::string tiny = (std::filesystem::path(PAPERDECK_TEST_DATA) / "eval" / "tiny").string();
  std::ostringstream out;
  ASSERT_TRUE(RunSweep({tiny}, "proximity=0,1", out).ok());
  std::istringstream lines(out.str());
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "point\tndcg@10 tiny\tmean ndcg@10\tmean map");
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("proximity=0\t", 0), 0u) << line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("proximity=1\t", 0), 0u) << line;
  EXPECT_FALSE(std::getline(lines, line));
}

TEST(CrossValidation, ChoosesByTheWorstLeadWithoutTheCollectionLeftOut) {
  // Point 0 wins big on collection 0 and loses on 1; point 1 leads a little everywhere.
  SweepScores scores;
  scores.baseline = {0.50, 0.50, 0.50};
  scores.ndcg = {{0.60, 0.49, 0.505}, {0.51, 0.51, 0.51}, {0.40, 0.70, 0.70}};
  EXPECT_EQ(ChoosePoint(scores, {true, true, true}), 1u);
  const std::vector<HeldOut> held = LeaveOneCollectionOut(scores);
  ASSERT_EQ(held.size(), 3u);
  // Without collection 0, point 2 leads by .20 on both others; scored on 0 it loses by .10.
  EXPECT_EQ(held[0].point, 2u);
  EXPECT_DOUBLE_EQ(held[0].ndcg, 0.40);
  EXPECT_NEAR(held[0].lead, -0.10, 1e-12);
  EXPECT_EQ(held[1].point, 1u);
  EXPECT_EQ(held[2].point, 1u);
}

TEST(Sweep, CrossValidationPrintsTheHeldOutTable) {
  const std::string tiny = (std::filesystem::path(PAPERDECK_TEST_DATA) / "eval" / "tiny").string();
  std::ostringstream out;
  EXPECT_FALSE(RunSweep({tiny}, "exact=0,1", out, /*cross_validate=*/true).ok());
  ASSERT_TRUE(RunSweep({tiny, tiny}, "exact=0,1", out, /*cross_validate=*/true).ok());
  const std::string text = out.str();
  EXPECT_NE(text.find("leave one collection out"), std::string::npos) << text;
  EXPECT_NE(text.find("\ntiny\texact="), std::string::npos) << text;
  EXPECT_NE(text.find("tuned on all: exact="), std::string::npos) << text;
  // Then every measure of each collection, for the four systems.
  EXPECT_NE(text.find("\nevery measure, per collection\n"), std::string::npos) << text;
  for (const char* system : {"paperdeck cv", "paperdeck tuned", "xapian", "fts5"}) {
    EXPECT_NE(text.find("\ntiny\t" + std::string(system) + "\t"), std::string::npos) << text;
  }
}

}  // namespace
}  // namespace paperdeck::eval
