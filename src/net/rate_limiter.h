// RateLimiter: keeps requests to one source apart. arXiv's terms ask for at most one request
// every 3 seconds on one connection; the limiter makes each request wait until min_interval has
// passed since the previous request to the same source *ended*, so the gap the server sees
// between two requests is never shorter than min_interval, however long a response took.
//
// With a shared file (arXiv: `arxiv.lock` in the data directory) the limit also holds across
// processes: each request holds an exclusive flock on the file from Acquire to Release, and
// Release writes the time the request ended into it (milliseconds since 1970, wall clock, since
// processes share no other clock), so a second `paperdeck` waits for the first one's request and
// then min_interval after it. If the file cannot be opened or locked, the limit holds within this
// process only.
//
// Threading: thread-safe. Callers are serialised (one request in flight per source): Acquire()
// holds them in turn until Release() is called for the request it let through.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>

namespace paperdeck::net {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  // Told, before the limiter holds a request back, how long it will wait (so a caller can say
  // "waiting 3 s for arXiv" while it does). Called on the waiting thread, without locks held.
  using SpacingObserver = std::function<void(std::chrono::milliseconds)>;

  explicit RateLimiter(std::chrono::milliseconds min_interval,
                       std::filesystem::path shared_file = {}, SpacingObserver on_wait = {})
      : min_interval_(min_interval),
        shared_file_(std::move(shared_file)),
        on_wait_(std::move(on_wait)) {}
  ~RateLimiter();

  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Blocks until no other request is in flight and min_interval has passed since the last one
  // ended; returns how long it blocked. REQUIRES: a matching Release() (see Permit).
  std::chrono::milliseconds Acquire();
  // Marks the end of the request Acquire() let through.
  void Release();

  std::chrono::milliseconds min_interval() const { return min_interval_; }

  // RAII: Acquire() in the constructor, Release() in the destructor.
  class Permit {
   public:
    explicit Permit(RateLimiter& limiter) : limiter_(limiter), waited_(limiter_.Acquire()) {}
    ~Permit() { limiter_.Release(); }
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;

    // How long Acquire() held this request back.
    std::chrono::milliseconds waited() const { return waited_; }

   private:
    RateLimiter& limiter_;
    const std::chrono::milliseconds waited_;
  };

 private:
  // Takes the shared file's lock and waits until min_interval after the end it records.
  void AcquireShared();
  void ReleaseShared();
  // Tells on_wait_ of a wait until ready, when there is one.
  void Tell(Clock::time_point ready) const;

  const std::chrono::milliseconds min_interval_;
  const std::filesystem::path shared_file_;  // empty: this process only
  const SpacingObserver on_wait_;
  int shared_fd_ = -1;  // open and locked while a request is in flight
  std::mutex mu_;
  std::condition_variable released_;
  bool in_flight_ = false;
  bool any_request_ = false;
  Clock::time_point last_end_{};
};

}  // namespace paperdeck::net
