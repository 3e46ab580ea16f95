#include "index/file_writer.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "index/crc32c.h"

namespace paperdeck::index {
namespace {
constexpr size_t kBufferBytes = 1 << 20;
}

std::string ErrnoMessage(std::string_view what, const std::filesystem::path& path) {
  return std::string(what) + ": " + path.string() + ": " + std::strerror(errno);
}

Result<std::unique_ptr<FileWriter>> FileWriter::Create(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return Status::IOError(ErrnoMessage("cannot create", path));
  return std::unique_ptr<FileWriter>(new FileWriter(fd, path));
}

FileWriter::FileWriter(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {
  buffer_.reserve(kBufferBytes);
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) ::close(fd_);
}

Status FileWriter::WriteAll(const uint8_t* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd_, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      error_ = Status::IOError(ErrnoMessage("cannot write", path_));
      return error_;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return Status::Ok();
}

Status FileWriter::Append(const void* data, size_t n) {
  if (!error_.ok()) return error_;
  if (fd_ < 0) return Status::IOError("append to a closed file: " + path_.string());
  const auto* p = static_cast<const uint8_t*>(data);
  crc_ = Crc32cExtend(crc_, p, n);
  offset_ += n;
  if (buffer_.size() + n <= kBufferBytes) {
    buffer_.insert(buffer_.end(), p, p + n);
    return Status::Ok();
  }
  PAPERDECK_RETURN_IF_ERROR(Flush());
  if (n >= kBufferBytes) return WriteAll(p, n);
  buffer_.insert(buffer_.end(), p, p + n);
  return Status::Ok();
}

Status FileWriter::Pad(size_t alignment) {
  static const uint8_t kZeros[64] = {};
  size_t rem = offset_ % alignment;
  if (rem == 0) return Status::Ok();
  return Append(kZeros, alignment - rem);
}

Status FileWriter::AppendFileContents(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(ErrnoMessage("cannot open", path));
  std::vector<uint8_t> chunk(kBufferBytes);
  Status status;
  while (status.ok()) {
    ssize_t r = ::read(fd, chunk.data(), chunk.size());
    if (r < 0) {
      if (errno == EINTR) continue;
      status = Status::IOError(ErrnoMessage("cannot read", path));
      break;
    }
    if (r == 0) break;
    status = Append(chunk.data(), static_cast<size_t>(r));
  }
  ::close(fd);
  return status;
}

Status FileWriter::Flush() {
  if (!error_.ok()) return error_;
  if (buffer_.empty()) return Status::Ok();
  Status s = WriteAll(buffer_.data(), buffer_.size());
  buffer_.clear();
  return s;
}

Status FileWriter::Sync() {
  PAPERDECK_RETURN_IF_ERROR(Flush());
  if (::fsync(fd_) != 0) {
    error_ = Status::IOError(ErrnoMessage("cannot fsync", path_));
    return error_;
  }
  return Status::Ok();
}

Status FileWriter::Close() {
  if (fd_ < 0) return error_;
  Status s = Flush();
  if (::close(fd_) != 0 && s.ok()) s = Status::IOError(ErrnoMessage("cannot close", path_));
  fd_ = -1;
  return s;
}

Status SyncDirectory(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(ErrnoMessage("cannot open directory", dir));
  Status s;
  if (::fsync(fd) != 0) s = Status::IOError(ErrnoMessage("cannot fsync directory", dir));
  ::close(fd);
  return s;
}

}  // namespace paperdeck::index
