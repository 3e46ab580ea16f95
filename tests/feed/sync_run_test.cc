// A sync's parts against loopback servers and a real corpus: a search is marked synced only
// when all of its request is in, the request cap leaves the rest named, and Hugging Face's days
// are remembered one by one.
#include "feed/sync_run.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "feed/replay_server.h"
#include "model/calendar.h"
#include "support/temp_dir.h"

namespace paperdeck::feed {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using paperdeck::testing::TempDir;
using namespace std::chrono_literals;

const std::string kPage = "arxiv_api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml";
const std::string kNoMore = "arxiv_api/arxivpy_id_0000.0000_s0_m100_8b51d9633a68.body.xml";
const std::string kDaily = "hf_daily_papers/daily_papers_2024-03-21.json";

net::SourcePolicy Quick() {
  net::SourcePolicy p;
  p.min_interval = 10ms;
  p.max_attempts = 2;
  p.first_backoff = 1ms;
  p.timeout = 2000ms;
  return p;
}

void NoSleep(std::chrono::milliseconds, const std::string&) {}

class SyncRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    corpus_ = std::move(library::Corpus::Open(dir_.path() / "data")).value();
    for (const char* name : {"early", "late", "late-too"}) {
      ASSERT_TRUE(corpus_->AddSavedSearch(name, std::string("ti:") + name, true).ok());
    }
  }
  std::string SyncedAt(const std::string& name) {
    return corpus_->FindSavedSearch(name).value()->synced_at;
  }
  ArxivSyncPlan TwoRequests() {
    std::vector<SyncSearch> searches = {{"early", "ti:early", ""},
                                        {"late", "ti:late", "2026-12-01T00:00:00Z"},
                                        {"late-too", "ti:late", "2026-12-01T00:00:00Z"}};
    SyncPlanOptions o;
    o.now = *ParseIsoTime("2026-12-02T10:00:00Z");
    o.api_url = server_.url();
    return PlanArxivSync(searches, o);
  }
  ArxivSyncOptions Options() {
    ArxivSyncOptions o;
    o.api_url = server_.url();
    o.synced_at = "2026-12-02T10:00:00Z";
    return o;
  }
  TempDir dir_;
  std::unique_ptr<library::Corpus> corpus_;
  ReplayServer server_;
};

TEST_F(SyncRunTest, ASearchIsMarkedSyncedOnlyWhenItsWholeRequestIsIn) {
  ArxivSyncPlan plan = TwoRequests();
  ASSERT_EQ(plan.requests.size(), 2u);
  // The first request ends; the second one's first page never comes.
  server_.Script({Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore)),
                  Reply::Fail(Reply::Fault::kReset), Reply::Fail(Reply::Fault::kReset)});
  net::HttpClient client(Quick(), "test", NoSleep);
  ArxivSyncReport r = SyncArxiv(*corpus_, client, plan, Options());
  EXPECT_FALSE(r.stopped.ok());
  EXPECT_EQ(r.added, 10u);
  EXPECT_THAT(r.synced, ElementsAre("early"));
  EXPECT_THAT(r.left, ElementsAre("late", "late-too"));
  EXPECT_EQ(SyncedAt("early"), "2026-12-02T10:00:00Z");
  EXPECT_EQ(SyncedAt("late"), "");

  // The next run: what is stored is not stored again.
  server_.Script({Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore)),
                  Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore))});
  ArxivSyncReport again = SyncArxiv(*corpus_, client, plan, Options());
  ASSERT_TRUE(again.stopped.ok()) << again.stopped.message();
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.fetched, 20u);
  EXPECT_THAT(again.synced, ElementsAre("early", "late", "late-too"));
  EXPECT_EQ(corpus_->Stats().value().papers, 10u);
}

TEST_F(SyncRunTest, TheRequestCapStopsBeforeTheNextPageAndNamesWhatIsLeft) {
  server_.Fallback(Reply::Ok(ReadWire(kPage)));
  net::HttpClient client(Quick(), "test", NoSleep);
  RequestCap cap(1, {&client});
  ArxivSyncOptions o = Options();
  o.may_fetch = cap.gate();
  ArxivSyncReport r = SyncArxiv(*corpus_, client, TwoRequests(), o);
  EXPECT_TRUE(r.stopped.ok());
  EXPECT_TRUE(r.held);
  EXPECT_EQ(server_.Requests().size(), 1u);
  EXPECT_EQ(cap.sent(), 1);
  EXPECT_TRUE(r.synced.empty());
  EXPECT_THAT(r.left, ElementsAre("early", "late", "late-too"));
}

TEST_F(SyncRunTest, HuggingFaceDaysRunFromTheLastReadToTodayAtMostAWeek) {
  const int32_t today = *ParseIsoDate("2026-12-02");
  EXPECT_THAT(HuggingFaceDays(*corpus_, today, 7).value(),
              ElementsAre("2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29", "2026-11-30",
                          "2026-12-01", "2026-12-02"));
  ASSERT_TRUE(corpus_->SetState(kHuggingFaceDayState, "2026-11-30").ok());
  EXPECT_THAT(HuggingFaceDays(*corpus_, today, 7).value(),
              ElementsAre("2026-11-30", "2026-12-01", "2026-12-02"));
  ASSERT_TRUE(corpus_->SetState(kHuggingFaceDayState, "2026-01-01").ok());
  EXPECT_EQ(HuggingFaceDays(*corpus_, today, 7).value().size(), 7u);
}

TEST_F(SyncRunTest, EachHuggingFaceDayIsRememberedAsSoonAsItIsStored) {
  server_.Script({Reply::Ok(ReadWire(kDaily), "application/json"),
                  Reply::Status(500, "down"), Reply::Status(500, "down")});
  net::HttpClient client(Quick(), "test", NoSleep);
  HuggingFaceSyncReport r = SyncHuggingFace(*corpus_, client, server_.url("/api"),
                                            {"2026-11-30", "2026-12-01", "2026-12-02"});
  EXPECT_FALSE(r.numbers.stopped.ok());
  EXPECT_THAT(r.read, ElementsAre("2026-11-30"));
  EXPECT_THAT(r.left, ElementsAre("2026-12-01", "2026-12-02"));
  EXPECT_EQ(r.numbers.asked, 18u);
  EXPECT_EQ(corpus_->State(kHuggingFaceDayState).value(), "2026-11-30");
  EXPECT_EQ(server_.Requests()[0].target, "/api/daily_papers?date=2026-11-30");
}

}  // namespace
}  // namespace paperdeck::feed
