// Pulls from a loopback server replaying recorded arXiv answers into a real corpus: paging,
// merging (never twice, newer versions update), `new` marks, and every fault ending with a
// clear message, keeping the pages committed before it, and a rerun completing the pull.
#include "feed/arxiv_pull.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>

#include "feed/replay_server.h"
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

// 10 entries of 214881 (current layout), and 10 other entries of 31 (2016 layout).
const std::string kPage1 = "arxiv_api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml";
const std::string kPage2 = "arxiv_api/arxivpy_2016_search_query_au_del_maestro.xml";
const std::string k503 = "arxiv_oai/paperhive_ListRecords_503_retry_after.body.html";

// The recorded page 1 with its entries taken out: what arXiv's empty pages look like.
std::string EmptyPage() {
  std::string page = ReadWire(kPage1);
  size_t first = page.find("<entry>");
  size_t end = page.rfind("</entry>") + std::string("</entry>").size();
  return page.erase(first, end - first);
}

class ArxivPullTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = library::Corpus::Open(dir_.path() / "data");
    ASSERT_TRUE(c.ok()) << c.status().message();
    corpus_ = std::move(c).value();
  }

  // A short gap, set explicitly (the real 3 s is kept in net's RateLimitTest and below).
  static net::SourcePolicy TestPolicy() {
    net::SourcePolicy p;
    p.name = "arXiv";
    p.min_interval = 30ms;
    p.max_attempts = 2;
    p.first_backoff = 1ms;
    p.timeout = 400ms;
    return p;
  }

  ArxivPullReport Pull(ReplayServer& server, int max = 20, std::string query = "testing") {
    net::HttpClient client(TestPolicy(), net::UserAgent(""),
                           [this](std::chrono::milliseconds d, const std::string&) {
                             waits_.push_back(d);
                           });
    ArxivPullOptions o;
    o.query = std::move(query);
    o.max_results = max;
    o.page_size = 10;
    o.api_url = server.url();
    return PullFromArxiv(*corpus_, client, o, [this](const PulledPaper& p) { seen_.push_back(p); });
  }

  uint64_t Papers() { return corpus_->Stats().value().papers; }
  PaperRecord Paper(const std::string& id) {
    auto p = corpus_->Find(id);
    EXPECT_TRUE(p.ok() && p->has_value()) << id;
    return p.ok() && p->has_value() ? (**p).record : PaperRecord();
  }

  TempDir dir_;
  std::unique_ptr<library::Corpus> corpus_;
  std::vector<std::chrono::milliseconds> waits_;
  std::vector<PulledPaper> seen_;
};

TEST_F(ArxivPullTest, TwoPagesAreFetchedInTurnAndStoredAsNewPapers) {
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPage1)), Reply::Ok(ReadWire(kPage2))});
  ArxivPullReport r = Pull(server);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.remote_query, "all:testing");
  EXPECT_EQ(r.fetched, 20u);
  EXPECT_EQ(r.added, 20u);
  EXPECT_EQ(Papers(), 20u);
  auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_THAT(requests[0].target, HasSubstr("search_query=all%3Atesting&start=0&max_results=10"));
  EXPECT_THAT(requests[1].target, HasSubstr("&start=10&max_results=10"));
  EXPECT_THAT(requests[0].target, HasSubstr("sortBy=submittedDate&sortOrder=descending"));
  EXPECT_GE(server.MinGap(), 30ms);

  PaperRecord p = Paper("2202.12139");
  EXPECT_TRUE(p.is_new);
  EXPECT_THAT(p.categories, ElementsAre("cs.SE", "cs.LG"));
  EXPECT_EQ(p.published, "2022-02-24");
  ASSERT_EQ(p.versions.size(), 1u);
  EXPECT_EQ(p.versions[0].name, "v1");
  EXPECT_EQ(seen_.size(), 20u);
  EXPECT_EQ(seen_[0].change, PulledPaper::Change::kAdded);
}

TEST_F(ArxivPullTest, ProgressIsToldAfterEachPageAndMayFetchHoldsThePullBetweenPages) {
  ReplayServer server;
  server.Fallback(Reply::Ok(ReadWire(kPage1)));
  net::HttpClient client(TestPolicy(), net::UserAgent(""));
  ArxivPullOptions o;
  o.query = "testing";
  o.max_results = 30;
  o.page_size = 10;
  o.api_url = server.url();
  int asked = 0;
  o.may_fetch = [&] { return ++asked <= 2; };  // two pages, then the caller says stop
  std::vector<std::pair<uint64_t, uint64_t>> pages;  // (pages, fetched) after each page
  std::vector<std::string> papers;
  ArxivPullProgress progress;
  progress.on_paper = [&](const PulledPaper& p) { papers.push_back(p.arxiv_id); };
  progress.on_page = [&](const ArxivPullReport& r) {
    pages.push_back({r.pages, r.fetched});
    EXPECT_EQ(Papers(), r.added);  // told once the page is committed
  };
  ArxivPullReport r = PullFromArxiv(*corpus_, client, o, progress);
  EXPECT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_TRUE(r.held);
  EXPECT_EQ(server.Requests().size(), 2u);
  EXPECT_EQ(r.pages, 2u);
  using Seen = std::pair<uint64_t, uint64_t>;
  EXPECT_THAT(pages, ElementsAre(Seen{1, 10}, Seen{2, 20}));
  EXPECT_EQ(papers.size(), 20u);
  EXPECT_EQ(r.added, 10u);  // the same page twice: its papers stored once
  EXPECT_EQ(r.unchanged, 10u);
}

