// Pulls from arXiv started through the API and run in the server's background, against a
// loopback server replaying recorded arXiv pages: 202 and the pull's id, its progress as it
// happens (pages, papers, the wait a Retry-After imposes), the papers found by the next search
// marked new, what a stopped pull kept; one run at a time per data directory (409 naming the
// running pull, or the other process holding the lock); and the writes a hostile page could
// send, refused before anything is asked of arXiv.
#include <stdlib.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "feed/replay_server.h"
#include "http/loopback_api.h"
#include "http/pull_jobs.h"
#include "support/quoting.h"
#include "workspace/run_lock.h"
#include "workspace/workspace.h"

namespace paperdeck::http {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::paperdeck::testing::PercentEncode;
using ::paperdeck::testing::ReadWire;
using ::paperdeck::testing::Reply;
using ::paperdeck::testing::ReplayServer;
using json = nlohmann::json;
using namespace std::chrono_literals;

// Ten papers matching "testing" (cs.SE and others), as arXiv answered.
const std::string kPage = "arxiv_api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml";

class PullApiTest : public LoopbackApiTest {
 protected:
  void SetUp() override {
    // The server reads the sources' settings at each pull: these point it at the replay server.
    setenv("PAPERDECK_ARXIV_API_URL", arxiv_.url().c_str(), 1);
    setenv("PAPERDECK_TEST_ARXIV_INTERVAL_MS", "50", 1);
    setenv("PAPERDECK_HTTP_ATTEMPTS", "2", 1);
    setenv("PAPERDECK_HTTP_BACKOFF", "0.01", 1);
    LoopbackApiTest::SetUp();
  }
  void TearDown() override {
    LoopbackApiTest::TearDown();
    for (const char* v : {"PAPERDECK_ARXIV_API_URL", "PAPERDECK_TEST_ARXIV_INTERVAL_MS",
                          "PAPERDECK_HTTP_ATTEMPTS", "PAPERDECK_HTTP_BACKOFF"}) {
      unsetenv(v);
    }
  }

  // POST /api/pulls as the page sends it.
  Answer StartPull(const json& body) { return Write("POST", "/api/pulls", body); }

  // Polls the pull until it is no longer running; every answer seen is kept in seen.
  json WaitFor(int64_t id, std::vector<json>* seen = nullptr) {
    auto deadline = std::chrono::steady_clock::now() + 30s;
    for (;;) {
      Answer a = Get("/api/pulls/" + std::to_string(id));
      EXPECT_EQ(a.status, 200) << a.body.dump();
      if (seen) seen->push_back(a.body);
      if (a.status != 200 || a.body["state"] != "running") return a.body;
      if (std::chrono::steady_clock::now() > deadline) {
        ADD_FAILURE() << "the pull is still running: " << a.body.dump();
        return a.body;
      }
      std::this_thread::sleep_for(20ms);
    }
  }

  ReplayServer arxiv_;  // made before the server, gone after it
};

TEST_F(PullApiTest, APullRunsInTheBackgroundAndTheNextSearchFindsItsPapersMarkedNew) {
  arxiv_.Script({Reply::Fail(Reply::Fault::kSlow, ReadWire(kPage), 400ms)});
  Answer started = StartPull({{"query", "testing cat:cs.SE"}, {"max", 10}});
  ASSERT_EQ(started.status, 202) << started.body.dump();
  const int64_t id = started.body["id"];
  EXPECT_GE(id, 1);
  EXPECT_EQ(started.body["state"], "running");
  EXPECT_EQ(started.body["query"], "testing cat:cs.SE");
  EXPECT_EQ(started.body["remote_query"], "all:testing AND cat:cs.SE");
  EXPECT_EQ(started.body["added"], 0);

  std::vector<json> seen;
  json done = WaitFor(id, &seen);
  EXPECT_EQ(seen.front()["state"], "running");  // the answer came while arXiv was still slow
  ASSERT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["pages"], 1);
  EXPECT_EQ(done["fetched"], 10);
  EXPECT_EQ(done["added"], 10);
  EXPECT_EQ(done["updated"], 0);
  EXPECT_EQ(done["error"], nullptr);
  EXPECT_EQ(done["kept"], nullptr);
  EXPECT_EQ(done["waiting"], nullptr);
  EXPECT_NE(done["finished_at"], nullptr);
  ASSERT_EQ(done["added_ids"].size(), 10u);
  EXPECT_THAT(done["added_ids"], Contains("2202.12139"));
  ASSERT_EQ(arxiv_.Requests().size(), 1u);
  EXPECT_THAT(arxiv_.Requests()[0].target,
              HasSubstr("search_query=all%3Atesting%20AND%20cat%3Acs.SE"));
  EXPECT_THAT(arxiv_.Requests()[0].Header("user-agent"), HasSubstr("paperdeck/"));

