#include "vectors/file_bytes.h"

#include "index/file_writer.h"

namespace paperdeck::vectors {

Status WriteWholeFile(const std::filesystem::path& path, std::initializer_list<std::string_view> parts,
                      std::string_view end_marker, uint32_t* crc) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  auto writer = index::FileWriter::Create(tmp);
  if (!writer.ok()) return writer.status();
  index::FileWriter& w = **writer;
  for (std::string_view part : parts) PAPERDECK_RETURN_IF_ERROR(w.Append(part));
  const uint32_t sum = w.crc();
  if (crc) *crc = sum;
  PAPERDECK_RETURN_IF_ERROR(w.Append(&sum, 4));
  PAPERDECK_RETURN_IF_ERROR(w.Append(end_marker));
  PAPERDECK_RETURN_IF_ERROR(w.Sync());
  PAPERDECK_RETURN_IF_ERROR(w.Close());
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::IOError("cannot write " + path.string() + ": " + ec.message());
  }
  return Status::Ok();
}

}  // namespace paperdeck::vectors
