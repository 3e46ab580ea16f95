// The gap between requests to one source, as the server measures it. The first test keeps
// arXiv's real 3-second limit; the others use a short one, set explicitly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "feed/replay_server.h"
#include "net/http_client.h"
#include "net/source_settings.h"
#include "support/temp_dir.h"

namespace paperdeck::net {
namespace {

using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using paperdeck::testing::TempDir;
using namespace std::chrono_literals;

constexpr char kPage[] = "arxiv_api/arxivpy_id_1605.08386_s0_m100_199195aa31ad.body.xml";

TEST(RateLimitTest, ArxivRequestsArriveAtLeastThreeSecondsApartWithTheRealLimit) {
  Result<SourceSettings> settings = LoadSourceSettings("/nonexistent/paperdeck.conf",
                                                       [](const char*) { return std::nullopt; });
  ASSERT_TRUE(settings.ok());
  SourcePolicy policy = settings->ArxivPolicy();
  ASSERT_EQ(policy.min_interval, 3000ms);  // the default nobody lowered
  ReplayServer server;
  server.Fallback(Reply::Ok(ReadWire(kPage)));
  HttpClient client(policy, UserAgent(""));
  for (int i = 0; i < 2; ++i) ASSERT_TRUE(client.Fetch({.url = server.url()}).ok());
  ASSERT_EQ(server.Requests().size(), 2u);
  EXPECT_GE(server.MinGap(), 3000ms);
}

TEST(RateLimitTest, RetriesKeepTheGapToo) {
  ReplayServer server;
  server.Script({Reply::Status(500, "x"), Reply::Fail(Reply::Fault::kReset), Reply::Ok(ReadWire(kPage))});
  SourcePolicy p;
  p.min_interval = 200ms;
  p.first_backoff = 1ms;
  p.max_attempts = 3;
  HttpClient client(p, UserAgent(""), [](std::chrono::milliseconds, const std::string&) {});
  ASSERT_TRUE(client.Fetch({.url = server.url()}).ok());
  ASSERT_EQ(server.Requests().size(), 3u);
  EXPECT_GE(server.MinGap(), 200ms);
}

TEST(RateLimitTest, RequestsFromSeveralThreadsAreSerialisedAndSpaced) {
  ReplayServer server;
  server.Fallback(Reply::Ok(ReadWire(kPage)));
  SourcePolicy p;
  p.min_interval = 150ms;
  HttpClient client(p, UserAgent(""));
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&] { EXPECT_TRUE(client.Fetch({.url = server.url()}).ok()); });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(server.Requests().size(), 3u);
  EXPECT_GE(server.MinGap(), 150ms);
}

TEST(RateLimitTest, TheWaitForTheGapIsToldBeforeItIsWaited) {
  // Another process's request just ended (the lock file says so): the first request waits too.
  const TempDir dir;
  ReplayServer server;
  server.Fallback(Reply::Ok(ReadWire(kPage)));
  SourcePolicy p;
  p.min_interval = 300ms;
  p.shared_lock = dir / "arxiv.lock";
  std::vector<std::chrono::milliseconds> told;
  p.on_spacing_wait = [&](std::chrono::milliseconds wait) { told.push_back(wait); };
  {
    std::ofstream out(dir / "arxiv.lock");
    out << std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch()).count() << "\n";
  }
  HttpClient client(p, UserAgent(""));
  for (int i = 0; i < 2; ++i) ASSERT_TRUE(client.Fetch({.url = server.url()}).ok());
  ASSERT_GE(told.size(), 2u);
  for (std::chrono::milliseconds wait : told) {
    EXPECT_GT(wait, 0ms);
    EXPECT_LE(wait, 301ms);
  }
  EXPECT_GE(told[0], 200ms);  // most of the other process's gap was still to run
}

TEST(RateLimitTest, TwoClientsSharingALockFileKeepTheGapBetweenThem) {
  // Two clients stand for two paperdeck processes: they share no limiter, only the lock file.
  const TempDir dir;
  ReplayServer server;
  server.Fallback(Reply::Ok(ReadWire(kPage)));
  SourcePolicy p;
  p.min_interval = 250ms;
  p.shared_lock = dir / "arxiv.lock";
  HttpClient first(p, UserAgent("")), second(p, UserAgent(""));
  std::thread a([&] {
    for (int i = 0; i < 2; ++i) EXPECT_TRUE(first.Fetch({.url = server.url()}).ok());
  });
  std::thread b([&] {
    for (int i = 0; i < 2; ++i) EXPECT_TRUE(second.Fetch({.url = server.url()}).ok());
  });
  a.join();
  b.join();
  ASSERT_EQ(server.Requests().size(), 4u);
  EXPECT_GE(server.MinGap(), 250ms);

  // The file holds when the last request ended, in milliseconds since 1970.
  std::ifstream in(dir / "arxiv.lock");
  long long ended = 0;
  in >> ended;
  long long now = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_GT(ended, now - 60000);
  EXPECT_LE(ended, now);
}

}  // namespace
}  // namespace paperdeck::net
