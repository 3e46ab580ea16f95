#include "cli/issue_log.h"

#include <cerrno>
#include <cstring>

#include <fmt/core.h>

namespace paperdeck::cli {

Result<IssueLog> IssueLog::WritingTo(const std::filesystem::path& file) {
  IssueLog log;
  log.path_ = file;
  log.file_.reset(std::fopen(file.c_str(), "w"));
  if (!log.file_) {
    return Status::IOError("cannot write the issues file " + file.string() + ": " +
                           std::strerror(errno));
  }
  return log;
}

void IssueLog::Report(const std::string& message) {
  if (count_ < kMaxIssuesShown) fmt::print(stderr, "{}\n", message);
  ++count_;
  if (file_ && !write_failed_) {
    write_failed_ = std::fputs(message.c_str(), file_.get()) < 0 ||
                    std::fputc('\n', file_.get()) == EOF;
  }
}

Status IssueLog::Close() {
  if (file_) {
    write_failed_ |= std::fflush(file_.get()) != 0;
    write_failed_ |= std::fclose(file_.release()) != 0;
  }
  if (count_ > kMaxIssuesShown) {
    if (path_.empty()) {
      fmt::print(stderr,
                 "... and {} more problems not shown (`paperdeck import --issues FILE ...` writes "
                 "every one to FILE)\n",
                 count_ - kMaxIssuesShown);
    } else {
      fmt::print(stderr, "... and {} more problems not shown: all {} are in {}\n",
                 count_ - kMaxIssuesShown, count_, path_.string());
    }
  }
  if (write_failed_) {
    return Status::IOError("could not write every problem to " + path_.string() +
                           " (is the disk full?): the file is incomplete");
  }
  return Status::Ok();
}

}  // namespace paperdeck::cli
