#include "index/deletion_bitmap.h"

#include <bit>
#include <cstring>

#include "index/crc32c.h"
#include "index/file_writer.h"
#include "index/mapped_file.h"

namespace paperdeck::index {
namespace {

constexpr char kMagic[8] = {'P', 'D', 'D', 'E', 'L', '\r', '\n', '\x1a'};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 8 + 4 * 4;

}  // namespace

std::string DeletionFileName(std::string_view segment, uint64_t generation) {
  return std::string(segment) + "." + std::to_string(generation) + ".del";
}

Status DeletionBitmap::WriteFile(const std::filesystem::path& path) const {
  auto out = FileWriter::Create(path);
  if (!out.ok()) return out.status();
  FileWriter& w = *out.value();
  const uint32_t header[4] = {kVersion, doc_count_, deleted_, 0};
  Status s = w.Append(kMagic, 8);
  if (s.ok()) s = w.Append(header, sizeof header);
  if (s.ok()) s = w.Append(words_.data(), words_.size() * 8);
  const uint32_t crc = w.crc();
  if (s.ok()) s = w.Append(&crc, 4);
  if (s.ok()) s = w.Sync();
  if (s.ok()) s = w.Close();
  return s;
}

Result<DeletionBitmap> DeletionBitmap::ReadFile(const std::filesystem::path& path,
                                                uint32_t expected_doc_count) {
  auto mapped = MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  const uint8_t* p = mapped.value()->data();
  const size_t size = mapped.value()->size();
  const size_t words = (size_t{expected_doc_count} + 63) / 64;
  if (size != kHeaderBytes + words * 8 + 4 || std::memcmp(p, kMagic, 8) != 0) {
    return Status::Corruption(path.string() + ": not a deletion file for " +
                              std::to_string(expected_doc_count) + " documents");
  }
  uint32_t header[4];
  std::memcpy(header, p + 8, sizeof header);
  uint32_t crc;
  std::memcpy(&crc, p + size - 4, 4);
  if (header[0] != kVersion || header[1] != expected_doc_count || Crc32c(p, size - 4) != crc) {
    return Status::Corruption(path.string() + ": deletion file damaged or of another version");
  }
  DeletionBitmap bitmap(expected_doc_count);
  std::memcpy(bitmap.words_.data(), p + kHeaderBytes, words * 8);
  uint32_t count = 0;
  for (uint64_t w : bitmap.words_) count += static_cast<uint32_t>(std::popcount(w));
  if (count != header[2]) return Status::Corruption(path.string() + ": deleted count mismatch");
  bitmap.deleted_ = count;
  return bitmap;
}

}  // namespace paperdeck::index
