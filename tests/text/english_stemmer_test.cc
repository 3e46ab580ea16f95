#include "text/english_stemmer.h"

#include <gtest/gtest.h>

#include <string>

namespace paperdeck::text {
namespace {

std::string Stem(EnglishStemmer& stemmer, std::string_view word) {
  std::string out = "junk";
  stemmer.Stem(word, &out);
  return out;
}

TEST(EnglishStemmerTest, Porter2) {
  EnglishStemmer stemmer;
  EXPECT_EQ(Stem(stemmer, "attention"), "attent");
  EXPECT_EQ(Stem(stemmer, "attentive"), "attent");
  EXPECT_EQ(Stem(stemmer, "sliding"), "slide");
  EXPECT_EQ(Stem(stemmer, "invasive"), "invas");
  EXPECT_EQ(Stem(stemmer, "times"), "time");
  EXPECT_EQ(Stem(stemmer, "models"), "model");
  EXPECT_EQ(Stem(stemmer, "news"), "news");  // a Porter2 exception
}

TEST(EnglishStemmerTest, AcronymPluralLosesItsS) {
  EnglishStemmer stemmer;
  EXPECT_EQ(Stem(stemmer, "llms"), "llm");
  EXPECT_EQ(Stem(stemmer, "cnns"), "cnn");
  EXPECT_EQ(Stem(stemmer, "gpt-llms"), "gpt-llm");
  EXPECT_EQ(Stem(stemmer, "bus"), "bus");   // a vowel: an English word
  EXPECT_EQ(Stem(stemmer, "ms"), "ms");     // too short to tell
  EXPECT_EQ(Stem(stemmer, "ss"), "ss");
}

TEST(EnglishStemmerTest, WordsNotEndingInALetterAreUnchanged) {
  EnglishStemmer stemmer;
  EXPECT_EQ(Stem(stemmer, "gpt-4"), "gpt-4");
  EXPECT_EQ(Stem(stemmer, "3.46"), "3.46");
  EXPECT_EQ(Stem(stemmer, "注意"), "注意");
  EXPECT_EQ(Stem(stemmer, ""), "");
}

TEST(EnglishStemmerTest, CacheGivesTheSameAnswers) {
  EnglishStemmer stemmer;
  // Enough distinct words to overwrite cache slots, asked twice.
  std::vector<std::string> first;
  for (int i = 0; i < 40000; ++i) {
    first.push_back(Stem(stemmer, "running" + std::string(1, 'a' + i % 26) +
                                      std::to_string(i / 26) + "ings"));
  }
  for (int i = 0; i < 40000; ++i) {
    EXPECT_EQ(Stem(stemmer, "running" + std::string(1, 'a' + i % 26) + std::to_string(i / 26) +
                                "ings"),
              first[static_cast<size_t>(i)]);
  }
  EXPECT_EQ(Stem(stemmer, "runnings"), "run");
  EXPECT_EQ(Stem(stemmer, "runnings"), "run");
}

TEST(EnglishStemmerTest, LongWordsAreStemmedToo) {
  EnglishStemmer stemmer;
  EXPECT_EQ(Stem(stemmer, "internationalizationsofrepresentations"),
            "internationalizationsofrepresent");
}

}  // namespace
}  // namespace paperdeck::text
