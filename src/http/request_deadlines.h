// RequestDeadlines: when each connection's request must have arrived whole, and the cut of those
// that miss it. A client that connects and sends nothing, or sends its headers a byte at a
// time, costs the event-driven server no thread, but it holds a socket and a slot among the
// connections; so each request must be read whole (request line, headers, body) by its
// deadline, and a connection whose deadline passes is shut down (shutdown(2): the server's
// loop sees the end of the stream and closes it, so the descriptor is never closed under it).
//
// Threading: every method may be called from any thread. A thread of its own wakes at the
// nearest deadline.
#pragma once

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace paperdeck::http {

class RequestDeadlines {
 public:
  using Clock = std::chrono::steady_clock;

  RequestDeadlines();
  // Stops the thread; cuts nothing more.
  ~RequestDeadlines();
  RequestDeadlines(const RequestDeadlines&) = delete;
  RequestDeadlines& operator=(const RequestDeadlines&) = delete;

  // Starts watching the connection known as key, whose socket is fd, with no deadline yet.
  // REQUIRES: key is not watched. fd stays open until Forget(key) has returned.
  void Watch(const void* key, int fd);
  // The connection's request must be whole by `at`; an earlier deadline already set stands.
  void Arm(const void* key, Clock::time_point at);
  // The request is whole: no deadline until the next Arm.
  void Disarm(const void* key);
  // Stops watching key (the connection is closing). After it returns, its fd is never touched.
  void Forget(const void* key);

  // Connections cut so far.
  size_t cut() const;

 private:
  struct Watched {
    int fd = -1;
    Clock::time_point deadline = Clock::time_point::max();
    bool cut = false;
  };
  void Run();

  mutable std::mutex mu_;
  std::condition_variable wake_;
  std::map<const void*, Watched> watched_;  // guarded by mu_
  size_t cut_ = 0;                          // guarded by mu_
  bool stopping_ = false;                   // guarded by mu_
  Clock::time_point next_wake_ = Clock::time_point::max();  // the thread's; guarded by mu_
  std::thread thread_;
};

}  // namespace paperdeck::http
