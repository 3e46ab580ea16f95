// RunLock: one remote run at a time per data directory. A sync, a pull and the page's pull each
// write what the sources answered into the corpus and keep their own progress (a saved search's
// last sync, a day of Hugging Face's listing); two at once would ask the sources twice and race
// on that progress. The lock is an exclusive flock on `remote.lock` in the data directory, held
// for the run's whole life (the kernel drops it if the process dies, so a killed run never
// leaves it behind), and the file says who holds it, so a second run can say whom it waits for.
//
// Threading: the object is owned by one thread; Acquire may be called from any.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "model/status.h"

namespace paperdeck::workspace {

class RunLock {
 public:
  // Takes the lock of the data directory at root for `what` ("sync", "pull", "the page's
  // pull"). Busy, naming the holder ("a sync (pid 123, since 2026-12-02T10:00:00Z) is running in
  // this data directory"), when another run holds it, in this process or another.
  static Result<std::unique_ptr<RunLock>> Acquire(const std::filesystem::path& root,
                                                  std::string_view what);
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  static constexpr std::string_view kFileName = "remote.lock";

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace paperdeck::workspace
