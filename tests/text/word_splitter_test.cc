#include "text/word_splitter.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace paperdeck::text {
namespace {

// Each word as its parts with the joiner text before each in brackets, and any kept closing
// brackets after a '+': "Flash[]Attention[-]3", "O[(]n[^]2+)". Words are separated by spaces.
std::string Split(std::string_view text) {
  WordSplitter splitter(text);
  Word word;
  std::string out;
  while (splitter.Next(&word)) {
    if (!out.empty()) out += ' ';
    for (size_t i = 0; i < word.parts.size(); ++i) {
      if (i > 0) out += "[" + std::string(word.JoinerBefore(i)) + "]";
      const WordPart& p = word.parts[i];
      out += text.substr(p.begin, p.fold_end - p.begin);
    }
    if (!word.trailer.empty()) out += "+" + word.trailer;
  }
  return out;
}

TEST(WordSplitterTest, SplitsOnSpacesAndPunctuation) {
  EXPECT_EQ(Split("  hello, world! (yes)  "), "hello world yes");
}

TEST(WordSplitterTest, CaseChanges) {
  EXPECT_EQ(Split("FlashAttention"), "Flash[]Attention");
  EXPECT_EQ(Split("XMLParser"), "XML[]Parser");
  EXPECT_EQ(Split("iPhone"), "i[]Phone");
  EXPECT_EQ(Split("Attention"), "Attention");
  EXPECT_EQ(Split("ATTENTION"), "ATTENTION");
}

TEST(WordSplitterTest, LetterDigitChanges) {
  EXPECT_EQ(Split("GPT4o"), "GPT[]4[]o");
  EXPECT_EQ(Split("T2I"), "T[]2[]I");
}

TEST(WordSplitterTest, DecimalPointStaysInTheNumber) {
  EXPECT_EQ(Split("3.46 v1.5 2401.12345"), "3.46 v[]1.5 2401.12345");
  EXPECT_EQ(Split("in 2024."), "in 2024");
  EXPECT_EQ(Split("Fig.3"), "Fig[.]3");
}

TEST(WordSplitterTest, JoinersInsideAWord) {
  EXPECT_EQ(Split("GPT-4 O(n^2) pass@1 R&D snake_case and/or"),
            "GPT[-]4 O[(]n[^]2+) pass[@]1 R[&]D snake[_]case and[/]or");
}

TEST(WordSplitterTest, LatexBackslashJoinsWithoutJoinerText) {
  EXPECT_EQ(Split("$3.46\\times$"), "3.46[]times");
  EXPECT_EQ(Split("$\\alpha$"), "alpha");
}

TEST(WordSplitterTest, RepeatedOrLongJoinerRunsBreakWords) {
  EXPECT_EQ(Split("a--b"), "a b");
  EXPECT_EQ(Split("a..b"), "a b");
  EXPECT_EQ(Split("https://arxiv.org"), "https arxiv[.]org");
  EXPECT_EQ(Split("a-.-.b"), "a b");
}

TEST(WordSplitterTest, OnlyBalancingClosingBracketsTrail) {
  EXPECT_EQ(Split("(MILA)"), "MILA");
  EXPECT_EQ(Split("f(g(x))."), "f[(]g[(]x+))");
  EXPECT_EQ(Split("(x[i])"), "x[[]i+]");
  EXPECT_EQ(Split("(LLM)-based"), "LLM[-]based");
}

TEST(WordSplitterTest, Possessives) {
  EXPECT_EQ(Split("Mamba's"), "Mamba");
  EXPECT_EQ(Split("MAMBA'S"), "MAMBA");
  EXPECT_EQ(Split("bird's-eye"), "bird[-]eye");
  EXPECT_EQ(Split("don't"), "don[']t");
  EXPECT_EQ(Split("models'"), "models");
}

TEST(WordSplitterTest, AcronymPluralIsLeftOutOfTheFoldRange) {
  EXPECT_EQ(Split("LLMs GPUs CNNs."), "LLM GPU CNN");
  EXPECT_EQ(Split("LoRAs"), "Lo[]RA");
  // Not plurals: a single capital, a lower-case run longer than "s", a letter after the "s".
  EXPECT_EQ(Split("As PhDs"), "As Ph[]Ds");
  EXPECT_EQ(Split("GPUsAre"), "GP[]Us[]Are");
}

TEST(WordSplitterTest, PluralPartStillCoversTheS) {
  WordSplitter splitter("LLMs");
  Word word;
  ASSERT_TRUE(splitter.Next(&word));
  ASSERT_EQ(word.parts.size(), 1u);
  EXPECT_EQ(word.parts[0].end, 4u);
  EXPECT_EQ(word.parts[0].fold_end, 3u);
  EXPECT_EQ(word.end, 4u);
}

TEST(WordSplitterTest, IdeographsAreWordsOfTheirOwn) {
  EXPECT_EQ(Split("注意力机制 (attention)"), "注 意 力 机 制 attention");
  EXPECT_EQ(Split("GPT的"), "GPT 的");
  EXPECT_EQ(Split("トランスフォーマー"), "トランスフォーマー");  // Katakana is a run
}

TEST(WordSplitterTest, CombiningMarksStayInTheirWord) {
  EXPECT_EQ(Split("Schro\xCC\x88" "dinger"), "Schro\xCC\x88" "dinger");
  EXPECT_EQ(Split("\xCC\x88x"), "x");  // a mark with nothing before it is dropped
}

TEST(WordSplitterTest, UnicodeJoinersAndSeparators) {
  EXPECT_EQ(Split("GPT\xE2\x80\x91" "4"), "GPT[-]4");     // non-breaking hyphen
  EXPECT_EQ(Split("Bose–Einstein"), "Bose[-]Einstein");  // en dash
  EXPECT_EQ(Split("attention—which"), "attention which");  // em dash
  EXPECT_EQ(Split("a\xE2\x80\x8B" "b"), "a b");             // zero width space
}

TEST(WordSplitterTest, LatexLettersAreLetters) {
  EXPECT_EQ(Split("Schr\\\"odinger"), "Schr\\\"odinger");
  EXPECT_EQ(Split("Fr{\\'e}chet"), "Fr{\\'e}chet");
  EXPECT_EQ(Split("\\v{S}ediv\\'y"), "\\v{S}ediv\\'y");
  WordSplitter splitter("Schr\\\"odinger plain");
  Word word;
  ASSERT_TRUE(splitter.Next(&word));
  EXPECT_TRUE(word.parts[0].latex);
  ASSERT_TRUE(splitter.Next(&word));
  EXPECT_FALSE(word.parts[0].latex);
}

TEST(WordSplitterTest, InvalidBytesSeparate) {
  EXPECT_EQ(Split("ab\x80" "cd\xC3"), "ab cd");
  EXPECT_EQ(Split("\xF0\x9F"), "");
}

TEST(WordSplitterTest, AsciiFlagMarksPartsNeedingUnicodeFolding) {
  WordSplitter splitter("plain-Übung");
  Word word;
  ASSERT_TRUE(splitter.Next(&word));
  ASSERT_EQ(word.parts.size(), 2u);
  EXPECT_TRUE(word.parts[0].ascii);
  EXPECT_FALSE(word.parts[1].ascii);
  EXPECT_FALSE(word.parts[0].number);
}

TEST(WordSplitterTest, NumberFlag) {
  WordSplitter splitter("v1.5");
  Word word;
  ASSERT_TRUE(splitter.Next(&word));
  ASSERT_EQ(word.parts.size(), 2u);
  EXPECT_FALSE(word.parts[0].number);
  EXPECT_TRUE(word.parts[1].number);
}

TEST(WordSplitterTest, WordRangesCoverTheWord) {
  const std::string text = "(see O(n^2)),";
  WordSplitter splitter(text);
  Word word;
  ASSERT_TRUE(splitter.Next(&word));
  EXPECT_EQ(text.substr(word.begin, word.end - word.begin), "see");
  ASSERT_TRUE(splitter.Next(&word));
  EXPECT_EQ(text.substr(word.begin, word.end - word.begin), "O(n^2)");
  EXPECT_FALSE(splitter.Next(&word));
}

}  // namespace
}  // namespace paperdeck::text
