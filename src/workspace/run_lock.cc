#include "workspace/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "model/calendar.h"

namespace paperdeck::workspace {
namespace {

// What the holder wrote ("a sync (pid 123, since ...)"), or a plain description.
std::string Holder(int fd) {
  char buffer[512];
  ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  std::string text(buffer, n > 0 ? static_cast<size_t>(n) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.pop_back();
  return text.empty() ? "another run" : text;
}

}  // namespace

Result<std::unique_ptr<RunLock>> RunLock::Acquire(const std::filesystem::path& root,
                                                  std::string_view what) {
  const std::filesystem::path path = root / kFileName;
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IOError(path.string() + ": cannot open the run lock: " + std::strerror(errno));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    std::string holder = err == EWOULDBLOCK ? Holder(fd) : std::string();
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Status::Busy(holder + " is running in this data directory; one at a time (" +
                          path.string() + ")");
    }
    return Status::IOError(path.string() + ": cannot lock: " + std::strerror(err));
  }
  const std::string line = "a " + std::string(what) + " (pid " + std::to_string(::getpid()) +
                           ", since " + NowIsoTime() + ")\n";
  // Who holds it is a courtesy to the next run; the lock holds whether or not this is written.
  if (::ftruncate(fd, 0) == 0) {
    (void)!::pwrite(fd, line.data(), line.size(), 0);
  }
  return std::unique_ptr<RunLock>(new RunLock(fd));
}

RunLock::~RunLock() {
  (void)!::ftruncate(fd_, 0);
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace paperdeck::workspace
