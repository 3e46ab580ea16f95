// The HTTP client against a loopback server replaying recorded responses: retries, Retry-After,
// resets, cut bodies, timeouts, gzip, the User-Agent, and the gap a rate limit promises.
#include "net/http_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include "feed/replay_server.h"

namespace paperdeck::net {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using paperdeck::testing::ReadWire;
using paperdeck::testing::Reply;
using paperdeck::testing::ReplayServer;
using namespace std::chrono_literals;

constexpr char kSearchPage[] = "arxiv_api/arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml";
constexpr char k503Page[] = "arxiv_oai/paperhive_ListRecords_503_retry_after.body.html";

// Records the waits the client asks for instead of sleeping through them.
struct Waits {
  std::vector<std::pair<std::chrono::milliseconds, std::string>> seen;
  RetryWait hook() {
    return [this](std::chrono::milliseconds d, const std::string& why) { seen.push_back({d, why}); };
  }
};

SourcePolicy FastPolicy() {
  SourcePolicy p;
  p.name = "arXiv";
  p.min_interval = 20ms;
  p.max_attempts = 3;
  p.first_backoff = 100ms;
  p.timeout = 2000ms;
  return p;
}

std::string Gzip(std::string_view bytes) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(HttpClientTest, ARecordedPageArrivesWholeWithOurUserAgentAndGzipOffered) {
  ReplayServer server;
  server.Script({Reply::Ok(ReadWire(kSearchPage))});
  HttpClient client(FastPolicy(), UserAgent("team@example.org"));
  Result<HttpResponse> r = client.Fetch({.url = server.url() + "?search_query=all:testing"});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, ReadWire(kSearchPage));
  ASSERT_EQ(server.Requests().size(), 1u);
  EXPECT_THAT(server.Requests()[0].Header("user-agent"), StartsWith("paperdeck/"));
  EXPECT_THAT(server.Requests()[0].Header("user-agent"), HasSubstr("mailto:team@example.org"));
  EXPECT_THAT(server.Requests()[0].Header("accept-encoding"), HasSubstr("gzip"));
  EXPECT_EQ(server.Requests()[0].target, "/api/query?search_query=all:testing");
}

TEST(HttpClientTest, AGzipBodyIsDecoded) {
  ReplayServer server;
  Reply gz = Reply::Ok(Gzip(ReadWire(kSearchPage)));
  gz.headers.push_back({"Content-Encoding", "gzip"});
  server.Script({gz});
  HttpClient client(FastPolicy(), UserAgent(""));
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->body, ReadWire(kSearchPage));
}

TEST(HttpClientTest, TheRecorded503WaitsWhatRetryAfterSaysThenSucceeds) {
  ReplayServer server;
  server.Script({Reply::Status(503, ReadWire(k503Page),
                               {{"Retry-After", "10"}, {"Content-Type", "text/html"}}),
                 Reply::Ok(ReadWire(kSearchPage))});
  Waits waits;
  HttpClient client(FastPolicy(), UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->attempts, 2);
  ASSERT_EQ(waits.seen.size(), 1u);
  EXPECT_EQ(waits.seen[0].first, 10s);
  EXPECT_THAT(waits.seen[0].second, HasSubstr("HTTP 503 (retry after 10 s)"));
}

