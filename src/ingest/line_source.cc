#include "ingest/line_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace paperdeck::ingest {
namespace {

// Plain files are read straight into the line buffer in chunks of at most this; gzip files are
// read into an input buffer of this size.
constexpr size_t kReadChunk = size_t{128} << 10;
// The line buffer starts at this size and doubles while a line does not fit.
constexpr size_t kInitialBuffer = size_t{256} << 10;

// read(2), retried on EINTR. -1 with errno on failure.
ssize_t ReadSome(int fd, char* out, size_t n) {
  for (;;) {
    ssize_t got = ::read(fd, out, n);
    if (got >= 0 || errno != EINTR) return got;
  }
}

std::string ErrnoText(int error) { return std::strerror(error); }

}  // namespace

Result<std::unique_ptr<LineSource>> LineSource::Open(const std::filesystem::path& path,
                                                     size_t max_line_bytes) {
  const std::string name = path.string();
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int error = errno;
    std::string message = name + ": cannot open (" + ErrnoText(error) + ")";
    return error == ENOENT ? Status::NotFound(std::move(message))
                           : Status::IOError(std::move(message));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int error = errno;
    ::close(fd);
    return Status::IOError(name + ": cannot stat (" + ErrnoText(error) + ")");
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument(name + ": is a directory, not a file");
  }
  uint64_t size = S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  std::unique_ptr<LineSource> source(new LineSource(fd, size, max_line_bytes));

  // Sniff the first two bytes for the gzip magic. Whatever is read stays in the line buffer for a
  // plain file, or moves to the input buffer for gzip.
  while (source->end_ < 2 && !source->eof_) {
    source->FillPlain();
    if (!source->failure_.empty()) return Status::IOError(name + ": " + source->failure_);
  }
  if (source->end_ >= 2 && static_cast<unsigned char>(source->buffer_[0]) == 0x1f &&
      static_cast<unsigned char>(source->buffer_[1]) == 0x8b) {
    source->compressed_ = true;
    source->input_.assign(source->buffer_.begin(), source->buffer_.begin() + source->end_);
    source->input_.resize(std::max(kReadChunk, source->end_));
    z_stream& z = source->zstream_;
    z.next_in = reinterpret_cast<Bytef*>(source->input_.data());
    z.avail_in = static_cast<uInt>(source->end_);
    source->end_ = 0;
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
      return Status::IOError(name + ": cannot start gzip decompression");
    }
    source->zstream_ready_ = true;
  }
  return source;
}

LineSource::LineSource(int fd, uint64_t file_size, size_t max_line_bytes)
    : fd_(fd),
      file_size_(file_size),
      max_line_bytes_(max_line_bytes),
      buffer_(std::min(kInitialBuffer, std::max(max_line_bytes + 1, kReadChunk))) {}

LineSource::~LineSource() {
  if (zstream_ready_) inflateEnd(&zstream_);
  ::close(fd_);
}

uint64_t LineSource::bytes_read() const {
  if (compressed_) return file_bytes_read_ - zstream_.avail_in;
  return file_bytes_read_ - (end_ - start_);
}

void LineSource::PutBack() { put_back_ = true; }

LineSource::Outcome LineSource::Next(std::string_view* line) {
  if (put_back_) {
    put_back_ = false;
    *line = last_line_;
    return last_outcome_;
  }
  *line = {};
  for (;;) {
    if (scan_ < end_) {
      const char* base = buffer_.data();
      const void* newline = std::memchr(base + scan_, '\n', end_ - scan_);
      if (newline != nullptr) {
        size_t at = static_cast<const char*>(newline) - base;
        last_outcome_ = Emit(at, at + 1, line);
        last_line_ = *line;
        return last_outcome_;
      }
      scan_ = end_;
    }
    if (!failure_.empty()) {
      // Whatever partial line is buffered is cut by the damage; it is not a line.
      line_number_ = lines_ + 1;
      return Outcome::kFailed;
    }
    if (skipping_ || end_ - start_ > max_line_bytes_) {
      skipping_ = true;
      start_ = scan_ = end_ = 0;
    }
    if (eof_) {
      if (skipping_) {
        skipping_ = false;
        at_file_start_ = false;
        line_number_ = ++lines_;
        last_outcome_ = Outcome::kTooLong;
        last_line_ = {};
        return last_outcome_;
      }
      if (start_ < end_) {
        last_outcome_ = Emit(end_, end_, line);
        last_line_ = *line;
        return last_outcome_;
      }
      return Outcome::kEnd;
    }
    if (start_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + start_, end_ - start_);
      end_ -= start_;
      scan_ -= start_;
      start_ = 0;
    }
    if (end_ == buffer_.size()) {
      // Holds: end_ <= max_line_bytes_ here, else the line would be skipping.
      buffer_.resize(std::min(buffer_.size() * 2, max_line_bytes_ + 1));
    }
    Fill();
  }
}

