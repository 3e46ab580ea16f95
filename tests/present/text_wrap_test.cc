#include "present/text_wrap.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace paperdeck::present {
namespace {

std::vector<std::string> Lines(const std::string& text, int width) {
  std::vector<std::string> out;
  for (auto [b, e] : WrapLines(text, width)) out.push_back(text.substr(b, e - b));
  return out;
}

TEST(WrapLinesTest, BreaksAtSpacesWithinTheWidth) {
  EXPECT_THAT(Lines("the quick brown fox jumps", 10),
              ::testing::ElementsAre("the quick", "brown fox", "jumps"));
}

TEST(WrapLinesTest, ALongWordStandsAlone) {
  EXPECT_THAT(Lines("a https://example.org/a/very/long/url b", 10),
              ::testing::ElementsAre("a", "https://example.org/a/very/long/url", "b"));
}

TEST(WrapLinesTest, CountsCodePointsNotBytes) {
  // Each "é" is two bytes; five letters fit in five columns.
  EXPECT_THAT(Lines("ééééé ééééé", 5), ::testing::ElementsAre("ééééé", "ééééé"));
}

TEST(DecorateTest, WrapsSpansInStyleCodes) {
  std::string text = "sparse attention heads";
  EXPECT_EQ(Decorate(text, 0, static_cast<uint32_t>(text.size()), {{7, 16}}, "[", "]"),
            "sparse [attention] heads");
  // A span crossing the line's end is cut at it.
  EXPECT_EQ(Decorate(text, 0, 10, {{7, 16}}, "[", "]"), "sparse [att]");
}

}  // namespace
}  // namespace paperdeck::present
