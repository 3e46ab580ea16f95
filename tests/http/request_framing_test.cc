// Which request heads the server refuses before reading a body: the framing a proxy and the
// server could read differently, and heads over the limits.
#include <gtest/gtest.h>

#include "http/request_framing.h"

namespace paperdeck::http {
namespace {

// The status refusing a POST with these headers, or 0 when it may be read.
int StatusOf(std::vector<Header> headers, std::string_view target = "/api/watches") {
  std::optional<ApiResponse> refused = CheckFraming(RequestHead{"POST", target, "HTTP/1.1", &headers});
  if (refused) {
    EXPECT_FALSE(refused->body.value("error", "").empty());
  }
  return refused ? refused->status : 0;
}

TEST(RequestFramingTest, OneHonestLengthOrChunkedIsRead) {
  EXPECT_EQ(StatusOf({{"Host", "h"}}), 0);
  EXPECT_EQ(StatusOf({{"Host", "h"}, {"Content-Length", "0"}}), 0);
  EXPECT_EQ(StatusOf({{"Host", "h"}, {"content-length", " 65536 "}}), 0);
  EXPECT_EQ(StatusOf({{"Host", "h"}, {"Transfer-Encoding", "Chunked"}}), 0);
}

TEST(RequestFramingTest, LengthsThatCouldBeReadTwoWaysAre400) {
  for (const char* value : {"-5", "+5", "5, 5", "0x10", "", "5 5", "1e3", "99999999999999999999"}) {
    EXPECT_EQ(StatusOf({{"Content-Length", value}}), 400) << value;
  }
  // Two lengths, even equal ones: one reader may take the first, another the last.
  EXPECT_EQ(StatusOf({{"Content-Length", "5"}, {"Content-Length", "5"}}), 400);
  EXPECT_EQ(StatusOf({{"Content-Length", "5"}, {"CONTENT-LENGTH", "40"}}), 400);
  EXPECT_EQ(StatusOf({{"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}}), 400);
  EXPECT_EQ(StatusOf({{"Transfer-Encoding", "chunked"}, {"Content-Length", "0"}}), 400);
  EXPECT_EQ(StatusOf({{"Transfer-Encoding", "gzip, chunked"}}), 400);
  EXPECT_EQ(StatusOf({{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}}), 400);
  EXPECT_EQ(StatusOf({{"Host", "a"}, {"Host", "a"}}), 400);
}

TEST(RequestFramingTest, OversizedHeadsAndBodiesAreRefusedByTheirOwnStatus) {
  EXPECT_EQ(StatusOf({{"Content-Length", "65537"}}), 413);
  EXPECT_EQ(StatusOf({}, "/api/search?q=" + std::string(8 * 1024, 'a')), 414);
  EXPECT_EQ(StatusOf({}, "/api/search?q=" + std::string(8 * 1024 - 40, 'a')), 0);
  std::vector<Header> many;
  for (int i = 0; i < 65; ++i) many.emplace_back("X-" + std::to_string(i), "x");
  EXPECT_EQ(StatusOf(many), 431);
  many.resize(64);
  EXPECT_EQ(StatusOf(many), 0);
  EXPECT_EQ(StatusOf({{"Cookie", std::string(16 * 1024, 'c')}}), 431);
}

}  // namespace
}  // namespace paperdeck::http
