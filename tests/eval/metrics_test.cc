// The measures equal trec_eval's on rankings worked out by hand.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "eval/collection.h"
#include "eval/evaluation.h"
#include "eval/metrics.h"

namespace paperdeck::eval {
namespace {

TEST(Metrics, GradedRelevanceByHand) {
  // Relevant: d1 (grade 3), d2 (1), d4 (2); d3 judged not relevant.
  Judgments judged = {{"d1", 3}, {"d2", 1}, {"d3", 0}, {"d4", 2}};
  // Ranked d3, d1, x, d2 (d4 never retrieved).
  std::optional<Scores> s =
      QueryMetrics({{"d2", 2.0}, {"x", 3.0}, {"d1", 4.0}, {"d3", 5.0}}, judged);
  ASSERT_TRUE(s);
  // DCG = 3/log2(3) + 1/log2(5) = 2.32347; ideal = 3 + 2/log2(3) + 1/log2(4) = 4.76186.
  EXPECT_NEAR(s->ndcg10, 0.487932, 1e-6);
  // Relevant at ranks 2 and 4: (1/2 + 2/4) / 3 relevant.
  EXPECT_NEAR(s->map, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(s->recall100, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(s->p10, 0.2, 1e-12);  // a ranking of 4 still divides by 10
}

TEST(Metrics, PerfectRankingScoresOne) {
  Judgments judged = {{"a", 2}, {"b", 1}};
  std::optional<Scores> s = QueryMetrics({{"a", 2}, {"b", 1}, {"c", 0.5}}, judged);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->ndcg10, 1.0);
  EXPECT_DOUBLE_EQ(s->map, 1.0);
  EXPECT_DOUBLE_EQ(s->recall100, 1.0);
}

TEST(Metrics, GradesOrderTheIdealRanking) {
  // The grade-1 document first and the grade-2 second is not ideal.
  Judgments judged = {{"a", 2}, {"b", 1}};
  std::optional<Scores> s = QueryMetrics({{"b", 2}, {"a", 1}}, judged);
  ASSERT_TRUE(s);
  // (1 + 2/log2(3)) / (2 + 1/log2(3)) = 2.26186 / 2.63093
  EXPECT_NEAR(s->ndcg10, 0.859719, 1e-6);
  EXPECT_DOUBLE_EQ(s->map, 1.0);  // MAP ignores grades
}

TEST(Metrics, QueryWithoutRelevantDocumentsHasNoScore) {
  EXPECT_FALSE(QueryMetrics({{"a", 1.0}}, Judgments{{"a", 0}, {"b", 0}}));
  EXPECT_FALSE(QueryMetrics({}, Judgments{}));
}

TEST(Metrics, TiesAreBrokenByDocumentIdDescending) {
  // Equal scores: "b" ranks before "a", so the relevant "a" is second.
  std::optional<Scores> s = QueryMetrics({{"a", 1.0}, {"b", 1.0}}, Judgments{{"a", 1}});
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->map, 0.5);
  EXPECT_NEAR(s->ndcg10, 0.630930, 1e-6);  // 1/log2(3)
  // Ids compare as bytes, not numbers: "9" > "10".
  std::vector<ScoredDoc> order = TrecOrder({{"10", 1.0}, {"9", 1.0}, {"2", 3.0}});
  ASSERT_EQ(order.size(), 3u);
  EXPECT_EQ(order[0].id, "2");
  EXPECT_EQ(order[1].id, "9");
  EXPECT_EQ(order[2].id, "10");
}

TEST(Metrics, RecallWithFewerThanOneHundredResults) {
  Judgments judged = {{"r1", 1}, {"r2", 1}, {"r3", 1}, {"r4", 1}};
  std::optional<Scores> s = QueryMetrics({{"r1", 3}, {"n", 2}, {"r2", 1}}, judged);
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->recall100, 0.5);
  EXPECT_DOUBLE_EQ(s->p10, 0.2);
  EXPECT_NEAR(s->map, (1.0 + 2.0 / 3.0) / 4.0, 1e-12);
}

TEST(Metrics, OnlyTheFirstHundredCountForRecallAndTheFirstThousandForMap) {
  std::vector<ScoredDoc> ranking;
  for (int i = 0; i < 1001; ++i) ranking.push_back({"n" + std::to_string(i), 2000.0 - i});
  ranking[100].id = "r100";    // rank 101
  ranking[1000].id = "r1000";  // rank 1001: past the run depth
  std::optional<Scores> s = QueryMetrics(ranking, Judgments{{"r100", 1}, {"r1000", 1}});
  ASSERT_TRUE(s);
  EXPECT_DOUBLE_EQ(s->recall100, 0.0);
  EXPECT_NEAR(s->map, (1.0 / 101.0) / 2.0, 1e-12);
}

TEST(Evaluation, SkipsUnjudgedQueriesAndScoresMissingRunsAsZero) {
  Collection c;
  c.queries = {{"q1", "a"}, {"q2", "b"}, {"q3", "c"}, {"q4", "d"}};
  c.qrels["q1"] = {{"d1", 1}};
  c.qrels["q2"] = {{"d1", 0}};  // no relevant document: skipped
  c.qrels["q3"] = {{"d2", 1}};  // the run retrieves nothing for it: scores 0
  // q4 has no judgment at all: skipped
  eval::Run run;
  run["q1"] = {{"d1", 1.0}};
  run["q2"] = {{"d1", 1.0}};
  Evaluation e = Evaluate(c, run);
  ASSERT_EQ(e.per_query.size(), 2u);
  EXPECT_EQ(e.per_query[0].first, "q1");
  EXPECT_EQ(e.per_query[1].first, "q3");
  EXPECT_DOUBLE_EQ(e.mean.ndcg10, 0.5);
  EXPECT_DOUBLE_EQ(e.mean.map, 0.5);
  EXPECT_DOUBLE_EQ(e.mean.p10, 0.05);
}

TEST(Evaluation, PerQueryLinesAreTabSeparated) {
  Evaluation e;
  e.per_query.push_back({"7", Scores{0.5, 0.25, 1.0, 0.1}});
  std::ostringstream out;
  WritePerQuery("xapian", e, out);
  EXPECT_EQ(out.str(), "xapian\t7\t0.5000\t0.2500\t1.0000\t0.1000\n");
}

}  // namespace
}  // namespace paperdeck::eval
