// MappedFile: a whole file mapped read-only into memory, unmapped on destruction. On Linux the
// mapping stays valid after the file is unlinked, which is what lets a reader keep an old
// snapshot while the writer removes its files.
//
// Threading: immutable after Open; share freely.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>

#include "model/status.h"

namespace paperdeck::index {

class MappedFile {
 public:
  // NotFound when the file does not exist.
  static Result<std::unique_ptr<MappedFile>> Open(const std::filesystem::path& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::span<const uint8_t> bytes() const { return {data_, size_}; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }

 private:
  MappedFile(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  const uint8_t* data_;
  size_t size_;
};

}  // namespace paperdeck::index
