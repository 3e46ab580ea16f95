#include "cli/progress_bar.h"

#include <gtest/gtest.h>

namespace paperdeck::cli {
namespace {

TEST(ProgressLine, SaysHowLongTheRestTakesAtThePaceSoFar) {
  // A quarter done in a minute: three minutes to go.
  EXPECT_EQ(ProgressLine("importing a.jsonl", 250, 1000, "1200 records", "20 records/s", 60),
            "importing a.jsonl [######..................]  25% 1200 records  20 records/s  "
            "about 3 min left");
  // Training at 5% after six minutes: close to two hours left, in hours and minutes.
  EXPECT_EQ(ProgressLine("learning word vectors (2 threads)", 50, 1000, "84388 words/s/thread",
                         "", 360),
            "learning word vectors (2 threads) [#.......................]   5% 84388 "
            "words/s/thread  about 1 h 54 min left");
  EXPECT_EQ(ProgressLine("x", 900, 1000, "", "", 90),
            "x [#####################...]  90%  about 10 s left");
}

TEST(ProgressLine, GuessesNoTimeTooEarlyWithoutATotalOrWhenDone) {
  EXPECT_EQ(ProgressLine("x", 500, 1000, "5 papers", "", 2),
            "x [############............]  50% 5 papers");
  EXPECT_EQ(ProgressLine("x", 0, 1000, "", "", 60), "x [........................]   0%");
  EXPECT_EQ(ProgressLine("indexing", 10, 0, "10 papers", "5 papers/s", 60),
            "indexing 10 papers  5 papers/s");
  EXPECT_EQ(ProgressLine("x", 1000, 1000, "", "", 60), "x [########################] 100%");
}

}  // namespace
}  // namespace paperdeck::cli