  // The index caught up before the pull said it was done: the next search finds the papers.
  Answer search = Get("/api/search?q=" + PercentEncode("testing cat:cs.SE") + "&limit=50");
  ASSERT_EQ(search.status, 200);
  bool found = false;
  for (const json& hit : search.body["results"]) {
    if (hit["id"] != "2202.12139") continue;
    found = true;
    EXPECT_EQ(hit["new"], true);
    EXPECT_EQ(hit["card"]["signal"], "new");
  }
  EXPECT_TRUE(found) << search.body.dump();

  // The run is recorded like a `paperdeck pull`.
  Answer stats = Get("/api/stats");
  EXPECT_EQ(stats.body["papers"], 45);
  auto corpus = workspace_->Corpus();
  ASSERT_TRUE(corpus.ok());
  auto pulls = (*corpus)->RecentPulls(5);
  ASSERT_TRUE(pulls.ok());
  ASSERT_EQ(pulls->size(), 1u);
  EXPECT_EQ((*pulls)[0].query, "testing cat:cs.SE");
  EXPECT_EQ((*pulls)[0].added, 10u);
}

TEST_F(PullApiTest, ASecondPullWhileOneRunsIsToldWhichOneAndCanWatchIt) {
  arxiv_.Script({Reply::Fail(Reply::Fault::kSlow, ReadWire(kPage), 800ms)});
  Answer first = StartPull({{"query", "testing"}, {"max", 10}});
  ASSERT_EQ(first.status, 202) << first.body.dump();
  Answer second = StartPull({{"query", "mamba"}});
  EXPECT_EQ(second.status, 409) << second.body.dump();
  EXPECT_EQ(second.body["running"], first.body["id"]);
  EXPECT_THAT(second.body["error"].get<std::string>(), HasSubstr("\"testing\" is running"));
  json done = WaitFor(first.body["id"]);
  EXPECT_EQ(done["state"], "done");
  EXPECT_EQ(arxiv_.Requests().size(), 1u);  // the refused pull asked nothing

  // Once it has ended, the next pull starts.
  arxiv_.Script({Reply::Ok(ReadWire(kPage))});
  Answer third = StartPull({{"query", "testing"}, {"max", 10}});
  ASSERT_EQ(third.status, 202) << third.body.dump();
  EXPECT_GT(third.body["id"].get<int64_t>(), first.body["id"].get<int64_t>());
  json again = WaitFor(third.body["id"]);
  EXPECT_EQ(again["state"], "done");
  EXPECT_EQ(again["added"], 0);      // nothing is stored twice
  EXPECT_EQ(again["unchanged"], 10);
  EXPECT_EQ(again["added_ids"], json::array());
}

TEST_F(PullApiTest, AnotherProcessesRunHoldingTheDataDirectoryIsNamed) {
  // `paperdeck sync` in another process holds the run lock (the lock file names it).
  auto held = workspace::RunLock::Acquire(workspace_->root(), "sync");
  ASSERT_TRUE(held.ok()) << held.status().message();
  Answer refused = StartPull({{"query", "testing"}});
  EXPECT_EQ(refused.status, 409) << refused.body.dump();
  EXPECT_EQ(refused.body["running"], nullptr);
  EXPECT_THAT(refused.body["error"].get<std::string>(), HasSubstr("pid " + std::to_string(::getpid())));
  EXPECT_THAT(refused.body["error"].get<std::string>(), HasSubstr("sync"));
  EXPECT_TRUE(arxiv_.Requests().empty());
  held->reset();

  arxiv_.Script({Reply::Ok(ReadWire(kPage))});
  Answer started = StartPull({{"query", "testing"}, {"max", 10}});
  ASSERT_EQ(started.status, 202) << started.body.dump();
  EXPECT_EQ(WaitFor(started.body["id"])["state"], "done");
}

