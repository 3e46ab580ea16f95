// `paperdeck sync` as a person (or cron) runs it, against loopback servers replaying recorded
// arXiv, Hugging Face and Semantic Scholar answers, with the clock set by PAPERDECK_NOW: the
// dry run's exact requests, papers added once, the gap between arXiv's requests, the quota
// meter, faults that keep what came before, the request cap, and one sync at a time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"
#include "feed/replay_server.h"
#include "library/corpus.h"
#include "support/quoting.h"
#include "support/temp_dir.h"

namespace paperdeck::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using paperdeck::e2e::CliResult;
using paperdeck::e2e::ReadFile;
using paperdeck::e2e::RunInput;
using paperdeck::e2e::RunPaperdeck;
using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using paperdeck::testing::ShellQuote;
using paperdeck::testing::TempDir;
using namespace std::chrono_literals;

// Ten entries (arXiv says 214881 match "testing"), then a page with none: the end of a window.
const std::string kPage = "arxiv_api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml";
const std::string kNoMore = "arxiv_api/arxivpy_id_0000.0000_s0_m100_8b51d9633a68.body.xml";
const std::string kDaily = "hf_daily_papers/daily_papers_2024-03-21.json";
const std::string k503 = "arxiv_oai/paperhive_ListRecords_503_retry_after.body.html";

// The first page of the two searches' combined request, 2026-11-25 10:00 to 2026-12-02 10:00.
const std::string kCombined =
    "search_query=%28%28ti%3Amamba%29%20OR%20%28all%3A%22state%20space%22%20AND%20cat%3Acs.LG%29"
    "%29%20AND%20submittedDate%3A%5B202611251000%20TO%20202612021000%5D&start=0&max_results=100"
    "&sortBy=submittedDate&sortOrder=descending";

class SyncCommandTest : public ::testing::Test {
 protected:
  // A saved search, as a person saves one.
  void Watch(const std::string& name, const std::string& query, bool pull = true) {
    std::vector<std::string> args = {"watch", "add", name, query};
    if (!pull) args.push_back("--no-pull");
    auto saved = RunPaperdeck(data(), args);
    ASSERT_EQ(saved.exit_code, 0) << saved.err;
  }
  std::unique_ptr<library::Corpus> Corpus() { return std::move(library::Corpus::Open(data())).value(); }

  // Every source on loopback; arXiv's gap shortened unless the test measures the real one.
  RunInput Env(const std::string& now, bool real_gap = false) {
    RunInput in;
    in.env = {"PAPERDECK_NOW=" + now,
              "PAPERDECK_ARXIV_API_URL=" + arxiv_.url(),
              "PAPERDECK_HF_API_URL=" + hf_.url("/api"),
              "PAPERDECK_S2_API_URL=" + scholar_.url("/graph/v1"),
              "PAPERDECK_HTTP_ATTEMPTS=2",
              "PAPERDECK_HTTP_BACKOFF=0.01"};
    if (!real_gap) in.env.push_back("PAPERDECK_TEST_ARXIV_INTERVAL_MS=50");
    return in;
  }
  CliResult Sync(std::vector<std::string> args, const RunInput& in) {
    args.insert(args.begin(), "sync");
    return RunPaperdeck(data(), args, in);
  }
  std::filesystem::path data() const { return dir_.path() / "data"; }

  TempDir dir_;
  ReplayServer arxiv_, hf_, scholar_;
};

