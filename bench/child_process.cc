#include "child_process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace paperdeck::bench {
namespace {

// What the child writes to the pipe ahead of the figures.
struct ChildHeader {
  bool ok = false;
  char message[512] = {};
  ChildMemory memory;
};

bool WriteAll(int fd, const void* data, size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

// Reads until size bytes or the end; returns the bytes read.
size_t ReadAll(int fd, void* data, size_t size) {
  char* p = static_cast<char*>(data);
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, p + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  return got;
}

}  // namespace

Result<ChildMemory> RunInChild(const std::function<Status(void* out)>& work, void* out,
                               size_t size) {
  int fds[2];
  if (::pipe(fds) != 0) return Status::IOError(std::string("pipe: ") + std::strerror(errno));
  // Whatever the parent has buffered must not be printed twice.
  std::fflush(stdout);
  std::fflush(stderr);
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Status::IOError(std::string("fork: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::close(fds[0]);
    ChildHeader header;
    header.memory.start_bytes = ReadProcessMemory().rss_bytes;
    Status s = work(out);
    header.memory.peak_bytes = ReadProcessMemory().peak_bytes;
    header.ok = s.ok();
    std::snprintf(header.message, sizeof(header.message), "%s", s.message().c_str());
    bool written = WriteAll(fds[1], &header, sizeof(header)) && WriteAll(fds[1], out, size);
    ::close(fds[1]);
    // _exit: the parent's atexit handlers and stdio buffers are not the child's to run.
    ::_exit(written ? 0 : 1);
  }
  ::close(fds[1]);
  ChildHeader header;
  std::vector<char> figures(size);
  bool complete = ReadAll(fds[0], &header, sizeof(header)) == sizeof(header) &&
                  ReadAll(fds[0], figures.data(), size) == size;
  ::close(fds[0]);
  int wstatus = 0;
  while (::waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!complete || !WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
    return Status::IOError("a child process ended without its figures (status " +
                           std::to_string(wstatus) + ")");
  }
  if (!header.ok) return Status::IOError(header.message);
  std::memcpy(out, figures.data(), size);
  return header.memory;
}

}  // namespace paperdeck::bench
