// `paperdeck serve` under the connections that stall a server holding a thread per connection:
// hundreds of idle and slow clients, requests pipelined on one connection, framing that could
// hide one request inside another, a name rebound to loopback; and a burst of connections
// before the server's loop runs. Raw sockets on loopback, so every byte is the test's own.
#include <fcntl.h>
#include <poll.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "http/listen_socket.h"
#include "http/loopback_api.h"

namespace paperdeck::http {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

double MillisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// One client connection, written and read byte for byte.
class RawClient {
 public:
  explicit RawClient(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }

  bool Write(std::string_view bytes) {
    while (!bytes.empty()) {
      ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // The next whole response (head and Content-Length body), or empty when the connection
  // closed or nothing whole came within timeout.
  std::string ReadResponse(std::chrono::milliseconds timeout = 5000ms) {
    const Clock::time_point until = Clock::now() + timeout;
    for (;;) {
      if (size_t end = buffered_.find("\r\n\r\n"); end != std::string::npos) {
        size_t length = 0;
        const std::string head = buffered_.substr(0, end);
        if (size_t at = head.find("Content-Length: "); at != std::string::npos) {
          length = std::stoul(head.substr(at + 16));
        }
        if (buffered_.size() >= end + 4 + length) {
          std::string response = buffered_.substr(0, end + 4 + length);
          buffered_.erase(0, end + 4 + length);
          return response;
        }
      }
      if (!Fill(until)) return {};
    }
  }

  // True when the server closes the connection within timeout (whatever it sends is dropped).
  bool ClosedWithin(std::chrono::milliseconds timeout) {
    const Clock::time_point until = Clock::now() + timeout;
    while (Fill(until)) {
    }
    return closed_;
  }

 private:
  // Reads what arrives before until; false on close, error or time out.
  bool Fill(Clock::time_point until) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char buf[16384];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) {
      closed_ = true;
      return false;
    }
    buffered_.append(buf, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool closed_ = false;
  std::string buffered_;
};

int StatusOf(const std::string& response) {
  return response.rfind("HTTP/1.1 ", 0) == 0 ? std::stoi(response.substr(9, 3)) : 0;
}

nlohmann::json BodyOf(const std::string& response) {
  size_t at = response.find("\r\n\r\n");
  if (at == std::string::npos) return nullptr;
  return nlohmann::json::parse(response.substr(at + 4), nullptr, false);
}

class ServerConnectionsTest : public LoopbackApiTest {
 protected:
  std::string GetRequest(const std::string& target, const std::string& extra = "") {
    return "GET " + target + " HTTP/1.1\r\nHost: " + self_ + "\r\n" + extra + "\r\n";
  }
};

// A thread-per-connection server with 64 threads stalled 9.5 s on 80 such connections; here
// each search must still come back at once. The median of nine searches is held to 100 ms and
// the slowest to 2 s: far above what a loaded 2-core machine adds, far below a stall.
TEST_F(ServerConnectionsTest, TwoHundredIdleAndSlowConnectionsDoNotDelayASearch) {
  std::vector<std::unique_ptr<RawClient>> idle;
  for (int i = 0; i < 200; ++i) {
    idle.push_back(std::make_unique<RawClient>(port_));
    ASSERT_TRUE(idle.back()->connected()) << i;
  }
  // Forty more send a request head a byte at a time and never finish it.
  std::vector<std::unique_ptr<RawClient>> slow;
  for (int i = 0; i < 40; ++i) {
    slow.push_back(std::make_unique<RawClient>(port_));
    ASSERT_TRUE(slow.back()->Write("GET /api/search?q=attention HTTP/1.1\r\nHost: " + self_ + "\r\nX-Slow: "));
  }
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done) {
      for (auto& c : slow) c->Write("a");
      std::this_thread::sleep_for(50ms);
    }
  });

  std::vector<double> took;
  for (int i = 0; i < 9; ++i) {
    const Clock::time_point start = Clock::now();
    Answer a = Get("/api/search?q=attention&limit=5");
    took.push_back(MillisecondsSince(start));
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.body["total"], 35);
  }
  done = true;
  trickle.join();
  std::sort(took.begin(), took.end());
  EXPECT_LT(took[4], 100.0) << "median of 9 searches, ms; slowest " << took.back();
  EXPECT_LT(took.back(), 2000.0) << "slowest of 9 searches, ms";
}

