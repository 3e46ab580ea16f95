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
}

}  // namespace
}  // namespace paperdeck::workspace
