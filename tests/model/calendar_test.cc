// Times as the corpus records them, and the clock tests can set (PAPERDECK_NOW).
#include "model/calendar.h"

#include <gtest/gtest.h>
#include <stdlib.h>

namespace paperdeck {
namespace {

TEST(CalendarTest, IsoTimesReadBackToTheSecond) {
  auto at = ParseIsoTime("2026-12-02T10:07:09Z");
  ASSERT_TRUE(at.has_value());
  EXPECT_EQ(FormatIsoTime(*at), "2026-12-02T10:07:09Z");
  EXPECT_FALSE(ParseIsoTime("2026-12-02").has_value());
  EXPECT_FALSE(ParseIsoTime("2026-02-30T10:00:00Z").has_value());
  EXPECT_FALSE(ParseIsoTime("2026-12-02T25:00:00Z").has_value());
}

TEST(CalendarTest, PaperdeckNowSetsTheClockTheCorpusReads) {
  setenv("PAPERDECK_NOW", "2026-12-02T10:00:00Z", 1);
  EXPECT_EQ(NowIsoTime(), "2026-12-02T10:00:00Z");
  EXPECT_EQ(FormatIsoDate(Today()), "2026-12-02");
  EXPECT_EQ(ClockOverrideProblem(), "");

  setenv("PAPERDECK_NOW", "tomorrow", 1);
  EXPECT_NE(NowIsoTime(), "2026-12-02T10:00:00Z");
  EXPECT_NE(ClockOverrideProblem().find("PAPERDECK_NOW='tomorrow' is not a time"),
            std::string::npos);
  unsetenv("PAPERDECK_NOW");
  EXPECT_EQ(ClockOverrideProblem(), "");
}

}  // namespace
}  // namespace paperdeck
