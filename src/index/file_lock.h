// FileLock: an exclusive advisory lock on a file, held for the object's lifetime. The index
// writer holds one on "<dir>/LOCK" so a second writer, in this process or another, is refused
// rather than corrupting the directory. The kernel drops the lock if the process dies.
//
// It is an open-file-description lock (fcntl F_OFD_SETLK): it belongs to the open file, so a
// second open in the same process conflicts too, and IsHeld can ask whether one is held
// without taking it (a reader asking never makes a writer fail to start).
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
  // Whether some open file (this process's included) holds the lock on path now; false when
  // path does not exist.
  static Result<bool> IsHeld(const std::filesystem::path& path);
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  explicit FileLock(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace paperdeck::index