TEST_F(SyncCommandTest, ADryRunPrintsTheRequestsItWouldMakeAndChangesNothing) {
  Watch("mamba", "title:mamba");
  Watch("ssm", "\"state space\" cat:cs.LG");
  Watch("mine", "tag:thesis", /*pull=*/false);
  auto dry = Sync({"--dry-run"}, Env("2026-12-02T10:00:00Z"));
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_THAT(dry.out, HasSubstr("arXiv (1 request; one at a time, 0 s apart"));
  EXPECT_THAT(dry.out, HasSubstr("  GET " + arxiv_.url() + "?" + kCombined + "\n"
                                 "      for mamba, ssm: submitted 2026-11-25 10:00 .. "
                                 "2026-12-02 10:00 UTC\n"));
  EXPECT_THAT(dry.out, HasSubstr("Hugging Face daily papers (7 days):\n"
                                 "  GET " + hf_.url("/api") + "/daily_papers?date=2026-11-26\n"));
  EXPECT_THAT(dry.out, HasSubstr("/daily_papers?date=2026-12-02\n"));
  EXPECT_THAT(dry.out, HasSubstr("Semantic Scholar (0 watched papers with numbers older than 7d, "
                                 "in 0 requests)"));
  EXPECT_TRUE(arxiv_.Requests().empty());
  EXPECT_TRUE(hf_.Requests().empty());
  EXPECT_TRUE(scholar_.Requests().empty());

  auto corpus = Corpus();
  for (const library::SavedSearch& s : corpus->SavedSearches().value()) {
    EXPECT_EQ(s.synced_at, "") << s.name;
  }
  EXPECT_TRUE(corpus->SourceUsageOn("2026-12-02").value().empty());
  EXPECT_EQ(corpus->Revision().value(), 0);
  EXPECT_FALSE(corpus->State("sync:huggingface-day").value().has_value());
  EXPECT_TRUE(corpus->RecentPulls(10).value().empty());
}

