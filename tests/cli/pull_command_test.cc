// `paperdeck pull` and `paperdeck status` as a person runs them, against a loopback server
// replaying recorded arXiv pages; then `paperdeck search` finds what was pulled.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"
#include "feed/replay_server.h"
#include "support/quoting.h"
#include "support/temp_dir.h"

namespace paperdeck::feed {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using paperdeck::e2e::ReadFile;
using paperdeck::e2e::RunPaperdeck;
using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using paperdeck::testing::ShellQuote;
using paperdeck::testing::TempDir;

const std::string kPage1 = "arxiv_api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml";

// Points the commands this test runs at server, with a short arXiv gap set explicitly.
class SourceEnv {
 public:
  explicit SourceEnv(const ReplayServer& server) {
    setenv("PAPERDECK_ARXIV_API_URL", server.url().c_str(), 1);
    setenv("PAPERDECK_TEST_ARXIV_INTERVAL_MS", "50", 1);
    setenv("PAPERDECK_HTTP_ATTEMPTS", "2", 1);
    setenv("PAPERDECK_HTTP_BACKOFF", "0.01", 1);
  }
  ~SourceEnv() {
    for (const char* v : {"PAPERDECK_ARXIV_API_URL", "PAPERDECK_TEST_ARXIV_INTERVAL_MS",
                          "PAPERDECK_HTTP_ATTEMPTS", "PAPERDECK_HTTP_BACKOFF"}) {
      unsetenv(v);
    }
  }
};

TEST(PullCommandTest, PulledPapersAreFoundBySearchWithCategoriesDatesAndNewMarks) {
  TempDir dir;
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPage1))});
  SourceEnv env(server);
  auto pull = RunPaperdeck(dir.path() / "data", {"pull", "testing cat:cs.SE", "--max", "10"});
  ASSERT_EQ(pull.exit_code, 0) << pull.err;
  EXPECT_THAT(pull.out, HasSubstr("+ 2202.12139v1  2022-02-24  Testing Deep Learning Models"));
  EXPECT_THAT(pull.out, HasSubstr("10 fetched (10 added, 0 updated, 0 unchanged)"));
  EXPECT_THAT(pull.out, HasSubstr("index: 10 papers indexed"));
  ASSERT_EQ(server.Requests().size(), 1u);
  EXPECT_THAT(server.Requests()[0].target, HasSubstr("search_query=all%3Atesting%20AND%20cat%3Acs.SE"));

  auto search = RunPaperdeck(dir.path() / "data", {"search", "cat:cs.SE testing", "--json"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  nlohmann::json j = nlohmann::json::parse(search.out);
  bool found = false;
  for (const auto& hit : j["results"]) {
    if (hit["id"] != "2202.12139") continue;
    found = true;
    EXPECT_EQ(hit["categories"], nlohmann::json::array({"cs.SE", "cs.LG"}));
    EXPECT_EQ(hit["date"], "2022-02-24");
    EXPECT_EQ(hit["year"], 2022);
    EXPECT_EQ(hit["new"], true);
  }
  EXPECT_TRUE(found) << search.out;

  auto status = RunPaperdeck(dir.path() / "data", {"status"});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_THAT(status.out, HasSubstr("10 papers"));
  EXPECT_THAT(status.out, HasSubstr("arxiv-api  \"testing cat:cs.SE\"  10 fetched: 10 added"));
  EXPECT_THAT(status.out, HasSubstr(server.url()));
}

TEST(PullCommandTest, TwoPullsRunAtOnceKeepTheGapBetweenTheirRequests) {
  TempDir dir;
  ReplayServer server;
  server.Fallback(Reply::Ok(ReadWire(kPage1)));
  SourceEnv env(server);
  setenv("PAPERDECK_TEST_ARXIV_INTERVAL_MS", "700", 1);  // shortened explicitly, as SourceEnv
  const std::string data = (dir.path() / "data").string();
  // The corpus exists already: this test is about the arXiv gap, not two first opens at once.
  ASSERT_EQ(RunPaperdeck(dir.path() / "data", {"status"}).exit_code, 0);
  auto pull = [&](const char* query) {
    return ShellQuote(PAPERDECK_BINARY) + " --data " + ShellQuote(data) + " pull " +
           ShellQuote(query) + " --max 10 >/dev/null 2>>" + ShellQuote(data + "/pull.err");
  };
  // Two processes, started together: only the lock file in the data directory can space them.
  std::string both = "(" + pull("testing") + " & " + pull("testing cat:cs.SE") + " & wait)";
  ASSERT_EQ(std::system(both.c_str()), 0);
  ASSERT_EQ(server.Requests().size(), 2u) << ReadFile(dir.path() / "data" / "pull.err");
  EXPECT_GE(server.MinGap(), std::chrono::milliseconds(700));
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "data" / "arxiv.lock"));
}

