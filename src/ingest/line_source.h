// LineSource: the lines of one file, plain or gzip-compressed, read as a stream in bounded
// memory. gzip is recognised by its magic bytes (1f 8b), whatever the file is called;
// concatenated gzip members are read as one stream. The buffer holds at most one line (up to
// max_line_bytes) plus one read chunk, so a file of any size is read in a few MiB.
//
// A line ends at '\n'; a trailing '\r' is dropped, and so is a UTF-8 byte order mark at the start
// of the file. The last line need not end with '\n'. A line longer than max_line_bytes is skipped
// without being buffered and reported as kTooLong, so one absurd line costs no memory.
//
// A damaged file (a gzip stream cut short or corrupt, a read error) ends the stream with kFailed;
// the lines before the damage have already been returned whole, a partial line at the damage is
// dropped. kFailed is sticky.
//
// Not thread-safe: one reader at a time.
#pragma once

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/status.h"

namespace paperdeck::ingest {

class LineSource {
 public:
  // The longest line a record may take; longer lines are kTooLong.
  static constexpr size_t kDefaultMaxLineBytes = size_t{16} << 20;

  enum class Outcome {
    kLine,     // *line holds the next line, valid until the next call of Next()
    kTooLong,  // the next line was longer than max_line_bytes and was skipped
    kEnd,      // no more lines
    kFailed,   // the rest of the file cannot be read; failure() says why
  };

  // Opens path. Errors name the file: "FILE: cannot open (No such file or directory)" (kNotFound),
  // other open or read failures (kIOError), a directory (kInvalidArgument).
  // REQUIRES: max_line_bytes > 0.
  static Result<std::unique_ptr<LineSource>> Open(const std::filesystem::path& path,
                                                  size_t max_line_bytes = kDefaultMaxLineBytes);

  ~LineSource();
  LineSource(const LineSource&) = delete;
  LineSource& operator=(const LineSource&) = delete;

  Outcome Next(std::string_view* line);

  // Makes the next Next() return the same outcome and line again, as if it had not been read.
  // REQUIRES: the last Next() returned kLine or kTooLong, and PutBack() has not been called since.
  void PutBack();

  // After kLine or kTooLong: the 1-based number of that line. After kFailed: the number of the
  // line being read when the damage was found (one past the last whole line).
  uint64_t line_number() const { return line_number_; }

  // Why the stream failed, without file or line ("the gzip stream ends early ..."); empty unless
  // Next() returned kFailed.
  const std::string& failure() const { return failure_; }

  size_t max_line_bytes() const { return max_line_bytes_; }
  bool compressed() const { return compressed_; }
  // Bytes of the file consumed so far (compressed bytes for gzip), for progress reports.
  uint64_t bytes_read() const;
  // The size of the file when it was opened (0 for a pipe).
  uint64_t file_size() const { return file_size_; }
  // The memory held for lines now; bounded by max_line_bytes plus one read chunk.
  size_t buffer_bytes() const { return buffer_.size() + input_.size(); }

 private:
  LineSource(int fd, uint64_t file_size, size_t max_line_bytes);

  // Appends data to buffer_[end_, ...) from the file. Sets eof_ when no more will come, or
  // failure_ (and eof_) when the file is damaged.
  void Fill();
  void FillPlain();
  void FillGzip();
  void Fail(std::string message);
  // Hands out buffer_[start_, stop) as line, consuming through consumed_to.
  Outcome Emit(size_t stop, size_t consumed_to, std::string_view* line);

  int fd_;
  uint64_t file_size_;
  size_t max_line_bytes_;
  uint64_t file_bytes_read_ = 0;  // read(2) from the file so far

  bool compressed_ = false;
  z_stream zstream_{};
  bool zstream_ready_ = false;
  bool member_ended_ = false;  // the current gzip member is complete
  bool input_eof_ = false;     // read(2) returned 0
  std::vector<char> input_;    // compressed bytes, gzip only

  std::vector<char> buffer_;  // lines: [start_, end_) holds bytes not yet handed out
  size_t start_ = 0;
  size_t scan_ = 0;  // [start_, scan_) is known to hold no '\n'
  size_t end_ = 0;
  bool eof_ = false;
  bool skipping_ = false;  // inside a line longer than max_line_bytes_
  bool at_file_start_ = true;

  uint64_t lines_ = 0;
  uint64_t line_number_ = 0;
  std::string failure_;

  bool put_back_ = false;
  Outcome last_outcome_ = Outcome::kEnd;
  std::string_view last_line_;
};

}  // namespace paperdeck::ingest