TEST_F(ArxivPullTest, EachPageIsStoredInOneBatchOneRevisionAPage) {
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPage1)), Reply::Ok(ReadWire(kPage2))});
  ArxivPullReport r = Pull(server);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.added, 20u);
  EXPECT_EQ(corpus_->Revision().value(), 2) << "two pages, two batches, not 20";
  // The ten papers of the first page share its revision.
  std::map<int64_t, int> per_revision;
  ASSERT_TRUE(corpus_->ChangedSince(0, [&](const library::StoredPaper& p) {
    ++per_revision[p.revision];
    return true;
  }).ok());
  EXPECT_THAT(per_revision, ElementsAre(std::pair<const int64_t, int>(1, 10),
                                        std::pair<const int64_t, int>(2, 10)));
  // Each paper is still told, in page order.
  ASSERT_EQ(seen_.size(), 20u);
  EXPECT_EQ(seen_[0].arxiv_id, "2202.12139");
}

TEST_F(ArxivPullTest, PullingAgainStoresNothingTwiceAndClearsTheNewMarks) {
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPage1)), Reply::Ok(ReadWire(kPage2)),
                 Reply::Ok(ReadWire(kPage1)), Reply::Ok(ReadWire(kPage2))});
  ASSERT_TRUE(Pull(server).stopped.ok());
  ArxivPullReport again = Pull(server);
  ASSERT_TRUE(again.stopped.ok()) << again.stopped.message();
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 20u);
  EXPECT_EQ(Papers(), 20u);
  EXPECT_FALSE(Paper("2202.12139").is_new);  // new in the first pull, not the second
}

TEST_F(ArxivPullTest, ANewerVersionUpdatesThePaperAndAnOlderOneChangesNothing) {
  std::string v1 = ReadWire(kPage1);
  std::string v2 = v1;
  for (size_t at; (at = v2.find("2202.12139v1")) != std::string::npos;) v2.replace(at, 12, "2202.12139v2");
  v2.replace(v2.find("Testing Deep Learning Models:"), 29, "Testing Deep Learning Models (revised):");
  ReplayServer server;
  server.Script({Reply::Ok(v1), Reply::Ok(v2), Reply::Ok(v1)});
  ASSERT_TRUE(Pull(server, 10).stopped.ok());
  ArxivPullReport update = Pull(server, 10);
  ASSERT_TRUE(update.stopped.ok());
  EXPECT_EQ(update.updated, 1u);
  EXPECT_EQ(update.added, 0u);
  PaperRecord p = Paper("2202.12139");
  EXPECT_THAT(p.title, HasSubstr("(revised)"));
  ASSERT_EQ(p.versions.size(), 2u);
  EXPECT_EQ(p.versions[1].name, "v2");
  auto updated = std::find_if(seen_.begin(), seen_.end(), [](const PulledPaper& x) {
    return x.change == PulledPaper::Change::kUpdated;
  });
  ASSERT_NE(updated, seen_.end());
  EXPECT_EQ(updated->previous_version, 1);
  EXPECT_EQ(updated->version, 2);

  ArxivPullReport stale = Pull(server, 10);
  ASSERT_TRUE(stale.stopped.ok());
  EXPECT_EQ(stale.updated, 0u);
  EXPECT_THAT(Paper("2202.12139").title, HasSubstr("(revised)"));
  EXPECT_EQ(Papers(), 10u);
}

TEST_F(ArxivPullTest, ZeroResultsIsAFinishedPullThatAddsNothing) {
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire("arxiv_api/arxivpy_id_0000.0000_s0_m100_8b51d9633a68.body.xml"))});
  ArxivPullReport r = Pull(server);
  EXPECT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.total_results, 0);
  EXPECT_EQ(r.fetched, 0u);
  EXPECT_EQ(server.Requests().size(), 1u);
}

TEST_F(ArxivPullTest, ArxivsErrorFeedForABadIdIsShownAsArxivWroteIt) {
  ReplayServer server;
  server.Script({Reply::Status(400, ReadWire("arxiv_api/arxivpy_id_abc_s0_m100_b79c8dcf6bc3.body.xml"))});
  ArxivPullReport r = Pull(server);
  ASSERT_FALSE(r.stopped.ok());
  EXPECT_EQ(r.stopped.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(r.stopped.message(), "arXiv refused the query: incorrect id format for abc");
}

TEST_F(ArxivPullTest, AnEmptyPageBeforeTheEndIsAskedForAgain) {
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPage1)), Reply::Ok(EmptyPage()), Reply::Ok(ReadWire(kPage2))});
  ArxivPullReport r = Pull(server);
  ASSERT_TRUE(r.stopped.ok()) << r.stopped.message();
  EXPECT_EQ(r.fetched, 20u);
  EXPECT_THAT(r.issues, ElementsAre(HasSubstr("empty page at start=10 of 214881; asking again")));
  auto requests = server.Requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[1].target, requests[2].target);
}

