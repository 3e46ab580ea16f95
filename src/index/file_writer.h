// FileWriter: an append-only, buffered file that knows how many bytes it holds and their CRC-32C.
// Every file the index writes (segments and their spools, deletion files, the manifest) goes
// through one, so short writes, full disks and fsync failures all become a Status.
//
// Threading: one thread. The destructor closes the file without syncing it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::index {

class FileWriter {
 public:
  // Creates (or truncates) path for writing.
  static Result<std::unique_ptr<FileWriter>> Create(const std::filesystem::path& path);
  ~FileWriter();
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;

  Status Append(const void* data, size_t n);
  Status Append(std::span<const uint8_t> bytes) { return Append(bytes.data(), bytes.size()); }
  Status Append(std::string_view s) { return Append(s.data(), s.size()); }
  // Appends zero bytes until offset() is a multiple of alignment.
  Status Pad(size_t alignment);
  // Appends the whole content of another (closed) file.
  Status AppendFileContents(const std::filesystem::path& path);

  uint64_t offset() const { return offset_; }
  // CRC-32C of every byte appended so far.
  uint32_t crc() const { return crc_; }
  const std::filesystem::path& path() const { return path_; }

  Status Flush();
  // Flushes and fsyncs the file. REQUIRES: not closed.
  Status Sync();
  // Flushes and closes; further appends fail.
  Status Close();

 private:
  FileWriter(int fd, std::filesystem::path path);
  Status WriteAll(const uint8_t* p, size_t n);

  int fd_;
  std::filesystem::path path_;
  std::vector<uint8_t> buffer_;
  uint64_t offset_ = 0;
  uint32_t crc_ = 0;
  Status error_;  // sticky: the first failure
};

// fsyncs a directory, so a rename or unlink in it is durable.
Status SyncDirectory(const std::filesystem::path& dir);

// A message "what: path: strerror(errno)".
std::string ErrnoMessage(std::string_view what, const std::filesystem::path& path);

}  // namespace paperdeck::index
