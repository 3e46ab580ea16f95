// BatchChannel: hands batches of work from one producing thread to one consuming thread, in
// order, and hands the emptied batches back, so a pipeline of two stages holds a fixed number of
// batches (bounded memory) and reuses their buffers instead of allocating per item.
//
// The producer takes an empty batch (TakeEmpty), fills it, and puts it (PutFull); when it has no
// more it calls FinishProducing. The consumer takes full batches in the order they were put
// (TakeFull), uses them, and gives them back (PutEmpty). Either side may stop the other:
// Close() makes every waiting and later Take* return nullptr, so a consumer that fails stops a
// producer blocked on TakeEmpty, and vice versa.
//
// Threading: every method may be called from any thread; one producer and one consumer.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>

namespace paperdeck::sync {

template <typename Batch>
class BatchChannel {
 public:
  // Creates `batches` empty batches (default-constructed). REQUIRES: batches > 0.
  explicit BatchChannel(size_t batches) {
    for (size_t i = 0; i < batches; ++i) empty_.push_back(std::make_unique<Batch>());
  }
  BatchChannel(const BatchChannel&) = delete;
  BatchChannel& operator=(const BatchChannel&) = delete;

  // An empty batch to fill (its buffers as the consumer left them); waits for one. nullptr once
  // closed.
  std::unique_ptr<Batch> TakeEmpty() { return Take(empty_); }

  // Queues a filled batch for the consumer.
  void PutFull(std::unique_ptr<Batch> batch) { Put(full_, std::move(batch)); }

  // No more full batches will come: TakeFull returns nullptr once the queued ones are taken.
  void FinishProducing() {
    std::lock_guard lock(mu_);
    finished_ = true;
    changed_.notify_all();
  }

  // The next full batch, in the order put; waits for one. nullptr when the producer finished and
  // every batch was taken, or once closed.
  std::unique_ptr<Batch> TakeFull() {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return closed_ || !full_.empty() || finished_; });
    if (closed_ || full_.empty()) return nullptr;
    auto batch = std::move(full_.front());
    full_.pop_front();
    return batch;
  }

  // Gives a used batch back to the producer.
  void PutEmpty(std::unique_ptr<Batch> batch) { Put(empty_, std::move(batch)); }

  // Stops both sides: every waiting and later Take* returns nullptr.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    changed_.notify_all();
  }

 private:
  using Queue = std::deque<std::unique_ptr<Batch>>;

  std::unique_ptr<Batch> Take(Queue& queue) {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return closed_ || !queue.empty(); });
    if (closed_) return nullptr;
    auto batch = std::move(queue.front());
    queue.pop_front();
    return batch;
  }
  void Put(Queue& queue, std::unique_ptr<Batch> batch) {
    std::lock_guard lock(mu_);
    queue.push_back(std::move(batch));
    changed_.notify_all();
  }

  std::mutex mu_;
  std::condition_variable changed_;
  Queue empty_;
  Queue full_;
  bool finished_ = false;
  bool closed_ = false;
};

}  // namespace paperdeck::sync