TEST(PullCommandTest, AStoppedPullSaysWhatWasKeptAndStatusShowsWhy) {
  TempDir dir;
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kPage1))});
  server.Fallback(Reply::Status(
      503, ReadWire("arxiv_oai/paperhive_ListRecords_503_retry_after.body.html"),
      {{"Retry-After", "1"}, {"Content-Type", "text/html"}}));
  SourceEnv env(server);
  auto pull = RunPaperdeck(dir.path() / "data", {"pull", "testing", "--max", "20"});
  EXPECT_EQ(pull.exit_code, 3) << pull.err;
  EXPECT_THAT(pull.err, HasSubstr("HTTP 503 (retry after 1 s); waiting 1.0 s"));
  EXPECT_THAT(pull.err, HasSubstr("stopped: arXiv: GET"));
  EXPECT_THAT(pull.err, HasSubstr("10 papers stored before the problem are kept"));
  EXPECT_THAT(pull.out, HasSubstr("index: 10 papers indexed"));

  auto status = RunPaperdeck(dir.path() / "data", {"status"});
  EXPECT_THAT(status.out, HasSubstr("stopped: arXiv: GET"));
  EXPECT_THAT(status.out, HasSubstr("HTTP 503"));
}

TEST(PullCommandTest, AHarvestIsSearchableAndAStoppedOneResumesOnTheNextRun) {
  TempDir dir;
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire("arxiv_oai/mikesaelim_arXivRaw_ListRecordsResponse.xml"))});
  server.Fallback(Reply::Fail(Reply::Fault::kReset));
  SourceEnv env(server);
  setenv("PAPERDECK_ARXIV_OAI_URL", server.url("/oai").c_str(), 1);
  auto first = RunPaperdeck(dir.path() / "data", {"harvest", "--format", "arXivRaw"});
  EXPECT_EQ(first.exit_code, 3) << first.err;
  EXPECT_THAT(first.out, HasSubstr("1 pages, 6 records (6 added"));
  EXPECT_THAT(first.err, HasSubstr("the same harvest resumes after them"));

  server.Script({Reply::Ok(
      ReadWire("arxiv_oai/paperhive_ListRecords_arXiv_2015-01-01_2015-01-03.body.xml"))});
  auto second = RunPaperdeck(dir.path() / "data", {"harvest", "--format", "arXivRaw"});
  unsetenv("PAPERDECK_ARXIV_OAI_URL");
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("(resumed): 1 pages, 2 records (2 added"));
  EXPECT_THAT(second.out, HasSubstr("the list is complete"));
  EXPECT_THAT(server.Requests().back().target, HasSubstr("resumptionToken=726959%7C1001"));

  auto search = RunPaperdeck(dir.path() / "data", {"search", "Kochen-Specker", "--json"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  nlohmann::json j = nlohmann::json::parse(search.out);
  ASSERT_FALSE(j["results"].empty()) << search.out;
  EXPECT_EQ(j["results"][0]["id"], "1412.8544");
  EXPECT_EQ(j["results"][0]["categories"], nlohmann::json::array({"cs.DM"}));
  EXPECT_EQ(j["results"][0]["new"], false);

  auto status = RunPaperdeck(dir.path() / "data", {"status"});
  EXPECT_THAT(status.out, HasSubstr("arxiv-oai  \"harvest arXivRaw"));
}

TEST(PullCommandTest, BadArgumentsAreRefusedBeforeAnyRequest) {
  TempDir dir;
  ReplayServer server;
  SourceEnv env(server);
  auto bad_since = RunPaperdeck(dir.path() / "data", {"pull", "mamba", "--since", "June"});
  EXPECT_EQ(bad_since.exit_code, 2);
  EXPECT_THAT(bad_since.err, HasSubstr("--since wants a date like 2026-06-01"));
  auto exclusions = RunPaperdeck(dir.path() / "data", {"pull", "NOT vision"});
  EXPECT_EQ(exclusions.exit_code, 2);
  EXPECT_THAT(exclusions.err, HasSubstr("arXiv cannot search for papers *without*"));
  EXPECT_TRUE(server.Requests().empty());
}

}  // namespace
}  // namespace paperdeck::feed
