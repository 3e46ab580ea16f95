#include "text/unicode_folding.h"

#include <gtest/gtest.h>

#include <string>

namespace paperdeck::text {
namespace {

std::string Fold(std::string_view text) {
  UnicodeFolder folder;
  std::string out;
  folder.Fold(text, &out);
  return out;
}

TEST(UnicodeFoldingTest, AsciiIsLowered) {
  EXPECT_EQ(Fold("FlashAttention-3"), "flashattention-3");
  EXPECT_EQ(Fold(""), "");
}

TEST(UnicodeFoldingTest, FoldAppends) {
  UnicodeFolder folder;
  std::string out = "x:";
  folder.Fold("ÄB", &out);
  UnicodeFolder::FoldAscii("CD", &out);
  EXPECT_EQ(out, "x:abcd");
}

TEST(UnicodeFoldingTest, DiacriticsAreRemovedFromLatinLetters) {
  EXPECT_EQ(Fold("Schrödinger"), "schrodinger");
  EXPECT_EQ(Fold("SCHRÖDINGER"), "schrodinger");
  EXPECT_EQ(Fold("Schro\xCC\x88" "dinger"), "schrodinger");  // decomposed input
  EXPECT_EQ(Fold("Crème Brûlée"), "creme brulee");
  EXPECT_EQ(Fold("Nguyễn"), "nguyen");
  EXPECT_EQ(Fold("İstanbul"), "istanbul");
}

TEST(UnicodeFoldingTest, LettersThatDoNotDecomposeAreMapped) {
  EXPECT_EQ(Fold("Przemysław"), "przemyslaw");
  EXPECT_EQ(Fold("Łukasz"), "lukasz");
  EXPECT_EQ(Fold("Søren"), "soren");
  EXPECT_EQ(Fold("Đorđević"), "dordevic");
  EXPECT_EQ(Fold("Æsir"), "aesir");
  EXPECT_EQ(Fold("Straße"), "strasse");
}

TEST(UnicodeFoldingTest, CompatibilityFormsAreNormalised) {
  EXPECT_EQ(Fold("ＧＰＴ－４"), "gpt-4");  // full width
  EXPECT_EQ(Fold("ﬁne"), "fine");          // ligature
  EXPECT_EQ(Fold("x²"), "x2");             // superscript
}

TEST(UnicodeFoldingTest, GreekIsCaseFoldedAndLosesAccents) {
  EXPECT_EQ(Fold("Σ"), "σ");
  EXPECT_EQ(Fold("ΆΛΦΑ"), "αλφα");
}

TEST(UnicodeFoldingTest, OtherScriptsKeepTheirMarks) {
  EXPECT_EQ(Fold("Й"), "й");  // not folded to "и"
  EXPECT_EQ(Fold("注意"), "注意");
  EXPECT_EQ(Fold("が"), "が");  // the voiced mark survives decomposition
  EXPECT_EQ(Fold("한국어"), "한국어");  // Hangul recomposes
}

TEST(UnicodeFoldingTest, InvisibleFormatCharactersAreRemoved) {
  EXPECT_EQ(Fold("atten\xC2\xAD" "tion"), "attention");  // soft hyphen
}

TEST(UnicodeFoldingTest, ReusesItsBuffersAcrossCalls) {
  UnicodeFolder folder;
  std::string out;
  folder.Fold("ÀÉÎÕÜ and a much longer tail so that the buffers grow: ȺȻȾ", &out);
  out.clear();
  folder.Fold("É", &out);
  EXPECT_EQ(out, "e");
}

}  // namespace
}  // namespace paperdeck::text
