// ReplayServer: a loopback HTTP/1.1 server for the client tests. It answers each request with
// the next scripted Reply (recorded bodies from tests/data/wire), and can misbehave the ways
// real servers do: answer slowly, cut a body mid-way, or reset the connection. It records when
// each request arrived, so tests can check the gaps a rate limit promises.
//
// Plain sockets rather than an HTTP library: a library server cannot reset a connection or cut
// a response it has promised in full. Connection: close on every answer (the client never
// reuses connections anyway).
//
// Threading: one accept thread answering one connection at a time; Script/Requests are
// thread-safe.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <deque>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace paperdeck::testing {

inline std::string ReadWire(const std::string& name) {
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/wire/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Reply {
  enum class Fault { kNone, kCutBody, kReset, kSlow };
  int status = 200;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  Fault fault = Fault::kNone;
  std::chrono::milliseconds delay{0};  // kSlow: wait this long before answering

  static Reply Ok(std::string body, std::string type = "application/atom+xml; charset=utf-8") {
    Reply r;
    r.body = std::move(body);
    r.headers.push_back({"Content-Type", std::move(type)});
    return r;
  }
  static Reply Status(int status, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers = {}) {
    Reply r;
    r.status = status;
    r.body = std::move(body);
    r.headers = std::move(headers);
    return r;
  }
  static Reply Fail(Fault f, std::string body = {}, std::chrono::milliseconds delay = {}) {
    Reply r = Ok(std::move(body));
    r.fault = f;
    r.delay = delay;
    return r;
  }
};

struct SeenRequest {
  std::chrono::steady_clock::time_point at;
  std::string method, target, head, body;
  std::string Header(const std::string& name) const {
    std::string lower_head;
    for (char c : head) lower_head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = "\r\n" + name + ":";
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t at = lower_head.find(key);
    if (at == std::string::npos) return {};
    size_t start = at + key.size();
    size_t end = head.find("\r\n", start);
    std::string v = head.substr(start, end - start);
    while (!v.empty() && v.front() == ' ') v.erase(v.begin());
    return v;
  }
};

class ReplayServer {
 public:
  ReplayServer() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 16);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { Loop(); });
  }
  ~ReplayServer() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }

  std::string url(const std::string& path = "/api/query") const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

  // Replies are used in order; when none is left, `fallback` answers.
  void Script(std::vector<Reply> replies) {
    std::lock_guard<std::mutex> l(mu_);
    for (Reply& r : replies) script_.push_back(std::move(r));
  }
  void Fallback(Reply r) {
    std::lock_guard<std::mutex> l(mu_);
    fallback_ = std::move(r);
  }
  std::vector<SeenRequest> Requests() const {
    std::lock_guard<std::mutex> l(mu_);
    return seen_;
  }
  // The shortest gap between two consecutive requests' arrivals (a large value for < 2).
  std::chrono::milliseconds MinGap() const {
    std::vector<SeenRequest> seen = Requests();
    auto best = std::chrono::milliseconds(1000000);
    for (size_t i = 1; i < seen.size(); ++i) {
      best = std::min(best, std::chrono::duration_cast<std::chrono::milliseconds>(
                                seen[i].at - seen[i - 1].at));
    }
    return best;
  }

 private:
  void Loop() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      Serve(c);
    }
  }

  void Serve(int c) {
    SeenRequest req;
    std::string data;
    char buf[8192];
    size_t head_end = std::string::npos;
    while (head_end == std::string::npos) {
      ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      data.append(buf, static_cast<size_t>(n));
      head_end = data.find("\r\n\r\n");
    }
    if (head_end == std::string::npos) {
      ::close(c);
      return;
    }
    req.at = std::chrono::steady_clock::now();
    req.head = data.substr(0, head_end + 2);
    std::istringstream line(req.head);
    line >> req.method >> req.target;
    std::string length = req.Header("content-length");
    size_t want = length.empty() ? 0 : std::stoul(length);
    req.body = data.substr(head_end + 4);
    while (req.body.size() < want) {
      ssize_t n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) break;
      req.body.append(buf, static_cast<size_t>(n));
    }
    Reply reply;
    {
      std::lock_guard<std::mutex> l(mu_);
      seen_.push_back(req);
      if (!script_.empty()) {
        reply = std::move(script_.front());
        script_.pop_front();
      } else {
        reply = fallback_;
      }
    }
    if (reply.fault == Reply::Fault::kReset) {
      linger lg{1, 0};  // close with RST instead of FIN
      ::setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
      ::close(c);
      return;
    }
    if (reply.fault == Reply::Fault::kSlow) {
      auto until = std::chrono::steady_clock::now() + reply.delay;
      while (!stop_ && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
    std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " Replayed\r\n";
    for (const auto& [k, v] : reply.headers) out += k + ": " + v + "\r\n";
    out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\nConnection: close\r\n\r\n";
    if (reply.fault == Reply::Fault::kCutBody) {
      out += reply.body.substr(0, reply.body.size() / 2);  // promised in full, half sent
    } else {
      out += reply.body;
    }
    SendAll(c, out);
    ::shutdown(c, SHUT_WR);
    // Drain until the client closes, so our close does not reset a connection it still reads.
    pollfd p{c, POLLIN, 0};
    while (::poll(&p, 1, 200) > 0 && ::recv(c, buf, sizeof buf, 0) > 0) {
    }
    ::close(c);
  }

  static void SendAll(int c, const std::string& s) {
    size_t sent = 0;
    while (sent < s.size()) {
      ssize_t n = ::send(c, s.data() + sent, s.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  mutable std::mutex mu_;
  std::deque<Reply> script_;
  Reply fallback_ = Reply::Status(404, "no reply scripted");
  std::vector<SeenRequest> seen_;
};

}  // namespace paperdeck::testing