TEST_F(PullApiTest, ARetryAfterIsShownAsAWaitWhileItHolds) {
  arxiv_.Script({Reply::Status(503, "busy", {{"Retry-After", "1"}, {"Content-Type", "text/plain"}}),
                 Reply::Ok(ReadWire(kPage))});
  Answer started = StartPull({{"query", "testing"}, {"max", 10}});
  ASSERT_EQ(started.status, 202) << started.body.dump();
  std::vector<json> seen;
  json done = WaitFor(started.body["id"], &seen);
  EXPECT_EQ(done["state"], "done") << done.dump();
  EXPECT_EQ(done["added"], 10);
  bool waited = false;
  for (const json& s : seen) {
    if (!s["waiting"].is_string()) continue;
    waited = true;
    EXPECT_THAT(s["waiting"].get<std::string>(), HasSubstr("HTTP 503 (retry after 1 s); waiting 1 s"));
  }
  EXPECT_TRUE(waited) << "no answer showed the wait";
  EXPECT_EQ(done["waiting"], nullptr);
  ASSERT_EQ(arxiv_.Requests().size(), 2u);
  EXPECT_GE(arxiv_.MinGap(), 1000ms);
}

TEST_F(PullApiTest, StoppingTheServerEndsARunningPullAtItsNextWaitKeepingWhatCame) {
  arxiv_.Script({Reply::Status(503, "busy", {{"Retry-After", "60"}, {"Content-Type", "text/plain"}}),
                 Reply::Ok(ReadWire(kPage))});
  Answer started = StartPull({{"query", "testing"}, {"max", 20}});
  ASSERT_EQ(started.status, 202) << started.body.dump();
  const std::string progress = "/api/pulls/" + std::to_string(started.body["id"].get<int64_t>());
  for (int i = 0; i < 250 && !Get(progress).body["waiting"].is_string(); ++i) std::this_thread::sleep_for(20ms);
  ASSERT_TRUE(Get(progress).body["waiting"].is_string());

  EXPECT_EQ(Get(progress).body["state"], "running");
  auto before = std::chrono::steady_clock::now();
  StopServer();  // waits for the pull
  EXPECT_LT(std::chrono::steady_clock::now() - before, 10s);
  // The pull asked no more pages once told to stop, and recorded what it did.
  EXPECT_LE(arxiv_.Requests().size(), 2u);
  auto corpus = workspace_->Corpus();
  ASSERT_TRUE(corpus.ok());
  auto pulls = (*corpus)->RecentPulls(1);
  ASSERT_TRUE(pulls.ok());
  ASSERT_EQ(pulls->size(), 1u);
  EXPECT_EQ((*pulls)[0].query, "testing");
}

TEST_F(PullApiTest, AStoppedPullSaysWhatStoppedItAndWhatWasKept) {
  setenv("PAPERDECK_HTTP_ATTEMPTS", "1", 1);
  arxiv_.Script({Reply::Ok(ReadWire(kPage))});
  arxiv_.Fallback(Reply::Status(503, "down", {{"Content-Type", "text/plain"}}));
  Answer started = StartPull({{"query", "testing"}, {"max", 20}});
  ASSERT_EQ(started.status, 202) << started.body.dump();
  json failed = WaitFor(started.body["id"]);
  EXPECT_EQ(failed["state"], "failed") << failed.dump();
  EXPECT_THAT(failed["error"].get<std::string>(), HasSubstr("HTTP 503"));
  EXPECT_EQ(failed["kept"], "10 papers stored before the problem are kept");
  EXPECT_EQ(failed["pages"], 1);
  EXPECT_EQ(failed["added_ids"].size(), 10u);
  // What was kept is in the corpus and the index.
  Answer search = Get("/api/search?q=" + PercentEncode("title:testing deep learning models"));
  EXPECT_GE(search.body["total"].get<int>(), 1) << search.body.dump();
  auto corpus = workspace_->Corpus();
  ASSERT_TRUE(corpus.ok());
  auto pulls = (*corpus)->RecentPulls(1);
  ASSERT_TRUE(pulls.ok());
  ASSERT_EQ(pulls->size(), 1u);
  EXPECT_THAT((*pulls)[0].message, HasSubstr("HTTP 503"));
}

