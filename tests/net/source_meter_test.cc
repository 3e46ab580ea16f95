// The quota meter an HttpClient keeps: requests and retries counted, bytes, time held back for
// politeness, failed attempts, and when the source may be asked next.
#include "net/source_meter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "feed/replay_server.h"
#include "net/http_client.h"

namespace paperdeck::net {
namespace {

using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using namespace std::chrono_literals;

constexpr char kSearchPage[] = "arxiv_api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml";

SourcePolicy Policy(std::chrono::milliseconds gap) {
  SourcePolicy p;
  p.name = "arXiv";
  p.min_interval = gap;
  p.max_attempts = 3;
  p.first_backoff = 10ms;
  p.timeout = 2000ms;
  return p;
}

void NoSleep(std::chrono::milliseconds, const std::string&) {}

TEST(SourceMeterTest, CountsRequestsBytesAndTheGapWaitedFor) {
  ReplayServer server;
  const std::string page = ReadWire(kSearchPage);
  server.Fallback(Reply::Ok(page));
  HttpClient client(Policy(300ms), "test");
  EXPECT_EQ(client.meter().requests, 0);
  auto before = std::chrono::system_clock::now();
  ASSERT_TRUE(client.Fetch({.url = server.url()}).ok());
  ASSERT_TRUE(client.Fetch({.url = server.url()}).ok());
  SourceMeter m = client.meter();
  EXPECT_EQ(m.requests, 2);
  EXPECT_EQ(m.errors, 0);
  EXPECT_GT(m.bytes, static_cast<int64_t>(2 * page.size()));  // bodies and headers
  EXPECT_LT(m.bytes, static_cast<int64_t>(2 * page.size() + 2000));
  EXPECT_GE(m.waited, 250ms);  // the second request waited for the gap
  EXPECT_LT(m.waited, 2000ms);
  EXPECT_GE(m.next_allowed, before + 300ms);
  EXPECT_LE(m.next_allowed, std::chrono::system_clock::now() + 300ms);
}

TEST(SourceMeterTest, FailedAttemptsAndRetryAfterAreCountedAndMoveTheNextAllowedTime) {
  ReplayServer server;
  server.Script({Reply::Status(503, "busy", {{"Retry-After", "120"}}),
                 Reply::Fail(Reply::Fault::kReset), Reply::Ok(ReadWire(kSearchPage))});
  SourcePolicy policy = Policy(0ms);
  HttpClient client(policy, "test", NoSleep);
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_TRUE(r.ok()) << r.status().message();
  SourceMeter m = client.meter();
  EXPECT_EQ(m.requests, 3);
  EXPECT_EQ(m.errors, 2);
  // Retry-After's 120 s were waited (the test's hook does not sleep) and are remembered.
  EXPECT_GE(m.waited, 120s);
  EXPECT_GE(m.next_allowed, std::chrono::system_clock::now() + 100s);
}

}  // namespace
}  // namespace paperdeck::net