TEST_F(ServerConnectionsTest, SilentSlowAndIdleConnectionsAreClosedOnTime) {
  StopServer();
  options_.request_timeout = 500ms;
  options_.idle_timeout = 1s;
  StartServer();

  RawClient silent(port_), slow(port_), kept(port_);
  ASSERT_TRUE(slow.Write("GET /api/stats HTTP/1.1\r\nHost: " + self_ + "\r\nX-Slow: "));
  ASSERT_TRUE(kept.Write(GetRequest("/api/stats")));
  std::string answer = kept.ReadResponse();
  EXPECT_EQ(StatusOf(answer), 200) << answer;
  std::atomic<bool> done{false};
  std::thread trickle([&] {
    while (!done && slow.Write("a")) std::this_thread::sleep_for(100ms);
  });
  const Clock::time_point start = Clock::now();
  EXPECT_TRUE(silent.ClosedWithin(3000ms)) << "a client that sends nothing";
  EXPECT_GT(MillisecondsSince(start), 300.0);
  EXPECT_TRUE(slow.ClosedWithin(3000ms)) << "a client sending its head a byte at a time";
  done = true;
  trickle.join();
  EXPECT_TRUE(kept.ClosedWithin(4000ms)) << "a kept-alive connection left idle";
  EXPECT_GE(server_->slow_requests_cut(), 2u);
  // A client that keeps to the deadlines is served as ever.
  EXPECT_EQ(Get("/api/stats").status, 200);
}

TEST_F(ServerConnectionsTest, PipelinedRequestsAreAnsweredInOrder) {
  RawClient c(port_);
  // A search and a paper (a worker's), an asset (answered at once), a missing paper, written at
  // once: the answers come back in the order asked.
  ASSERT_TRUE(c.Write(GetRequest("/api/search?q=attention&limit=1") + GetRequest("/api/stats") +
                      GetRequest("/app.css") + GetRequest("/api/papers/2401.99999") +
                      GetRequest("/api/search?q=longformer", "Connection: close\r\n")));
  std::string search = c.ReadResponse(), stats = c.ReadResponse(), css = c.ReadResponse(),
              missing = c.ReadResponse(), last = c.ReadResponse();
  EXPECT_EQ(StatusOf(search), 200);
  EXPECT_EQ(BodyOf(search)["total"], 35);
  EXPECT_EQ(StatusOf(stats), 200);
  EXPECT_EQ(BodyOf(stats)["papers"], 35);
  EXPECT_EQ(StatusOf(css), 200);
  EXPECT_THAT(css, HasSubstr("Content-Type: text/css"));
  EXPECT_EQ(StatusOf(missing), 404);
  EXPECT_THAT(BodyOf(missing).value("error", ""), HasSubstr("2401.99999"));
  EXPECT_EQ(StatusOf(last), 200);
  EXPECT_EQ(BodyOf(last)["total"], 1);
  EXPECT_TRUE(c.ClosedWithin(2000ms));
}

// Framing two readers could disagree on is refused, and the connection closed, so the request
// hidden after it is never answered and the write in it never done.
TEST_F(ServerConnectionsTest, MalformedFramingIsA400AndNothingHiddenBehindItRuns) {
  const std::string watch = R"({"name":"smuggled","query":"attention","pull":false})";
  const std::string head = "POST /api/watches HTTP/1.1\r\nHost: " + self_ + "\r\nOrigin: http://" +
                           self_ + "\r\nContent-Type: application/json\r\n";
  const std::string hidden = "POST /api/watches HTTP/1.1\r\nHost: " + self_ +
                             "\r\nContent-Type: application/json\r\nContent-Length: " +
                             std::to_string(watch.size()) + "\r\n\r\n" + watch;
  const std::string chunk = "0\r\n\r\n";
  for (const std::string& request : {
           head + "Content-Length: -5\r\n\r\n" + hidden,
           head + "Content-Length: 0\r\nContent-Length: 0\r\n\r\n" + hidden,
           head + "Content-Length: 0\r\nContent-Length: " + std::to_string(hidden.size()) +
               "\r\n\r\n" + hidden,
           head + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + hidden,
           head + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n" + chunk + hidden,
           head + "Content-Length: 5, 5\r\n\r\n" + hidden,
           head + "Host: " + self_ + "\r\nContent-Length: 0\r\n\r\n" + hidden,
       }) {
    RawClient c(port_);
    ASSERT_TRUE(c.Write(request));
    std::string answer = c.ReadResponse();
    EXPECT_EQ(StatusOf(answer), 400) << request << "\n---\n" << answer;
    EXPECT_TRUE(c.ClosedWithin(2000ms)) << request;
  }
  Answer watches = Get("/api/watches");
  EXPECT_EQ(watches.status, 200);
  EXPECT_THAT(watches.body.dump(), ::testing::Not(HasSubstr("smuggled")));
  // The same write, framed plainly, is done.
  EXPECT_EQ(Send("POST", "/api/watches", watch,
                 {"Host: " + self_, "Origin: http://" + self_, "Content-Type: application/json"})
                .status,
            201);
}

