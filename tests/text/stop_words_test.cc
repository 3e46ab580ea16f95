#include "text/stop_words.h"

#include <gtest/gtest.h>

namespace paperdeck::text {
namespace {

TEST(StopWordsTest, TheClassicEnglishList) {
  const char* words[] = {"a",    "an",   "and",   "are",  "as",    "at",   "be",
                         "but",  "by",   "for",   "if",   "in",    "into", "is",
                         "it",   "no",   "not",   "of",   "on",    "or",   "such",
                         "that", "the",  "their", "then", "there", "these", "they",
                         "this", "to",   "was",   "will", "with"};
  for (const char* w : words) EXPECT_TRUE(IsEnglishStopWord(w)) << w;
}

TEST(StopWordsTest, OtherWordsAreNot) {
  for (const char* w : {"", "attention", "we", "model", "thee", "th", "i", "themselves", "ofx"}) {
    EXPECT_FALSE(IsEnglishStopWord(w)) << w;
  }
}

TEST(StopWordsTest, ExpectsFoldedWords) { EXPECT_FALSE(IsEnglishStopWord("The")); }

}  // namespace
}  // namespace paperdeck::text
