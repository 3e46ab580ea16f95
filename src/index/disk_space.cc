#include "index/disk_space.h"

#include <sys/statvfs.h>

#include <cstdio>

#include "index/file_writer.h"
#include "model/digit_groups.h"

namespace paperdeck::index {

Result<uint64_t> AvailableBytes(const std::filesystem::path& path) {
  struct statvfs fs {};
  if (::statvfs(path.c_str(), &fs) != 0) {
    return Status::IOError(ErrnoMessage("cannot read the free space of", path));
  }
  return static_cast<uint64_t>(fs.f_bavail) * static_cast<uint64_t>(fs.f_frsize);
}

std::string Megabytes(uint64_t bytes) {
  const double mb = static_cast<double>(bytes) / 1e6;
  if (mb < 10) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f MB", mb);
    return text;
  }
  // Whole megabytes with thousands separators, rounded up: "about N MB" never understates.
  uint64_t whole = (bytes + 999'999) / 1'000'000;
  return WithCommas(whole) + " MB";
}

Status SpaceFor(std::string_view what, uint64_t needed, uint64_t available,
                const std::filesystem::path& dir) {
  if (available >= needed) return Status::Ok();
  return Status::IOError(std::string(what) + " needs about " + Megabytes(needed) + ", " +
                         Megabytes(available) + " free on " + dir.string() + " (" +
                         Megabytes(needed - available) + " short)");
}

bool IsSpaceRefusal(const Status& s) {
  const std::string& m = s.message();
  return s.code() == Status::Code::kIOError && m.find(" needs about ") != std::string::npos &&
         m.size() >= 7 && m.compare(m.size() - 7, 7, " short)") == 0;
}

Status CheckSpace(const std::filesystem::path& dir, std::string_view what, uint64_t needed) {
  Result<uint64_t> available = AvailableBytes(dir);
  if (!available.ok()) return available.status();
  return SpaceFor(what, needed, *available, dir);
}

}  // namespace paperdeck::index
