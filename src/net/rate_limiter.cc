#include "net/rate_limiter.h"

#include <thread>

namespace paperdeck::net {

void RateLimiter::Acquire() {
  std::unique_lock<std::mutex> lock(mu_);
  released_.wait(lock, [this] { return !in_flight_; });
  in_flight_ = true;
  if (!any_request_) return;
  Clock::time_point ready = last_end_ + min_interval_;
  lock.unlock();
  // Sleep until the interval has passed; sleep_until may wake early, so check again.
  while (Clock::now() < ready) std::this_thread::sleep_until(ready);
}

void RateLimiter::Release() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    in_flight_ = false;
    any_request_ = true;
    last_end_ = Clock::now();
  }
  released_.notify_one();
}

}  // namespace paperdeck::net