TEST(HttpClientTest, A429WithRetryAfterIsHonouredAndRepeated429sEndWithAClearMessage) {
  ReplayServer server;
  server.Fallback(Reply::Status(429, "Rate exceeded.", {{"Retry-After", "3"}}));
  Waits waits;
  HttpClient client(FastPolicy(), UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
  EXPECT_THAT(r.status().message(), HasSubstr("arXiv: GET " + server.url()));
  EXPECT_THAT(r.status().message(), HasSubstr("HTTP 429 (retry after 3 s) after 3 attempts"));
  EXPECT_EQ(server.Requests().size(), 3u);
  ASSERT_EQ(waits.seen.size(), 2u);
  EXPECT_EQ(waits.seen[0].first, 3s);
}

TEST(HttpClientTest, ARetryAfterBeyondOurPatienceStopsAtOnce) {
  ReplayServer server;
  server.Fallback(Reply::Status(503, ReadWire(k503Page), {{"Retry-After", "3600"}}));
  Waits waits;
  HttpClient client(FastPolicy(), UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("retry after 3600 s"));
  EXPECT_THAT(r.status().message(), HasSubstr("try again later"));
  EXPECT_EQ(server.Requests().size(), 1u);
  EXPECT_TRUE(waits.seen.empty());
}

TEST(HttpClientTest, ServerErrorsBackOffExponentiallyWithJitter) {
  ReplayServer server;
  server.Script({Reply::Status(500, "oops"), Reply::Status(502, "bad gateway"),
                 Reply::Ok(ReadWire(kSearchPage))});
  Waits waits;
  HttpClient client(FastPolicy(), UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->attempts, 3);
  ASSERT_EQ(waits.seen.size(), 2u);
  // Equal jitter: between half and all of 100 ms, then of 200 ms.
  EXPECT_GE(waits.seen[0].first, 50ms);
  EXPECT_LE(waits.seen[0].first, 100ms);
  EXPECT_GE(waits.seen[1].first, 100ms);
  EXPECT_LE(waits.seen[1].first, 200ms);
}

TEST(HttpClientTest, AClientErrorIsReturnedNotRetried) {
  ReplayServer server;
  server.Script({Reply::Status(400, ReadWire("arxiv_api/arxivpy_id_abc_s0_m100_b79c8dcf6bc3.body.xml"))});
  Waits waits;
  HttpClient client(FastPolicy(), UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, 400);
  EXPECT_THAT(r->body, HasSubstr("incorrect id format for abc"));
  EXPECT_EQ(server.Requests().size(), 1u);
}

TEST(HttpClientTest, ConnectionResetsAreRetriedThenReported) {
  ReplayServer server;
  server.Fallback(Reply::Fail(Reply::Fault::kReset));
  Waits waits;
  HttpClient client(FastPolicy(), UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
  EXPECT_THAT(r.status().message(), HasSubstr("after 3 attempts"));
  EXPECT_EQ(server.Requests().size(), 3u);
}

TEST(HttpClientTest, ABodyCutShortOfItsLengthIsRetried) {
  ReplayServer server;
  server.Script({Reply::Fail(Reply::Fault::kCutBody, ReadWire(kSearchPage)),
                 Reply::Ok(ReadWire(kSearchPage))});
  Waits waits;
  HttpClient client(FastPolicy(), UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->body, ReadWire(kSearchPage));
  EXPECT_EQ(r->attempts, 2);
  ASSERT_EQ(waits.seen.size(), 1u);
}

TEST(HttpClientTest, ASlowServerPastTheTimeoutIsReportedAsATimeout) {
  ReplayServer server;
  server.Fallback(Reply::Fail(Reply::Fault::kSlow, ReadWire(kSearchPage), 1500ms));
  SourcePolicy p = FastPolicy();
  p.timeout = 300ms;
  p.max_attempts = 2;
  Waits waits;
  HttpClient client(p, UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = server.url()});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr("timed out"));
  EXPECT_THAT(r.status().message(), HasSubstr("after 2 attempts"));
}

TEST(HttpClientTest, NobodyListeningIsANetworkErrorNamingTheUrl) {
  std::string url;
  {
    ReplayServer gone;
    url = gone.url();
  }
  SourcePolicy p = FastPolicy();
  p.max_attempts = 2;
  Waits waits;
  HttpClient client(p, UserAgent(""), waits.hook());
  Result<HttpResponse> r = client.Fetch({.url = url});
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.status().message(), HasSubstr(url));
  EXPECT_EQ(waits.seen.size(), 1u);
}

TEST(HttpClientTest, APostCarriesItsBodyAndHeaders) {
  ReplayServer server;
  server.Script({Reply::Ok("[null]", "application/json")});
  HttpClient client(FastPolicy(), UserAgent(""));
  Result<HttpResponse> r = client.Fetch({.url = server.url("/graph/v1/paper/batch"),
                                         .method = "POST",
                                         .body = R"({"ids":["ARXIV:0000.0000"]})",
                                         .headers = {{"Content-Type", "application/json"},
                                                     {"x-api-key", "k"}}});
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(server.Requests().size(), 1u);
  EXPECT_EQ(server.Requests()[0].method, "POST");
  EXPECT_EQ(server.Requests()[0].body, R"({"ids":["ARXIV:0000.0000"]})");
  EXPECT_EQ(server.Requests()[0].Header("x-api-key"), "k");
}

TEST(RetryAfterTest, SecondsAndHttpDatesAreRead) {
  auto now = std::chrono::system_clock::from_time_t(1445412450);  // Wed, 21 Oct 2015 07:27:30 GMT
  EXPECT_EQ(RetryAfterSeconds("10", now), 10);
  EXPECT_EQ(RetryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT", now), 30);
  EXPECT_EQ(RetryAfterSeconds("soon", now), -1);
}

TEST(UrlEncodeTest, OnlyUnreservedCharactersStayAsTheyAre) {
  EXPECT_EQ(UrlEncode("ti:\"state space\" AND cat:cs.*"),
            "ti%3A%22state%20space%22%20AND%20cat%3Acs.%2A");
}

}  // namespace
}  // namespace paperdeck::net
