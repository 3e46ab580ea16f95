// RateLimiter: keeps requests to one source apart. arXiv's terms ask for at most one request
// every 3 seconds on one connection; the limiter makes each request wait until min_interval has
// passed since the previous request to the same source *ended*, so the gap the server sees
// between two requests is never shorter than min_interval, however long a response took.
//
// Threading: thread-safe. Callers are serialised (one request in flight per source): Acquire()
// holds them in turn until Release() is called for the request it let through.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace paperdeck::net {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit RateLimiter(std::chrono::milliseconds min_interval) : min_interval_(min_interval) {}

  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Blocks until no other request is in flight and min_interval has passed since the last one
  // ended. REQUIRES: a matching Release() (see Permit).
  void Acquire();
  // Marks the end of the request Acquire() let through.
  void Release();

  std::chrono::milliseconds min_interval() const { return min_interval_; }

  // RAII: Acquire() in the constructor, Release() in the destructor.
  class Permit {
   public:
    explicit Permit(RateLimiter& limiter) : limiter_(limiter) { limiter_.Acquire(); }
    ~Permit() { limiter_.Release(); }
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;

   private:
    RateLimiter& limiter_;
  };

 private:
  const std::chrono::milliseconds min_interval_;
  std::mutex mu_;
  std::condition_variable released_;
  bool in_flight_ = false;
  bool any_request_ = false;
  Clock::time_point last_end_{};
};

}  // namespace paperdeck::net
