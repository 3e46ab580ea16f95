#include "net/rate_limiter.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <string>
#include <thread>

namespace paperdeck::net {

namespace {

using WallMs = std::chrono::duration<long long, std::milli>;

long long WallNowMs() {
  return std::chrono::duration_cast<WallMs>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

RateLimiter::~RateLimiter() {
  if (shared_fd_ >= 0) ::close(shared_fd_);
}

std::chrono::milliseconds RateLimiter::Acquire() {
  const Clock::time_point asked = Clock::now();
  std::unique_lock<std::mutex> lock(mu_);
  released_.wait(lock, [this] { return !in_flight_; });
  in_flight_ = true;
  if (any_request_) {
    Clock::time_point ready = last_end_ + min_interval_;
    lock.unlock();
    Tell(ready);
    // Sleep until the interval has passed; sleep_until may wake early, so check again.
    while (Clock::now() < ready) std::this_thread::sleep_until(ready);
  } else {
    lock.unlock();
  }
  // Only the request in flight gets here, so shared_fd_ needs no lock.
  if (!shared_file_.empty()) AcquireShared();
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - asked);
}

void RateLimiter::Tell(Clock::time_point ready) const {
  if (!on_wait_) return;
  auto wait = std::chrono::ceil<std::chrono::milliseconds>(ready - Clock::now());
  if (wait.count() > 0) on_wait_(wait);
}

void RateLimiter::AcquireShared() {
  int fd = ::open(shared_file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return;
  int rc;
  do {
    rc = ::flock(fd, LOCK_EX);  // waits while another process's request is in flight
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    ::close(fd);
    return;
  }
  shared_fd_ = fd;
  char buf[32] = {};
  ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
  if (n <= 0) return;
  long long last_end = std::strtoll(buf, nullptr, 10);
  long long now = WallNowMs();
  // The file holds whole milliseconds, the true end was up to 1 ms later: wait 1 ms more. An
  // end in the future (a clock set back) waits at most one interval.
  long long wait = std::min<long long>(last_end + min_interval_.count() + 1 - now,
                                       min_interval_.count() + 1);
  if (last_end > 0 && wait > 0) {
    Clock::time_point ready = Clock::now() + std::chrono::milliseconds(wait);
    Tell(ready);
    while (Clock::now() < ready) std::this_thread::sleep_until(ready);
  }
}

void RateLimiter::ReleaseShared() {
  if (shared_fd_ < 0) return;
  std::string end = std::to_string(WallNowMs()) + "\n";
  if (::ftruncate(shared_fd_, 0) == 0) {
    (void)!::pwrite(shared_fd_, end.data(), end.size(), 0);
  }
  ::close(shared_fd_);  // releases the flock
  shared_fd_ = -1;
}

void RateLimiter::Release() {
  ReleaseShared();
  {
    std::lock_guard<std::mutex> lock(mu_);
    in_flight_ = false;
    any_request_ = true;
    last_end_ = Clock::now();
  }
  released_.notify_one();
}

}  // namespace paperdeck::net