TEST_F(ServerConnectionsTest, AReboundNameIsRefusedAndAnAllowedOneAnswered) {
  const std::string evil = "evil.example:" + std::to_string(port_);
  const std::string watch = R"({"name":"rebound","query":"attention","pull":false})";
  Answer read = Send("GET", "/api/search?q=attention", "", {"Host: " + evil});
  EXPECT_EQ(read.status, 403);
  EXPECT_FALSE(read.body.contains("results"));
  EXPECT_EQ(Send("POST", "/api/watches", watch,
                 {"Host: " + evil, "Origin: http://" + evil, "Content-Type: application/json"})
                .status,
            403);
  EXPECT_EQ(Send("GET", "/app.js", "", {"Host: " + evil}).status, 403);

  StopServer();
  options_.allowed_hosts = {"papers.test"};
  StartServer();
  const std::string allowed = "papers.test:" + std::to_string(port_);
  Answer found = Send("GET", "/api/search?q=attention", "", {"Host: " + allowed});
  EXPECT_EQ(found.status, 200);
  EXPECT_EQ(found.body["total"], 35);
  EXPECT_EQ(Send("POST", "/api/watches", watch,
                 {"Host: " + allowed, "Origin: http://" + allowed, "Content-Type: application/json"})
                .status,
            201);
  // Only that name, at the server's port.
  EXPECT_EQ(Send("GET", "/api/stats", "", {"Host: " + evil}).status, 403);
  EXPECT_EQ(Send("GET", "/api/stats", "", {"Host: papers.test"}).status, 403);
  EXPECT_EQ(Send("GET", "/api/stats", "", {"Host: papers.test:1"}).status, 403);
  Answer watches = Get("/api/watches");
  EXPECT_THAT(watches.body.dump(), HasSubstr("\"rebound\""));
}

// Connections that arrive before the loop accepts them wait in the listen backlog, which is the
// system's largest: a burst of 200 all connect (a backlog of 5 drops the rest's handshakes,
// retried a second later and more).
TEST(ListenSocketTest, ABurstOfConnectionsWaitsInTheBacklog) {
  const int backlog = SystemListenBacklog();
  if (backlog < 200) GTEST_SKIP() << "net.core.somaxconn is " << backlog << ", under the burst of 200";
  Result<ListenSocket> listener = ListenSocket::Open("127.0.0.1", 0);
  ASSERT_TRUE(listener.ok()) << listener.status().message();
  std::vector<int> fds;
  for (int i = 0; i < 200; ++i) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(listener->port()));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    fds.push_back(fd);
  }
  // Nobody accepts: each handshake completes only if the backlog holds it.
  std::vector<pollfd> polls;
  for (int fd : fds) polls.push_back(pollfd{fd, POLLOUT, 0});
  const Clock::time_point until = Clock::now() + 500ms;
  size_t connected = 0;
  while (Clock::now() < until) {
    ::poll(polls.data(), polls.size(), 50);
    connected = 0;
    for (pollfd& p : polls) {
      int error = 0;
      socklen_t size = sizeof error;
      connected += (p.revents & POLLOUT) &&
                   ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &error, &size) == 0 && error == 0;
    }
    if (connected == fds.size()) break;
  }
  for (int fd : fds) ::close(fd);
  EXPECT_EQ(connected, fds.size());
}

}  // namespace
}  // namespace paperdeck::http
