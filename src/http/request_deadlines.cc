#include "http/request_deadlines.h"

#include <sys/socket.h>

namespace paperdeck::http {
namespace {

constexpr std::chrono::milliseconds kSlack{50};

}  // namespace

RequestDeadlines::RequestDeadlines() : thread_([this] { Run(); }) {}

RequestDeadlines::~RequestDeadlines() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void RequestDeadlines::Watch(const void* key, int fd) {
  std::lock_guard lock(mu_);
  watched_[key] = Watched{fd};
}

void RequestDeadlines::Arm(const void* key, Clock::time_point at) {
  bool sooner = false;
  {
    std::lock_guard lock(mu_);
    auto it = watched_.find(key);
    if (it == watched_.end() || it->second.deadline <= at) return;
    it->second.deadline = at;
    // Deadlines are mostly set a fixed time ahead, so mostly after the next wake: no wake-up.
    sooner = at < next_wake_;
  }
  if (sooner) wake_.notify_all();
}

void RequestDeadlines::Disarm(const void* key) {
  std::lock_guard lock(mu_);
  if (auto it = watched_.find(key); it != watched_.end()) it->second.deadline = Clock::time_point::max();
}

void RequestDeadlines::Forget(const void* key) {
  std::lock_guard lock(mu_);
  watched_.erase(key);
}

size_t RequestDeadlines::cut() const {
  std::lock_guard lock(mu_);
  return cut_;
}

void RequestDeadlines::Run() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    const Clock::time_point now = Clock::now();
    Clock::time_point next = Clock::time_point::max();
    for (auto& [key, w] : watched_) {
      if (w.cut) continue;
      if (w.deadline <= now) {
        // The descriptor is open: Forget, which precedes its close, takes this lock.
        ::shutdown(w.fd, SHUT_RDWR);
        w.cut = true;
        ++cut_;
      } else if (w.deadline < next) {
        next = w.deadline;
      }
    }
    if (next == Clock::time_point::max()) {
      next_wake_ = next;
      wake_.wait(lock);
    } else {
      // Deadlines are seconds long: cutting a little late lets one scan cut many connections.
      next_wake_ = next + kSlack;
      wake_.wait_until(lock, next_wake_);
    }
  }
}

}  // namespace paperdeck::http