TEST_F(SyncCommandTest, PapersAreAddedOnceThreeSecondsApartAndTheMeterIsPrinted) {
  Watch("mamba", "title:mamba");
  Watch("ssm", "\"state space\" cat:cs.LG");
  arxiv_.Script({Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore)),
                 Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore))});
  auto first = Sync({"--no-hf", "--no-scholar"}, Env("2026-12-02T10:00:00Z", /*real_gap=*/true));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("+ 2202.12139v1  2022-02-24  Testing Deep Learning Models"));
  EXPECT_THAT(first.out,
              HasSubstr("arXiv: 10 fetched (10 added, 0 updated) in 2 requests; synced: mamba, ssm"));
  EXPECT_THAT(first.out, HasSubstr("index: 10 papers indexed"));
  EXPECT_THAT(first.out, HasSubstr("quota meter (2026-12-02 UTC; today / this run)"));
  EXPECT_THAT(first.out, HasSubstr("  arxiv                       2 / 2"));
  ASSERT_EQ(arxiv_.Requests().size(), 2u);
  EXPECT_EQ(arxiv_.Requests()[0].target, "/api/query?" + kCombined);
  EXPECT_THAT(arxiv_.Requests()[1].target, HasSubstr("&start=10&"));
  EXPECT_GE(arxiv_.MinGap(), 3000ms);

  // A day later: the window starts four days before the last sync; nothing is stored twice.
  auto second = Sync({"--no-hf", "--no-scholar"}, Env("2026-12-03T10:00:00Z", true));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_THAT(second.out, HasSubstr("arXiv: 10 fetched (0 added, 0 updated) in 2 requests"));
  EXPECT_THAT(second.out, Not(HasSubstr("  + ")));
  EXPECT_THAT(second.out, HasSubstr("quota meter (2026-12-03 UTC"));
  ASSERT_EQ(arxiv_.Requests().size(), 4u);
  EXPECT_THAT(arxiv_.Requests()[2].target,
              HasSubstr("submittedDate%3A%5B202611281000%20TO%20202612031000%5D"));
  EXPECT_GE(arxiv_.MinGap(), 3000ms);

  auto search = RunPaperdeck(data(), {"search", "*", "--json", "--limit", "50"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_EQ(nlohmann::json::parse(search.out)["total"], 10);

  auto stats = RunPaperdeck(data(), {"stats"}, Env("2026-12-03T12:00:00Z"));
  EXPECT_THAT(stats.out, HasSubstr("quota meter"));
  EXPECT_THAT(stats.out, HasSubstr("2026-12-03  arxiv"));
  auto stats_json = RunPaperdeck(data(), {"stats", "--json"}, Env("2026-12-03T12:00:00Z"));
  nlohmann::json j = nlohmann::json::parse(stats_json.out);
  ASSERT_EQ(j["quota"].size(), 1u) << stats_json.out;
  EXPECT_EQ(j["quota"][0]["source"], "arxiv");
  EXPECT_EQ(j["quota"][0]["requests"], 2);
  EXPECT_EQ(j["quota"][0]["day"], "2026-12-03");
}

TEST_F(SyncCommandTest, FaultsKeepWhatCameBeforeAndTheNextSyncCompletes) {
  Watch("mamba", "title:mamba");
  // 429 with Retry-After, the page, then 503s past the attempts: the first page is kept.
  arxiv_.Script({Reply::Status(429, "slow down", {{"Retry-After", "1"}}), Reply::Ok(ReadWire(kPage)),
                 Reply::Status(503, ReadWire(k503), {{"Retry-After", "1"}}),
                 Reply::Status(503, ReadWire(k503), {{"Retry-After", "1"}})});
  auto first = Sync({"--no-hf", "--no-scholar"}, Env("2026-12-02T10:00:00Z"));
  EXPECT_EQ(first.exit_code, 3) << first.err;
  EXPECT_THAT(first.err, HasSubstr("HTTP 429 (retry after 1 s); waiting 1.0 s"));
  EXPECT_THAT(first.err, HasSubstr("arXiv stopped: arXiv: GET"));
  EXPECT_THAT(first.err, HasSubstr("not synced, asked again by the next sync: mamba"));
  EXPECT_THAT(first.out, HasSubstr("10 fetched (10 added"));
  EXPECT_THAT(first.out, HasSubstr("index: 10 papers indexed"));
  EXPECT_EQ(Corpus()->FindSavedSearch("mamba").value()->synced_at, "");

  // A slow server past the timeout, a cut XML page, a reset mid-page: retried, and completed.
  // (The server answers one connection at a time: the retry is answered once the slow answer
  // is out, within its own timeout.)
  std::string page = ReadWire(kPage);
  arxiv_.Script({Reply::Fail(Reply::Fault::kSlow, page, 1500ms),
                 Reply::Ok(page.substr(0, page.size() / 2)), Reply::Ok(page),
                 Reply::Fail(Reply::Fault::kReset), Reply::Ok(ReadWire(kNoMore))});
  RunInput in = Env("2026-12-02T11:00:00Z");
  in.env.push_back("PAPERDECK_HTTP_TIMEOUT=1");
  auto second = Sync({"--no-hf", "--no-scholar"}, in);
  EXPECT_EQ(second.exit_code, 3) << second.err;  // the cut page is reported
  EXPECT_THAT(second.err, HasSubstr("timed out"));
  EXPECT_THAT(second.err, HasSubstr("asking again"));
  EXPECT_THAT(second.out, HasSubstr("10 fetched (0 added, 0 updated) in 5 requests; synced: mamba"));
  // The same window was asked again: the search had not been marked synced.
  EXPECT_THAT(arxiv_.Requests()[4].target, HasSubstr("%5B202611251100%20TO%20202612021100%5D"));
  EXPECT_EQ(Corpus()->FindSavedSearch("mamba").value()->synced_at, "2026-12-02T11:00:00Z");
  auto search = RunPaperdeck(data(), {"search", "*", "--json"});
  EXPECT_EQ(nlohmann::json::parse(search.out)["total"], 10);
}

TEST_F(SyncCommandTest, MaxRequestsStopsCleanlyAndSaysWhatIsLeft) {
  Watch("mamba", "title:mamba");
  arxiv_.Script({Reply::Ok(ReadWire(kPage))});
  hf_.Fallback(Reply::Ok(ReadWire(kDaily), "application/json"));
  auto capped = Sync({"--max-requests", "1", "--no-scholar"}, Env("2026-12-02T10:00:00Z"));
  EXPECT_EQ(capped.exit_code, 3) << capped.err;
  EXPECT_THAT(capped.err, HasSubstr("stopped after 1 requests (--max-requests 1); left for the "
                                    "next sync: arXiv for mamba, Hugging Face days 2026-11-26 .. "
                                    "2026-12-02"));
  EXPECT_EQ(arxiv_.Requests().size(), 1u);
  EXPECT_TRUE(hf_.Requests().empty());
  EXPECT_EQ(Corpus()->FindSavedSearch("mamba").value()->synced_at, "");

  arxiv_.Script({Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore))});
  auto rest = Sync({"--no-scholar"}, Env("2026-12-02T10:30:00Z"));
  EXPECT_EQ(rest.exit_code, 0) << rest.err;
  EXPECT_THAT(rest.out, HasSubstr("synced: mamba"));
  EXPECT_THAT(rest.out, HasSubstr("huggingface: 7 days read (2026-11-26 .. 2026-12-02)"));
  EXPECT_EQ(hf_.Requests().size(), 7u);
}

