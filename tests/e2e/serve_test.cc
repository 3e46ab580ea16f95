// `paperdeck serve` as a person starts it: --allow-host checked before anything runs, and a
// real server answering to the name it allows and refusing a rebound one; SIGTERM stops it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <string>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

// The status of GET target with this Host, from the server on port.
int StatusWithHost(int port, const std::string& target, const std::string& host) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return 0;
  }
  const std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
  ::send(fd, request.data(), request.size(), MSG_NOSIGNAL);
  std::string answer;
  char buf[4096];
  for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) answer.append(buf, n);
  ::close(fd);
  return answer.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(answer.substr(9, 3)) : 0;
}

TEST(ServeTest, AnAllowHostThatIsNoNameIsAUsageErrorNamingIt) {
  TempDir temp;
  for (const char* bad : {"papers local", "http://papers.local", "papers.local:99999"}) {
    CliResult r = RunPaperdeck(temp / "data", {"serve", "--port", "0", "--allow-host", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_THAT(r.err, HasSubstr(std::string("--allow-host '") + bad + "'")) << bad;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

TEST(ServeTest, TheServerAnswersToAnAllowedNameAndRefusesARebound) {
  TempDir temp;
  const auto data = temp / "data";
  ASSERT_EQ(RunPaperdeck(data, {"import", TestData("seed-page.jsonl")}).exit_code, 0);

  int out[2];
  ASSERT_EQ(::pipe(out), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(PAPERDECK_BINARY, PAPERDECK_BINARY, "--data", data.c_str(), "serve", "--port", "0",
            "--allow-host", "papers.test", "--allow-host", "proxy.test:443", nullptr);
    ::_exit(127);
  }
  ::close(out[1]);
  // The banner names the address (port 0: the one picked) and the names allowed.
  std::string banner;
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  std::smatch address;
  const std::regex listening(R"(http://127\.0\.0\.1:(\d+)/)");
  while (std::chrono::steady_clock::now() < until &&
         (!std::regex_search(banner, address, listening) ||
          banner.find("(--allow-host)") == std::string::npos)) {
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;
    char buf[512];
    ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    banner.append(buf, n);
  }
  ASSERT_TRUE(std::regex_search(banner, address, listening)) << banner;
  EXPECT_THAT(banner, HasSubstr("It also answers to papers.test, proxy.test:443 (--allow-host)."));
  const int port = std::stoi(address[1].str());
  const std::string at = ":" + std::to_string(port);

  EXPECT_EQ(StatusWithHost(port, "/api/stats", "127.0.0.1" + at), 200);
  EXPECT_EQ(StatusWithHost(port, "/api/search?q=attention", "papers.test" + at), 200);
  EXPECT_EQ(StatusWithHost(port, "/", "papers.test" + at), 200);
  EXPECT_EQ(StatusWithHost(port, "/api/stats", "proxy.test:443"), 200);
  EXPECT_EQ(StatusWithHost(port, "/api/search?q=attention", "evil.example" + at), 403);
  EXPECT_EQ(StatusWithHost(port, "/api/stats", "proxy.test" + at), 403);

  ::kill(child, SIGTERM);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ::close(out[0]);
  EXPECT_TRUE(WIFEXITED(status)) << status;
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

}  // namespace
}  // namespace paperdeck::e2e
