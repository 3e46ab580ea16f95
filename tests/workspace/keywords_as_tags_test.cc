// import --keywords-as-tags: a reference's keywords are carried as tags of the user's library.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "workspace/file_import.h"

namespace paperdeck::workspace {
namespace {

using ::testing::ElementsAre;

TEST(KeywordsAsTagsTest, KeywordsJoinTheCarriedTagsOnce) {
  PaperRecord r;
  r.keywords = {"transformers", "attention"};
  CarryKeywordsAsTags(&r);
  ASSERT_TRUE(r.library.has_value());
  EXPECT_THAT(r.library->tags, ElementsAre("transformers", "attention"));

  PaperRecord carried;
  carried.library.emplace();
  carried.library->tags = {"thesis", "attention"};
  carried.keywords = {"attention", "nlp"};
  CarryKeywordsAsTags(&carried);
  EXPECT_THAT(carried.library->tags, ElementsAre("thesis", "attention", "nlp"));
}

TEST(KeywordsAsTagsTest, NoKeywordsCarryNothing) {
  PaperRecord r;
  CarryKeywordsAsTags(&r);
  EXPECT_FALSE(r.library.has_value());
  r.keywords = {"\x01"};  // no tag can be made of it
  CarryKeywordsAsTags(&r);
  EXPECT_FALSE(r.library.has_value());
}

TEST(KeywordsAsTagsTest, KeywordsWithSpacesBecomeDashedTagNames) {
  EXPECT_EQ(KeywordTagName("Computer Science - Machine Learning"),
            "Computer-Science-Machine-Learning");
  EXPECT_EQ(KeywordTagName("  sparse   attention "), "sparse-attention");
  EXPECT_EQ(KeywordTagName("thesis/related-work"), "thesis/related-work");
  EXPECT_EQ(KeywordTagName("Schrödinger"), "Schrödinger");
  EXPECT_EQ(KeywordTagName(" - "), "");
}

}  // namespace
}  // namespace paperdeck::workspace