TEST_F(SyncCommandTest, HuggingFaceDaysSinceTheLastOneReadGiveUpvotesAndTheBadge) {
  {
    PaperRecord r;
    r.arxiv_id = "2403.13248";
    r.title = "Mora: Enabling Generalist Video Generation via A Multi-Agent Framework";
    r.published = "2024-03-20";
    r.source = "arxiv-api";
    ASSERT_TRUE(Corpus()->Upsert(std::vector<PaperRecord>{r}).ok());
  }
  hf_.Fallback(Reply::Ok(ReadWire(kDaily), "application/json"));
  auto first = Sync({"--no-scholar"}, Env("2026-12-02T10:00:00Z"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_THAT(first.out, HasSubstr("huggingface: 7 days read (2026-11-26 .. 2026-12-02): 126 "
                                   "listed, 7 in the corpus"));
  ASSERT_EQ(hf_.Requests().size(), 7u);
  EXPECT_EQ(hf_.Requests()[0].target, "/api/daily_papers?date=2026-11-26");
  auto stored = Corpus()->Find("2403.13248").value();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->record.upvotes, 47);
  EXPECT_THAT(stored->record.badges, ::testing::Contains("paper"));

  // Two days later: the last day read again (its listing grew), then the two new ones.
  auto second = Sync({"--no-scholar"}, Env("2026-12-04T09:00:00Z"));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  ASSERT_EQ(hf_.Requests().size(), 10u);
  EXPECT_EQ(hf_.Requests()[7].target, "/api/daily_papers?date=2026-12-02");
  EXPECT_EQ(hf_.Requests()[9].target, "/api/daily_papers?date=2026-12-04");
}

TEST_F(SyncCommandTest, SemanticScholarIsAskedAboutTheWatchedPapersOnlyAndNotAgainWithinTheMaxAge) {
  Watch("testing", "title:testing");
  arxiv_.Script({Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore))});
  ASSERT_EQ(Sync({"--no-hf", "--no-scholar"}, Env("2026-12-02T10:00:00Z")).exit_code, 0);
  // Four of the ten papers are watched by "gui" once "testing" is gone.
  ASSERT_EQ(RunPaperdeck(data(), {"watch", "rm", "testing"}).exit_code, 0);
  Watch("gui", "title:gui OR title:rest OR title:fuzzing", /*pull=*/false);
  scholar_.Script({Reply::Ok(ReadWire("semanticscholar/test_get_papers_not_found_warning.0.json"),
                             "application/json")});
  auto dry = Sync({"--no-hf", "--dry-run"}, Env("2026-12-02T11:00:00Z"));
  EXPECT_THAT(dry.out, HasSubstr("Semantic Scholar (4 watched papers with numbers older than 7d, "
                                 "in 1 request):\n  POST " + scholar_.url("/graph/v1") +
                                 "/paper/batch?fields=externalIds,citationCount,venue,year  (4 ids)"));
  auto sync = Sync({"--no-hf"}, Env("2026-12-02T11:00:00Z"));
  ASSERT_EQ(sync.exit_code, 0) << sync.err;
  EXPECT_THAT(sync.out, HasSubstr("semantic-scholar: 4 watched papers asked about, 3 known, 3 updated"));
  ASSERT_EQ(scholar_.Requests().size(), 1u);
  nlohmann::json ids = nlohmann::json::parse(scholar_.Requests()[0].body)["ids"];
  EXPECT_EQ(ids, nlohmann::json::array({"ARXIV:2005.14124", "ARXIV:2204.08348",
                                        "ARXIV:1202.4527", "ARXIV:1812.11470"}));
  auto rest = RunPaperdeck(data(), {"show", "2204.08348", "--json"});
  EXPECT_EQ(nlohmann::json::parse(rest.out)["citations"], 10670) << rest.out;

  // Within the max age nothing is asked again.
  auto again = Sync({"--no-hf"}, Env("2026-12-03T11:00:00Z"));
  EXPECT_THAT(again.out, HasSubstr("0 watched papers asked about, 0 known, 0 updated; 4 fetched "
                                   "within 7d, not asked"));
  EXPECT_EQ(scholar_.Requests().size(), 1u);
}

