// Status and Result: errors as values that cannot be dropped by accident, and the two helpers
// that pass an error on.
#include "model/status.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace paperdeck {
namespace {

Status FailsWith(const std::string& message) { return Status::IOError(message); }
Result<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidArgument(std::to_string(n) + " is odd");
  return n / 2;
}

Status ChainOfSteps(int n, int* out) {
  PAPERDECK_RETURN_IF_ERROR(n < 0 ? FailsWith("negative") : Status::Ok());
  PAPERDECK_ASSIGN_OR_RETURN(int half, Half(n));
  PAPERDECK_ASSIGN_OR_RETURN(*out, Half(half));
  return Status::Ok();
}

Result<std::unique_ptr<int>> MoveOnly(int n) { return std::make_unique<int>(n); }

Result<int> Deref(int n) {
  PAPERDECK_ASSIGN_OR_RETURN(std::unique_ptr<int> p, MoveOnly(n));
  return *p + 1;
}

TEST(StatusTest, ReturnIfErrorAndAssignOrReturnPassTheFirstErrorOn) {
  int out = 0;
  EXPECT_TRUE(ChainOfSteps(8, &out).ok());
  EXPECT_EQ(out, 2);
  Status negative = ChainOfSteps(-4, &out);
  EXPECT_EQ(negative.code(), Status::Code::kIOError);
  EXPECT_EQ(negative.message(), "negative");
  Status odd = ChainOfSteps(6, &out);  // 6 halves to 3, which is odd
  EXPECT_EQ(odd.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(odd.message(), "3 is odd");
  EXPECT_EQ(Deref(41).value(), 42);
}

#ifdef NDEBUG
TEST(StatusTest, AResultMadeFromAnOkStatusIsAnErrorNotAMissingValue) {
  Result<int> r(Status::Ok());
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.status().message(), "");
}
#else
TEST(StatusDeathTest, AResultMadeFromAnOkStatusStopsADebugBuild) {
  EXPECT_DEATH({ Result<int> r(Status::Ok()); (void)r; }, "OK Status");
}
#endif

}  // namespace
}  // namespace paperdeck