LineSource::Outcome LineSource::Emit(size_t stop, size_t consumed_to, std::string_view* line) {
  std::string_view text(buffer_.data() + start_, stop - start_);
  start_ = scan_ = consumed_to;
  line_number_ = ++lines_;
  bool first_line = at_file_start_;
  at_file_start_ = false;
  if (skipping_) {
    skipping_ = false;
    return Outcome::kTooLong;
  }
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  if (first_line && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.size() > max_line_bytes_) return Outcome::kTooLong;
  *line = text;
  return Outcome::kLine;
}

void LineSource::Fail(std::string message) {
  failure_ = std::move(message);
  eof_ = true;
}

void LineSource::Fill() {
  if (compressed_) {
    FillGzip();
  } else {
    FillPlain();
  }
}

void LineSource::FillPlain() {
  size_t room = std::min(buffer_.size() - end_, kReadChunk);
  ssize_t got = ReadSome(fd_, buffer_.data() + end_, room);
  if (got < 0) {
    Fail("read failed (" + ErrnoText(errno) + ")");
    return;
  }
  if (got == 0) {
    eof_ = true;
    return;
  }
  file_bytes_read_ += static_cast<uint64_t>(got);
  end_ += static_cast<size_t>(got);
}

void LineSource::FillGzip() {
  for (;;) {
    if (zstream_.avail_in == 0 && !input_eof_) {
      ssize_t got = ReadSome(fd_, input_.data(), input_.size());
      if (got < 0) {
        Fail("read failed (" + ErrnoText(errno) + ")");
        return;
      }
      if (got == 0) {
        input_eof_ = true;
      } else {
        file_bytes_read_ += static_cast<uint64_t>(got);
        zstream_.next_in = reinterpret_cast<Bytef*>(input_.data());
        zstream_.avail_in = static_cast<uInt>(got);
      }
    }
    if (member_ended_) {
      if (zstream_.avail_in == 0) {
        if (input_eof_) {
          eof_ = true;
          return;
        }
        continue;
      }
      // More bytes after a complete member: another member (as `cat a.gz b.gz` makes), or junk.
      if (zstream_.next_in[0] != 0x1f) {
        Fail("unexpected bytes after the end of the gzip stream (corrupt file)");
        return;
      }
      inflateReset(&zstream_);
      member_ended_ = false;
    }
    if (zstream_.avail_in == 0 && input_eof_) {
      Fail("the gzip stream ends early: the file is truncated");
      return;
    }
    size_t room = buffer_.size() - end_;
    zstream_.next_out = reinterpret_cast<Bytef*>(buffer_.data() + end_);
    zstream_.avail_out = static_cast<uInt>(room);
    int rc = inflate(&zstream_, Z_NO_FLUSH);
    size_t produced = room - zstream_.avail_out;
    end_ += produced;
    if (rc == Z_STREAM_END) {
      member_ended_ = true;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      std::string detail = zstream_.msg != nullptr ? zstream_.msg : "error " + std::to_string(rc);
      Fail("corrupt gzip data (zlib: " + detail + ")");
      return;
    }
    if (produced > 0) return;
  }
}

}  // namespace paperdeck::ingest
