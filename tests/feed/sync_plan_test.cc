// Which arXiv requests a sync makes for the saved searches: windows, combining, the URL cap.
#include "feed/sync_plan.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "feed/arxiv_pull.h"
#include "model/calendar.h"

namespace paperdeck::feed {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

SyncPlanOptions At(std::string_view now) {
  SyncPlanOptions o;
  o.now = *ParseIsoTime(now);
  o.api_url = "http://127.0.0.1:9/api/query";
  return o;
}

TEST(SyncPlanTest, NeverSyncedSearchesShareOneRequestOverTheLastSevenDays) {
  std::vector<SyncSearch> searches = {{"mamba", "title:mamba", ""},
                                      {"attention", "attention cat:cs.CL", ""}};
  ArxivSyncPlan plan = PlanArxivSync(searches, At("2026-12-02T10:00:00Z"));
  ASSERT_EQ(plan.requests.size(), 1u);
  EXPECT_EQ(plan.requests[0].remote_query,
            "((ti:mamba) OR (all:attention AND cat:cs.CL)) AND "
            "submittedDate:[202611251000 TO 202612021000]");
  EXPECT_THAT(plan.requests[0].searches, ElementsAre("mamba", "attention"));
  EXPECT_EQ(plan.requests[0].from, "202611251000");
  EXPECT_EQ(plan.requests[0].to, "202612021000");
  EXPECT_TRUE(plan.notices.empty());
}

TEST(SyncPlanTest, ASyncedSearchStartsFourDaysBeforeItsLastSyncInAWindowOfItsOwn) {
  std::vector<SyncSearch> searches = {{"new", "title:mamba", ""},
                                      {"old", "au:dao", "2026-12-01T08:30:00Z"},
                                      {"old-too", "ti:\"state space\"", "2026-12-01T08:30:00Z"}};
  ArxivSyncPlan plan = PlanArxivSync(searches, At("2026-12-02T10:00:00Z"));
  ASSERT_EQ(plan.requests.size(), 2u);
  // Oldest window first: the never-synced search goes back 7 days.
  EXPECT_EQ(plan.requests[0].remote_query,
            "ti:mamba AND submittedDate:[202611251000 TO 202612021000]");
  EXPECT_THAT(plan.requests[0].searches, ElementsAre("new"));
  EXPECT_EQ(plan.requests[1].remote_query,
            "((au:dao) OR (ti:\"state space\")) AND submittedDate:[202611270830 TO 202612021000]");
  EXPECT_THAT(plan.requests[1].searches, ElementsAre("old", "old-too"));
}

TEST(SyncPlanTest, SearchesAskingTheSameShareOneQuery) {
  std::vector<SyncSearch> searches = {{"a", "title:mamba", ""}, {"b", "ti:mamba tag:thesis", ""}};
  ArxivSyncPlan plan = PlanArxivSync(searches, At("2026-12-02T10:00:00Z"));
  ASSERT_EQ(plan.requests.size(), 1u);
  EXPECT_EQ(plan.requests[0].remote_query,
            "ti:mamba AND submittedDate:[202611251000 TO 202612021000]");
  EXPECT_THAT(plan.requests[0].searches, ElementsAre("a", "b"));
  ASSERT_EQ(plan.notices.size(), 1u);
  EXPECT_THAT(plan.notices[0], HasSubstr("'b': tag:thesis (at 9) is your own library"));
}

TEST(SyncPlanTest, SearchesArxivCannotBeAskedAreLeftOutByName) {
  std::vector<SyncSearch> searches = {
      {"thesis", "tag:thesis", ""}, {"not-vision", "NOT vision", ""}, {"ok", "au:dao", ""}};
  ArxivSyncPlan plan = PlanArxivSync(searches, At("2026-12-02T10:00:00Z"));
  ASSERT_EQ(plan.requests.size(), 1u);
  EXPECT_THAT(plan.requests[0].searches, ElementsAre("ok"));
  EXPECT_THAT(plan.unplanned, ElementsAre("thesis", "not-vision"));
  std::string all;
  for (const std::string& n : plan.notices) all += n + "\n";
  EXPECT_THAT(all, HasSubstr("'thesis' is not pulled: say what to pull"));
  EXPECT_THAT(all, HasSubstr("'not-vision' is not pulled: arXiv cannot search for papers *without*"));
}

TEST(SyncPlanTest, ManySearchesAreSplitSoNoRequestUrlPassesTheCap) {
  std::vector<SyncSearch> searches;
  for (int i = 0; i < 40; ++i) {
    searches.push_back({"s" + std::to_string(i),
                        "title:\"long phrase number " + std::to_string(i) + "\" au:someone" +
                            std::to_string(i),
                        ""});
  }
  SyncPlanOptions o = At("2026-12-02T10:00:00Z");
  ArxivSyncPlan plan = PlanArxivSync(searches, o);
  ASSERT_GT(plan.requests.size(), 1u);
  EXPECT_LT(plan.requests.size(), searches.size());
  std::multiset<std::string> served;
  for (const ArxivSyncRequest& r : plan.requests) {
    EXPECT_LE(ArxivPageUrl(o.api_url, r.remote_query, 0, o.page_size).size(), o.max_url_bytes)
        << r.remote_query;
    EXPECT_THAT(r.remote_query, HasSubstr("AND submittedDate:[202611251000 TO 202612021000]"));
    served.insert(r.searches.begin(), r.searches.end());
  }
  // Every search in exactly one request.
  ASSERT_EQ(served.size(), searches.size());
  for (const SyncSearch& s : searches) EXPECT_EQ(served.count(s.name), 1u) << s.name;
}

TEST(SyncPlanTest, ArxivMinuteIsUtcToTheMinute) {
  EXPECT_EQ(ArxivMinute(*ParseIsoTime("2026-01-05T23:59:59Z")), "202601052359");
}

}  // namespace
}  // namespace paperdeck::feed
