// TrainingText: the file word vectors are learned from (vectors::AppendTrainingLine's lines),
// made so that a process killed while it learns leaves nothing behind. At 1M papers the text is
// 1.2 GB; a named file would stay on the disk after a kill until the next training.
//
// The file is made with O_TMPFILE in the vectors directory, so no directory names it and the
// kernel frees it when the last descriptor closes (the process's end, however it ends); it is
// written and read by its /proc/self/fd path, which fastText opens once per thread. Where the
// file system cannot make such a file, it is a named file in the directory, removed by the
// destructor (a kill then leaves it, as before).
#pragma once

#include <filesystem>
#include <memory>

#include "model/status.h"

namespace paperdeck::workspace {

class TrainingText {
 public:
  static Result<std::unique_ptr<TrainingText>> Create(const std::filesystem::path& dir);
  ~TrainingText();
  TrainingText(const TrainingText&) = delete;
  TrainingText& operator=(const TrainingText&) = delete;

  // Where the text is written and read while this lives.
  const std::filesystem::path& path() const { return path_; }
  // true when no directory names the file (O_TMPFILE).
  bool unnamed() const { return fd_ >= 0; }

 private:
  TrainingText() = default;

  int fd_ = -1;
  std::filesystem::path path_;
};

}  // namespace paperdeck::workspace
