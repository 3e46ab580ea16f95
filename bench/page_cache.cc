#include "page_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <system_error>

namespace paperdeck::bench {

namespace fs = std::filesystem;

std::vector<fs::path> FilesUnder(const std::vector<fs::path>& paths) {
  std::vector<fs::path> files;
  for (const fs::path& path : paths) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) {
      files.push_back(path);
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(path, ec)) {
      if (entry.is_regular_file(ec)) files.push_back(entry.path());
    }
  }
  return files;
}

Status DropFromPageCache(const std::vector<fs::path>& files) {
  for (const fs::path& file : files) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Status::IOError(file.string() + ": " + std::strerror(errno));
    // Dirty pages cannot be dropped until written; the indexes are written before they are read,
    // so this only matters right after a build.
    ::fdatasync(fd);
    int rc = ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
    if (rc != 0) return Status::IOError(file.string() + ": posix_fadvise: " + std::strerror(rc));
  }
  return Status::Ok();
}

double ResidentFraction(const std::vector<fs::path>& files) {
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  uint64_t pages = 0, resident = 0;
  for (const fs::path& file : files) {
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      ::close(fd);
      return -1;
    }
    // Linux tells a file's cached pages to its owner or to a process allowed to write it.
    if (st.st_uid != ::geteuid() && ::access(file.c_str(), W_OK) != 0) {
      ::close(fd);
      return -1;
    }
    size_t size = static_cast<size_t>(st.st_size);
    if (size == 0) {
      ::close(fd);
      continue;
    }
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) return -1;
    size_t n = (size + page - 1) / page;
    std::vector<unsigned char> in_core(n);
    int rc = ::mincore(map, size, in_core.data());
    ::munmap(map, size);
    if (rc != 0) return -1;
    pages += n;
    for (unsigned char c : in_core) resident += c & 1;
  }
  return pages == 0 ? 0 : static_cast<double>(resident) / static_cast<double>(pages);
}

long ReadAheadKb(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  fs::path device =
      "/sys/dev/block/" + std::to_string(major(st.st_dev)) + ":" + std::to_string(minor(st.st_dev));
  // A partition has no queue/ of its own: its disk (the parent directory) has.
  for (const fs::path& queue : {device / "queue", device / ".." / "queue"}) {
    std::ifstream in(queue / "read_ahead_kb");
    long kb = -1;
    if (in >> kb) return kb;
  }
  return -1;
}

}  // namespace paperdeck::bench
