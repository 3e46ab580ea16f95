// TempDir: a fresh, private directory under the system's temporary directory, removed with
// everything in it when the TempDir is destroyed. Holds the throwaway index of an evaluation.
//
// Threading: not shared; one owner.
#pragma once

#include <filesystem>
#include <memory>

#include "model/status.h"

namespace paperdeck::eval {

class TempDir {
 public:
  // Creates <tmp>/<prefix>XXXXXX (mode 0700).
  static Result<std::unique_ptr<TempDir>> Create(const std::string& prefix);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  explicit TempDir(std::filesystem::path path) : path_(std::move(path)) {}
  std::filesystem::path path_;
};

}  // namespace paperdeck::eval
