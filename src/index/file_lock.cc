#include "index/file_lock.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "index/file_writer.h"

namespace paperdeck::index {
namespace {

// The whole file, as one lock of type type.
struct flock WholeFile(short type) {
  struct flock lock {};
  lock.l_type = type;
  lock.l_whence = SEEK_SET;
  lock.l_start = 0;
  lock.l_len = 0;
  lock.l_pid = 0;  // F_OFD_* requires it
  return lock;
}

}  // namespace

Result<std::unique_ptr<FileLock>> FileLock::Acquire(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(ErrnoMessage("cannot open lock file", path));
  struct flock lock = WholeFile(F_WRLCK);
  if (::fcntl(fd, F_OFD_SETLK, &lock) != 0) {
    const int err = errno;
    ::close(fd);
    if (err == EAGAIN || err == EACCES) {
      return Status::Busy("the index at " + path.parent_path().string() +
                          " is open for writing by another writer");
    }
    errno = err;
    return Status::IOError(ErrnoMessage("cannot lock", path));
  }
  return std::unique_ptr<FileLock>(new FileLock(fd));
}

Result<bool> FileLock::IsHeld(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return false;
    return Status::IOError(ErrnoMessage("cannot open lock file", path));
  }
  struct flock lock = WholeFile(F_WRLCK);
  const int rc = ::fcntl(fd, F_OFD_GETLK, &lock);
  const int err = errno;
  ::close(fd);
  if (rc != 0) {
    errno = err;
    return Status::IOError(ErrnoMessage("cannot read the lock of", path));
  }
  return lock.l_type != F_UNLCK;
}

FileLock::~FileLock() {
  // Closing the file releases its lock.
  ::close(fd_);
}

}  // namespace paperdeck::index