TEST_F(PullApiTest, AQueryArxivCannotBeAskedIsRefusedAtOnce) {
  Answer empty = StartPull({{"query", "  "}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(empty.body["param"], "query");
  Answer library_only = StartPull({{"query", "tag:thesis"}});
  EXPECT_EQ(library_only.status, 400) << library_only.body.dump();
  EXPECT_EQ(library_only.body["param"], "query");
  EXPECT_EQ(StartPull({{"query", "x"}, {"max", 0}}).status, 400);
  EXPECT_EQ(StartPull({{"query", "x"}, {"max", 5000}}).status, 400);
  EXPECT_EQ(StartPull({{"query", 12}}).status, 400);
  EXPECT_EQ(StartPull({{"q", "x"}}).status, 400);
  EXPECT_EQ(Get("/api/pulls/7").status, 404);
  EXPECT_EQ(Get("/api/pulls/abc").status, 400);
  EXPECT_EQ(Get("/api/pulls/0").status, 400);
  EXPECT_TRUE(arxiv_.Requests().empty());
}

TEST_F(PullApiTest, WritesAHostilePageCouldSendStartNoPull) {
  const std::string body = json{{"query", "testing"}}.dump();
  // Another site's page: the browser sends its Origin.
  EXPECT_EQ(Send("POST", "/api/pulls", body,
                 {"Host: " + self_, "Origin: http://evil.example", "Content-Type: application/json"})
                .status,
            403);
  // A name rebound to 127.0.0.1 (DNS rebinding) sends its own Host.
  EXPECT_EQ(Send("POST", "/api/pulls", body,
                 {"Host: evil.example:" + std::to_string(port_), "Origin: http://evil.example:" +
                  std::to_string(port_), "Content-Type: application/json"})
                .status,
            403);
  // A form can send no JSON.
  EXPECT_EQ(Send("POST", "/api/pulls", "query=testing",
                 {"Host: " + self_, "Content-Type: application/x-www-form-urlencoded"})
                .status,
            415);
  EXPECT_EQ(Send("POST", "/api/pulls", body, {"Host: " + self_, "Content-Type: text/plain"}).status,
            415);
  // JSON in name only.
  Answer not_json = Send("POST", "/api/pulls", "query=testing",
                         {"Host: " + self_, "Content-Type: application/json"});
  EXPECT_EQ(not_json.status, 400);
  EXPECT_THAT(not_json.body["error"].get<std::string>(), HasSubstr("not valid JSON"));
  EXPECT_TRUE(arxiv_.Requests().empty());
  EXPECT_EQ(Get("/api/pulls/1").status, 404);
}

TEST_F(PullApiTest, TheServerKeepsTheLastFinishedPullsOnly) {
  arxiv_.Fallback(Reply::Ok(ReadWire(kPage)));
  std::vector<int64_t> ids;
  for (size_t i = 0; i < PullJobs::kFinishedKept + 1; ++i) {
    Answer started = StartPull({{"query", "testing"}, {"max", 10}});
    ASSERT_EQ(started.status, 202) << started.body.dump();
    ids.push_back(started.body["id"]);
    EXPECT_EQ(WaitFor(ids.back())["state"], "done");
  }
  Answer last = StartPull({{"query", "testing"}, {"max", 10}});
  ASSERT_EQ(last.status, 202);
  WaitFor(last.body["id"]);
  // Started with kFinishedKept + 1 finished: the oldest is forgotten.
  EXPECT_EQ(Get("/api/pulls/" + std::to_string(ids[0])).status, 404);
  EXPECT_EQ(Get("/api/pulls/" + std::to_string(ids[1])).status, 200);
  EXPECT_EQ(Get("/api/pulls/" + std::to_string(last.body["id"].get<int64_t>())).status, 200);
}

}  // namespace
}  // namespace paperdeck::http
