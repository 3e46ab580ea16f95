#include "index/file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "index/file_writer.h"

namespace paperdeck::index {

Result<std::unique_ptr<FileLock>> FileLock::Acquire(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(ErrnoMessage("cannot open lock file", path));
  // flock locks belong to the open file description, so a second open in this same process
  // is refused too.
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return Status::Busy("the index at " + path.parent_path().string() +
                          " is open for writing by another writer");
    }
    errno = err;
    return Status::IOError(ErrnoMessage("cannot lock", path));
  }
  return std::unique_ptr<FileLock>(new FileLock(fd));
}

FileLock::~FileLock() {
  ::flock(fd_, LOCK_UN);
  ::close(fd_);
}

}  // namespace paperdeck::index
