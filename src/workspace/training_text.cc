#include "workspace/training_text.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace paperdeck::workspace {

Result<std::unique_ptr<TrainingText>> TrainingText::Create(const std::filesystem::path& dir) {
  std::unique_ptr<TrainingText> text(new TrainingText());
#ifdef O_TMPFILE
  text->fd_ = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (text->fd_ >= 0) {
    text->path_ = "/proc/self/fd/" + std::to_string(text->fd_);
    return text;
  }
#endif
  // No unnamed files here (an old kernel, a file system without them): a named one.
  text->path_ = dir / "training.txt.tmp";
  std::ofstream create(text->path_, std::ios::binary | std::ios::trunc);
  if (!create) {
    return Status::IOError("cannot write " + text->path_.string() + ": " + std::strerror(errno));
  }
  return text;
}

TrainingText::~TrainingText() {
  if (fd_ >= 0) {
    ::close(fd_);
  } else {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
}

}  // namespace paperdeck::workspace
