#include "text/char_class.h"

#include <gtest/gtest.h>

#include "text/utf8.h"

namespace paperdeck::text {
namespace {

CharKind Kind(char32_t c) { return ClassifyCodePoint(c).kind; }

TEST(CharClassTest, AsciiTable) {
  EXPECT_EQ(Kind(U'A'), CharKind::kUpper);
  EXPECT_EQ(Kind(U'z'), CharKind::kLower);
  EXPECT_EQ(Kind(U'7'), CharKind::kDigit);
  EXPECT_EQ(Kind(U' '), CharKind::kSeparator);
  EXPECT_EQ(Kind(U'$'), CharKind::kSeparator);
  EXPECT_EQ(Kind(U','), CharKind::kSeparator);
  EXPECT_EQ(Kind(U'{'), CharKind::kSeparator);
  for (char j : std::string_view("-_./\\^()[]+':@&=")) {
    EXPECT_EQ(ClassifyAscii(static_cast<unsigned char>(j)).kind, CharKind::kJoiner) << j;
    EXPECT_EQ(ClassifyAscii(static_cast<unsigned char>(j)).joiner, j);
  }
}

TEST(CharClassTest, UnicodeLettersDigitsAndMarks) {
  EXPECT_EQ(Kind(U'Ö'), CharKind::kUpper);
  EXPECT_EQ(Kind(U'ł'), CharKind::kLower);
  EXPECT_EQ(Kind(U'α'), CharKind::kLower);
  EXPECT_EQ(Kind(U'한'), CharKind::kCaseless);
  EXPECT_EQ(Kind(U'٤'), CharKind::kDigit);
  EXPECT_EQ(Kind(U'²'), CharKind::kDigit);
  EXPECT_EQ(Kind(0x0308), CharKind::kMark);
  EXPECT_EQ(Kind(0x00AD), CharKind::kMark);  // soft hyphen
  EXPECT_EQ(Kind(U'注'), CharKind::kIdeograph);
  EXPECT_EQ(Kind(U'が'), CharKind::kIdeograph);
  EXPECT_EQ(Kind(U'カ'), CharKind::kCaseless);
}

TEST(CharClassTest, UnicodeJoinersHaveAsciiSpellings) {
  EXPECT_EQ(ClassifyCodePoint(0x2010).joiner, '-');
  EXPECT_EQ(ClassifyCodePoint(0x2212).joiner, '-');
  EXPECT_EQ(ClassifyCodePoint(0xFF0D).joiner, '-');
  EXPECT_EQ(ClassifyCodePoint(0x2019).joiner, '\'');
  EXPECT_EQ(ClassifyCodePoint(0xFF08).joiner, '(');
  EXPECT_EQ(Kind(0x2014), CharKind::kSeparator);  // em dash
  EXPECT_EQ(Kind(0x00D7), CharKind::kSeparator);  // multiplication sign
}

TEST(CharClassTest, FullWidthLettersKeepTheirCase) {
  EXPECT_EQ(Kind(0xFF27), CharKind::kUpper);  // Ｇ
  EXPECT_EQ(Kind(0xFF47), CharKind::kLower);  // ｇ
}

TEST(CharClassTest, InvalidIsASeparator) {
  EXPECT_EQ(Kind(kInvalidCodePoint), CharKind::kSeparator);
  EXPECT_EQ(Kind(0x110000), CharKind::kSeparator);
}

}  // namespace
}  // namespace paperdeck::text