TEST_F(ArxivPullTest, EmptyPagesThatNeverEndStopWithAMessageAndKeepWhatCame) {
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPage1))});
  server.Fallback(Reply::Ok(EmptyPage()));
  ArxivPullReport r = Pull(server);
  ASSERT_FALSE(r.stopped.ok());
  EXPECT_THAT(r.stopped.message(), HasSubstr("kept returning empty pages at start=10"));
  EXPECT_EQ(Papers(), 10u);
}

TEST_F(ArxivPullTest, MalformedEntriesAreReportedAndTheGoodOnesStored) {
  std::string page = ReadWire(kPage1);
  size_t second = page.find("<id>", page.find("<entry>", page.find("<entry>") + 1));
  page.replace(second, page.find("</id>", second) - second, "<id>garbage");
  ReplayServer server;
  server.Script({Reply::Ok(page)});
  ArxivPullReport r = Pull(server, 10);
  ASSERT_TRUE(r.stopped.ok());
  EXPECT_EQ(r.fetched, 9u);
  EXPECT_THAT(r.issues, ElementsAre(HasSubstr("entry 2 (garbage): the <id> is not an arXiv id")));
  EXPECT_EQ(Papers(), 9u);
}

// Each fault on page 2: a clear message, page 1 kept, and a rerun completing the pull with
// nothing stored twice.
struct FaultCase {
  const char* name;
  std::vector<Reply> page2;  // the answers to page 2's attempts (the policy makes 2)
  const char* message;
};

class ArxivPullFaultTest : public ArxivPullTest,
                           public ::testing::WithParamInterface<int> {};

std::vector<FaultCase> Faults() {
  std::string cut = ReadWire(kPage2);
  cut.resize(cut.size() / 2);  // arrives whole as far as HTTP goes, stops mid-XML
  return {
      {"503", {Reply::Status(503, ReadWire(k503), {{"Retry-After", "10"}}),
               Reply::Status(503, ReadWire(k503), {{"Retry-After", "10"}})},
       "HTTP 503 (retry after 10 s) after 2 attempts"},
      {"429", {Reply::Status(429, "Rate exceeded.", {{"Retry-After", "5"}}),
               Reply::Status(429, "Rate exceeded.", {{"Retry-After", "5"}})},
       "HTTP 429 (retry after 5 s) after 2 attempts"},
      {"reset", {Reply::Fail(Reply::Fault::kReset), Reply::Fail(Reply::Fault::kReset)},
       "after 2 attempts"},
      {"cut XML", {Reply::Ok(cut), Reply::Ok(cut), Reply::Ok(cut), Reply::Ok(cut)},
       "not a complete Atom feed"},
      {"cut body", {Reply::Fail(Reply::Fault::kCutBody, ReadWire(kPage2)),
                    Reply::Fail(Reply::Fault::kCutBody, ReadWire(kPage2))},
       "after 2 attempts"},
      {"slow", {Reply::Fail(Reply::Fault::kSlow, ReadWire(kPage2), 900ms),
                Reply::Fail(Reply::Fault::kSlow, ReadWire(kPage2), 900ms)},
       "timed out"},
  };
}

TEST_P(ArxivPullFaultTest, AFaultOnPageTwoKeepsPageOneAndARerunCompletesThePull) {
  FaultCase f = Faults()[static_cast<size_t>(GetParam())];
  SCOPED_TRACE(f.name);
  ReplayServer server;
  std::vector<Reply> script = {Reply::Ok(ReadWire(kPage1))};
  for (Reply& r : f.page2) script.push_back(r);
  server.Script(script);
  ArxivPullReport broken = Pull(server);
  ASSERT_FALSE(broken.stopped.ok());
  EXPECT_THAT(broken.stopped.message(), HasSubstr(f.message));
  EXPECT_EQ(broken.added, 10u);
  EXPECT_EQ(Papers(), 10u);

  ReplayServer healthy;
  healthy.Script({Reply::Ok(ReadWire(kPage1)), Reply::Ok(ReadWire(kPage2))});
  ArxivPullReport rerun = Pull(healthy);
  ASSERT_TRUE(rerun.stopped.ok()) << rerun.stopped.message();
  EXPECT_EQ(rerun.added, 10u);
  EXPECT_EQ(Papers(), 20u);
  EXPECT_TRUE(Paper("2202.12139").is_new == false);
}

INSTANTIATE_TEST_SUITE_P(Faults, ArxivPullFaultTest, ::testing::Range(0, 6),
                         [](const ::testing::TestParamInfo<int>& i) {
                           std::string n = Faults()[static_cast<size_t>(i.param)].name;
                           for (char& c : n) if (c == ' ') c = '_';
                           return n;
                         });

}  // namespace
}  // namespace paperdeck::feed
