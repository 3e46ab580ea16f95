#include "index/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "index/file_writer.h"

namespace paperdeck::index {

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound(ErrnoMessage("cannot open", path));
    return Status::IOError(ErrnoMessage("cannot open", path));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    Status s = Status::IOError(ErrnoMessage("cannot stat", path));
    ::close(fd);
    return s;
  }
  const size_t size = static_cast<size_t>(st.st_size);
  if (size == 0) {
    ::close(fd);
    return std::unique_ptr<MappedFile>(new MappedFile(nullptr, 0));
  }
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
  Status err = p == MAP_FAILED ? Status::IOError(ErrnoMessage("cannot mmap", path)) : Status::Ok();
  ::close(fd);  // the mapping keeps the file
  if (!err.ok()) return err;
  ::madvise(p, size, MADV_RANDOM);  // a hint: see the header
  return std::unique_ptr<MappedFile>(new MappedFile(static_cast<const uint8_t*>(p), size));
}

void MappedFile::Advise(const uint8_t* begin, size_t n, Advice advice) const {
  if (data_ == nullptr || n == 0 || begin < data_ || begin >= data_ + size_) return;
  n = std::min(n, static_cast<size_t>(data_ + size_ - begin));
  static const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  const uintptr_t start = reinterpret_cast<uintptr_t>(begin) & ~(page - 1);
  const uintptr_t end = reinterpret_cast<uintptr_t>(begin) + n;
  const int how = advice == kInOrder    ? MADV_SEQUENTIAL
                  : advice == kWillNeed ? MADV_WILLNEED
                  : advice == kLetGo    ? MADV_DONTNEED  // shared and read-only: unmapped only
                                        : MADV_RANDOM;
  ::madvise(reinterpret_cast<void*>(start), end - start, how);
}

uint64_t ThreadMajorFaults() {
  struct rusage usage {};
  if (::getrusage(RUSAGE_THREAD, &usage) != 0) return 0;
  return static_cast<uint64_t>(usage.ru_majflt);
}

void MappedFile::WillNeed(const uint8_t* begin, size_t n) const { Advise(begin, n, kWillNeed); }

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<uint8_t*>(data_), size_);
}

}  // namespace paperdeck::index
