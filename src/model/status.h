// Status and Result: errors as values. No exception crosses a module line; a function that can
// fail returns a Status (nothing else to return) or a Result<T> (a T or the Status saying why not).
// Both are [[nodiscard]]: a caller handles the error, passes it on (PAPERDECK_RETURN_IF_ERROR,
// PAPERDECK_ASSIGN_OR_RETURN below), or says in code that it may be ignored (`(void)`) and why.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace paperdeck {

class [[nodiscard]] Status {
 public:
  enum class Code {
    kOk,
    kInvalidArgument,  // the caller's input is wrong (bad flag, bad query value)
    kNotFound,
    kCorruption,       // bytes on disk or on the wire are not what their format promises
    kIOError,          // the operating system refused (open, read, write, fsync, rename, mmap)
    kBusy,             // another process holds what we need (the index writer lock)
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
  static Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
  static Status Corruption(std::string m) { return Status(Code::kCorruption, std::move(m)); }
  static Status IOError(std::string m) { return Status(Code::kIOError, std::move(m)); }
  static Status Busy(std::string m) { return Status(Code::kBusy, std::move(m)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // A message for a person: what failed and where (file, line, offset), never empty unless ok().
  const std::string& message() const { return message_; }

 private:
  Status(Code c, std::string m) : code_(c), message_(std::move(m)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status explaining its absence. REQUIRES for value(): ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  // REQUIRES: !status.ok() — a Result without a value must say why. Checked in debug builds; a
  // release build keeps the error rather than a value that is not there.
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    assert(!std::get<Status>(v_).ok() && "Result made from an OK Status");
    if (std::get<Status>(v_).ok()) {
      v_ = Status::InvalidArgument("internal error: a result without a value or a reason");
    }
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace paperdeck

// Returns the Status of expr from the enclosing function when it is not OK.
#define PAPERDECK_RETURN_IF_ERROR(expr)                                   \
  do {                                                                    \
    if (::paperdeck::Status paperdeck_status_ = (expr); !paperdeck_status_.ok()) { \
      return paperdeck_status_;                                           \
    }                                                                     \
  } while (false)

// Declares-or-assigns lhs from the value of the Result expr, or returns its Status from the
// enclosing function: PAPERDECK_ASSIGN_OR_RETURN(auto reader, IndexReader::Open(dir));
#define PAPERDECK_ASSIGN_OR_RETURN(lhs, expr) \
  PAPERDECK_ASSIGN_OR_RETURN_IMPL_(PAPERDECK_CONCAT_(paperdeck_result_, __LINE__), lhs, expr)
#define PAPERDECK_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                     \
  if (!result.ok()) return result.status();                 \
  lhs = std::move(result).value()
#define PAPERDECK_CONCAT_(a, b) PAPERDECK_CONCAT_INNER_(a, b)
#define PAPERDECK_CONCAT_INNER_(a, b) a##b
