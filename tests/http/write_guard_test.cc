// Which writes the guard lets through, for each way the server can be bound.
#include <gtest/gtest.h>

#include "http/write_guard.h"

namespace paperdeck::http {
namespace {

constexpr const char* kJson = "application/json";

int StatusOf(const WriteGuard& guard, WriteHeaders h) {
  std::optional<ApiResponse> refused = guard.Check(h);
  return refused ? refused->status : 200;
}

TEST(WriteGuardTest, LoopbackAnswersToItsOwnNamesAtItsPort) {
  WriteGuard guard("127.0.0.1", 8080, "");
  for (const char* host : {"127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"}) {
    EXPECT_EQ(StatusOf(guard, {host, "", "", kJson}), 200) << host;
    EXPECT_EQ(StatusOf(guard, {host, std::string("http://") + host, "", kJson}), 200) << host;
  }
  for (const char* host : {"", "evil.example", "evil.example:8080", "127.0.0.1", "127.0.0.1:8081",
                           "localhost.evil.example:8080", "10.0.0.1:8080"}) {
    EXPECT_EQ(StatusOf(guard, {host, "", "", kJson}), 403) << host;
  }
  // An Origin must be this very host, by http.
  EXPECT_EQ(StatusOf(guard, {"127.0.0.1:8080", "http://localhost:8080", "", kJson}), 403);
  EXPECT_EQ(StatusOf(guard, {"127.0.0.1:8080", "https://127.0.0.1:8080", "", kJson}), 403);
  EXPECT_EQ(StatusOf(guard, {"127.0.0.1:8080", "null", "", kJson}), 403);
}

TEST(WriteGuardTest, OnlyJsonBodiesAreWrites) {
  WriteGuard guard("localhost", 80, "");
  EXPECT_EQ(StatusOf(guard, {"localhost", "", "", "application/json; charset=utf-8"}), 200);
  EXPECT_EQ(StatusOf(guard, {"127.0.0.1:80", "", "", "Application/JSON"}), 200);
  for (const char* type : {"", "text/plain", "application/x-www-form-urlencoded",
                           "multipart/form-data; boundary=x", "application/jsonx", "text/json"}) {
    EXPECT_EQ(StatusOf(guard, {"localhost", "", "", type}), 415) << type;
  }
}

TEST(WriteGuardTest, BeyondLoopbackTheTokenIsNeeded) {
  const std::string token(64, 'a');
  WriteGuard any("0.0.0.0", 9000, token);
  EXPECT_EQ(StatusOf(any, {"box.lan:9000", "", "Bearer " + token, kJson}), 200);
  EXPECT_EQ(StatusOf(any, {"box.lan:9000", "http://box.lan:9000", "bearer " + token, kJson}), 200);
  EXPECT_EQ(StatusOf(any, {"box.lan:9000", "", "", kJson}), 401);
  EXPECT_EQ(StatusOf(any, {"box.lan:9000", "", "Bearer " + std::string(64, 'b'), kJson}), 401);
  EXPECT_EQ(StatusOf(any, {"box.lan:9000", "", "Bearer " + token + "a", kJson}), 401);
  EXPECT_EQ(StatusOf(any, {"box.lan:9000", "http://evil.example", "Bearer " + token, kJson}), 403);
  WriteGuard one("192.168.1.5", 9000, token);
  EXPECT_EQ(StatusOf(one, {"192.168.1.5:9000", "", "Bearer " + token, kJson}), 200);
  EXPECT_EQ(StatusOf(one, {"evil.example:9000", "", "Bearer " + token, kJson}), 403);
  // An unbound guard lets nothing through.
  EXPECT_EQ(StatusOf(WriteGuard(), {"127.0.0.1:80", "", "", kJson}), 403);
}

TEST(WriteGuardTest, AllowedHostsAreAnsweredToAtTheServersPortOrTheirOwn) {
  WriteGuard guard("127.0.0.1", 8080, "", {"Papers.Local", "proxy.lan:443", "[fd00::7]", "box:80"});
  for (const char* host : {"papers.local:8080", "PAPERS.LOCAL:8080", "proxy.lan:443", "[fd00::7]:8080",
                           "box:80", "box", "127.0.0.1:8080"}) {
    EXPECT_FALSE(guard.CheckHost(host).has_value()) << host;
    EXPECT_EQ(StatusOf(guard, {host, std::string("http://") + host, "", kJson}), 200) << host;
  }
  for (const char* host : {"papers.local", "papers.local:8081", "proxy.lan:8080", "proxy.lan",
                           "evil.example:8080", "papers.local.evil.example:8080", "box:8080"}) {
    std::optional<ApiResponse> refused = guard.CheckHost(host);
    ASSERT_TRUE(refused.has_value()) << host;
    EXPECT_EQ(refused->status, 403) << host;
    EXPECT_NE(refused->body["error"].get<std::string>().find("--allow-host"), std::string::npos);
  }
}

TEST(WriteGuardTest, AllowedHostNamesAreCheckedBeforeTheServerStarts) {
  for (const char* name : {"papers.local", "my-box", "10.0.0.7", "proxy.lan:443", "[::1]", "[fd00::7]:9000"}) {
    EXPECT_TRUE(CheckAllowedHost(name).ok()) << name;
  }
  for (const char* name : {"", ":80", "papers.local:", "papers.local:99999", "papers.local:8o",
                           "http://papers.local", "papers local", "fd00::7", "[fd00::7", "-box",
                           "papers.local/x", "box\r\nX-Evil: 1"}) {
    Status s = CheckAllowedHost(name);
    EXPECT_FALSE(s.ok()) << name;
    EXPECT_NE(s.message().find("--allow-host"), std::string::npos) << s.message();
  }
}

TEST(WriteGuardTest, LoopbackAddressesAreKnown) {
  for (const char* h : {"127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"}) {
    EXPECT_TRUE(WriteGuard::IsLoopback(h)) << h;
  }
  for (const char* h : {"0.0.0.0", "::", "192.168.1.5", "127.evil.example", "localhost.example", ""}) {
    EXPECT_FALSE(WriteGuard::IsLoopback(h)) << h;
  }
}

TEST(WriteGuardTest, TokensAreLongRandomAndDifferent) {
  std::string a = NewAccessToken().value(), b = NewAccessToken().value();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace paperdeck::http