TEST_F(SyncCommandTest, ASecondSyncIsRefusedWhileTheFirstRuns) {
  Watch("mamba", "title:mamba");
  arxiv_.Script({Reply::Fail(Reply::Fault::kSlow, ReadWire(kPage), 2500ms),
                 Reply::Ok(ReadWire(kNoMore))});
  RunInput in = Env("2026-12-02T10:00:00Z");
  std::string env;
  for (const std::string& e : in.env) env += ShellQuote(e) + " ";
  const std::string out = (dir_.path() / "first.out").string();
  std::string first = "env " + env + ShellQuote(PAPERDECK_BINARY) + " --data " +
                      ShellQuote(data().string()) + " sync --no-hf --no-scholar >" +
                      ShellQuote(out) + " 2>&1 & echo $! > " +
                      ShellQuote((dir_.path() / "first.pid").string());
  ASSERT_EQ(std::system(first.c_str()), 0);
  // Wait until the first sync's request has reached the server: it holds the lock.
  for (int i = 0; i < 200 && arxiv_.Requests().empty(); ++i) std::this_thread::sleep_for(20ms);
  ASSERT_FALSE(arxiv_.Requests().empty());
  auto second = Sync({"--no-hf", "--no-scholar"}, in);
  EXPECT_EQ(second.exit_code, 1);
  EXPECT_THAT(second.err, HasSubstr("is running in this data directory"));
  EXPECT_THAT(second.err, HasSubstr("pid "));
  EXPECT_EQ(arxiv_.Requests().size(), 1u);
  // The first one finishes undisturbed.
  std::string pid = ReadFile(dir_.path() / "first.pid");
  while (!pid.empty() && pid.back() == '\n') pid.pop_back();
  for (int i = 0; i < 500 && std::system(("kill -0 " + pid + " 2>/dev/null").c_str()) == 0; ++i) {
    std::this_thread::sleep_for(20ms);
  }
  EXPECT_THAT(ReadFile(out), HasSubstr("synced: mamba"));
}


TEST_F(SyncCommandTest, TheServerSyncsInItsBackgroundAfterEachIntervalAndStopsCleanly) {
  Watch("mamba", "title:mamba");
  arxiv_.Script({Reply::Ok(ReadWire(kPage)), Reply::Ok(ReadWire(kNoMore))});
  arxiv_.Fallback(Reply::Ok(ReadWire(kNoMore)));
  hf_.Fallback(Reply::Ok(ReadWire(kDaily), "application/json"));
  std::string env;
  for (const std::string& e : Env("2026-12-02T10:00:00Z").env) env += ShellQuote(e) + " ";
  const std::filesystem::path out = dir_.path() / "serve.out", rc = dir_.path() / "serve.rc";
  const std::filesystem::path pid = dir_.path() / "serve.pid";
  std::string serve = "(env " + env + "sh -c " +
                      ShellQuote("echo $$ >" + ShellQuote(pid.string()) + "; exec " +
                                 ShellQuote(PAPERDECK_BINARY) + " --data " +
                                 ShellQuote(data().string()) +
                                 " serve --port 0 --sync-every 2s") +
                      " >" + ShellQuote(out.string()) + " 2>&1; echo $? >" +
                      ShellQuote(rc.string()) + ") &";
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(std::system(serve.c_str()), 0);
  for (int i = 0; i < 1000 && ReadFile(out).find("scheduled sync ended") == std::string::npos; ++i) {
    std::this_thread::sleep_for(20ms);
  }
  const std::string log = ReadFile(out);
  ASSERT_THAT(log, HasSubstr("It syncs the saved searches every 2 s")) << log;
  ASSERT_THAT(log, HasSubstr("scheduled sync ended (exit code 0)")) << log;
  EXPECT_THAT(log, HasSubstr("synced: mamba"));
  ASSERT_GE(arxiv_.Requests().size(), 2u);
  // Not at the start: one interval after it.
  EXPECT_GE(arxiv_.Requests()[0].at - started, 1900ms);

  ASSERT_EQ(std::system(("kill -TERM $(cat " + ShellQuote(pid.string()) + ")").c_str()), 0);
  for (int i = 0; i < 500 && !std::filesystem::exists(rc); ++i) std::this_thread::sleep_for(20ms);
  EXPECT_EQ(ReadFile(rc), "0\n");
  EXPECT_EQ(Corpus()->Stats().value().papers, 10u);
}

}  // namespace
}  // namespace paperdeck::cli
