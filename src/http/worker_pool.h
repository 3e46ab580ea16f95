// WorkerPool: the few threads that do a request's real work (a search, a paper read from the
// corpus, a write), so the server's event loop never waits for one. A job is queued with
// Submit and run by the next free worker, in the order queued. The number of workers bounds the
// CPU and corpus connections the server's requests use at once; the queue is bounded by the
// connections the server holds (each has at most one request at work).
//
// Threading: Submit and Close may be called from any thread; Close from one thread only, once.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace paperdeck::http {

class WorkerPool {
 public:
  // Starts `workers` threads (at least one).
  explicit WorkerPool(size_t workers);
  // Closes the pool if Close was not called.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Queues job unless the pool is closed. on_queued runs first, under the pool's lock, only when
  // the job will run: what must be done before any worker may start the job (the server suspends
  // the connection the job will resume). Returns false, running neither, once Close has begun.
  bool Submit(std::function<void()> job, const std::function<void()>& on_queued = {});

  // Refuses new jobs, runs every job already queued, and joins the workers.
  void Close();

  size_t size() const { return threads_.size(); }

 private:
  void Work();

  std::mutex mu_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;  // guarded by mu_
  bool closed_ = false;                     // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace paperdeck::http
