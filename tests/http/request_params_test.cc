#include "http/request_params.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace paperdeck::http {
namespace {

using ::testing::ElementsAre;

bool Parse(const QueryParams& params, SearchParams* out, ParamError* error) {
  return ParseSearchParams(params, out, error);
}

TEST(RequestParamsTest, DefaultsWhenNothingIsGiven) {
  SearchParams p;
  ParamError e;
  ASSERT_TRUE(Parse({}, &p, &e));
  EXPECT_EQ(p.q, "");
  EXPECT_EQ(p.sort, "relevance");
  EXPECT_EQ(p.page, 1u);
  EXPECT_EQ(p.limit, kDefaultPageLimit);
  EXPECT_TRUE(p.categories.empty());
  EXPECT_FALSE(p.expand);
  ASSERT_TRUE(Parse({{"expand", "1"}}, &p, &e));
  EXPECT_TRUE(p.expand);
}

TEST(RequestParamsTest, FiltersRepeatOrSplitOnCommas) {
  SearchParams p;
  ParamError e;
  ASSERT_TRUE(Parse({{"cat", "cs.CL,cs.CV"}, {"cat", "hep-th"}, {"year", "2024,,2019"}, {"year", "2010-2012"},
                     {"sort", "citations"}, {"page", "3"}, {"limit", "100"}, {"utm", "x"}},
                    &p, &e));
  EXPECT_THAT(p.categories, ElementsAre("cs.CL", "cs.CV", "hep-th"));
  EXPECT_THAT(p.years, ElementsAre(search::YearRange{2024, 2024}, search::YearRange{2019, 2019},
                                   search::YearRange{2010, 2012}));
  EXPECT_EQ(p.order, search::SortOrder::kCitations);
  EXPECT_EQ(p.page, 3u);
  EXPECT_EQ(p.limit, 100u);
}

TEST(RequestParamsTest, BoundsAreExactlyTheDocumentedOnes) {
  SearchParams p;
  ParamError e;
  EXPECT_TRUE(Parse({{"page", "1000"}}, &p, &e));
  EXPECT_FALSE(Parse({{"page", "1001"}}, &p, &e));
  EXPECT_EQ(e.param, "page");
  EXPECT_FALSE(Parse({{"page", "+1"}}, &p, &e));
  EXPECT_FALSE(Parse({{"page", " 1"}}, &p, &e));
  EXPECT_FALSE(Parse({{"limit", "0"}}, &p, &e));
  EXPECT_EQ(e.param, "limit");
  EXPECT_TRUE(Parse({{"q", std::string(kMaxQueryBytes, 'x')}}, &p, &e));
  EXPECT_FALSE(Parse({{"q", std::string(kMaxQueryBytes + 1, 'x')}}, &p, &e));
  EXPECT_EQ(e.param, "q");
  EXPECT_FALSE(Parse({{"cat", std::string(kMaxCategoryBytes + 1, 'a')}}, &p, &e));
  EXPECT_FALSE(Parse({{"cat", "cs CL"}}, &p, &e));
  EXPECT_FALSE(Parse({{"year", "999"}}, &p, &e));
  EXPECT_FALSE(Parse({{"year", "20244"}}, &p, &e));
  EXPECT_FALSE(Parse({{"year", "2024-"}}, &p, &e));
  EXPECT_FALSE(Parse({{"year", "2024-2021"}}, &p, &e));  // backwards
  EXPECT_EQ(e.param, "year");
  EXPECT_FALSE(Parse({{"year", "2021-2022-2023"}}, &p, &e));
}

TEST(RequestParamsTest, Utf8IsCheckedStrictly) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Schrödinger ▲ 𝔸"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xc3"));              // cut short
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // a surrogate
  EXPECT_FALSE(IsValidUtf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(IsValidUtf8("a\xe2\x96"));         // cut short at the end
}

}  // namespace
}  // namespace paperdeck::http
