// TempDir: a fresh, empty directory of a test's own under the system temp dir, made with mkdtemp
// (so two tests, or two runs at once, never share one) and removed with everything in it when the
// TempDir goes away.
#pragma once

#include <stdlib.h>

#include <cerrno>
#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

namespace paperdeck::testing {

class TempDir {
 public:
  // The directory is named "<prefix>-XXXXXX" (mkdtemp's six characters). Throws
  // std::system_error when it cannot be made: a test must not go on writing somewhere else.
  explicit TempDir(std::string_view prefix = "paperdeck-test") {
    std::string pattern = (std::filesystem::temp_directory_path() /
                           (std::string(prefix) + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
  }

  ~TempDir() {
    if (keep_) return;
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }

  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // A path inside the directory: dir / "corpus.db", dir / "a" / "b".
  std::filesystem::path operator/(const std::filesystem::path& child) const { return path_ / child; }

  // Leaves the directory on disk when the TempDir goes away (to look at after a failure).
  void Keep() { keep_ = true; }

 private:
  std::filesystem::path path_;
  bool keep_ = false;
};

}  // namespace paperdeck::testing
