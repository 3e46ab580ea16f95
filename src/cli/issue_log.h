// IssueLog: where `import` says what was wrong with its input. Every problem is a located line
// ("FILE:LINE: message"). The terminal shows the first kMaxIssuesShown, so a file of a hundred
// thousand bad lines does not bury the summary; with `--issues FILE` every one is also written
// to FILE, and the terminal says where the rest went.
//
// Threading: one thread (the import's calling thread, as ImportObserver promises).
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "model/status.h"

namespace paperdeck::cli {

class IssueLog {
 public:
  static constexpr uint64_t kMaxIssuesShown = 50;

  // A log for the terminal alone.
  IssueLog() = default;
  // A log that also writes every problem to file (created, or emptied). Errors when it cannot
  // be opened: the caller stops before anything is imported.
  static Result<IssueLog> WritingTo(const std::filesystem::path& file);

  void Report(const std::string& message);
  // Says how many were not shown, and where they are. Returns an error if writing the file
  // failed at any point (a full disk): the caller says the file is incomplete.
  Status Close();
  uint64_t count() const { return count_; }

 private:
  uint64_t count_ = 0;
  std::filesystem::path path_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, &std::fclose};
  bool write_failed_ = false;
};

}  // namespace paperdeck::cli
