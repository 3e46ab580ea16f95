// FileLock: an exclusive advisory lock (flock) on a file, held for the object's lifetime. The
// index writer holds one on "<dir>/LOCK" so a second writer, in this process or another, is
// refused rather than corrupting the directory. The kernel drops the lock if the process dies.
//
// Threading: the object is owned by one thread.
#pragma once

#include <filesystem>
#include <memory>

#include "model/status.h"

namespace paperdeck::index {

class FileLock {
 public:
  // Creates path if needed and locks it; Busy when someone else holds the lock.
  static Result<std::unique_ptr<FileLock>> Acquire(const std::filesystem::path& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace paperdeck::index
