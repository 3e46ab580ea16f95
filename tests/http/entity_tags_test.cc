#include "http/entity_tags.h"

#include <gtest/gtest.h>

namespace paperdeck::http {
namespace {

TEST(StrongEtagTest, QuotedAndChangingWithAnyByte) {
  std::string a = StrongEtag("<feed>one</feed>");
  EXPECT_EQ(a.front(), '"');
  EXPECT_EQ(a.back(), '"');
  EXPECT_EQ(a.find("W/"), std::string::npos);
  EXPECT_EQ(a, StrongEtag("<feed>one</feed>"));
  EXPECT_NE(a, StrongEtag("<feed>onf</feed>"));
  EXPECT_NE(a, StrongEtag("<feed>one</feed> "));
}

TEST(IfNoneMatchTest, ListsWildcardAndWeakForms) {
  const std::string etag = StrongEtag("x");
  EXPECT_TRUE(IfNoneMatchHits(etag, etag));
  EXPECT_TRUE(IfNoneMatchHits("*", etag));
  EXPECT_TRUE(IfNoneMatchHits(" \"a\" ,  " + etag + " ", etag));
  EXPECT_TRUE(IfNoneMatchHits("W/" + etag, etag));
  EXPECT_FALSE(IfNoneMatchHits("", etag));
  EXPECT_FALSE(IfNoneMatchHits("\"a\", \"b\"", etag));
  EXPECT_FALSE(IfNoneMatchHits(etag.substr(1, etag.size() - 2), etag)) << "unquoted is no tag";
  EXPECT_FALSE(IfNoneMatchHits(",,,", etag));
}

TEST(WeakEtagTest, NamesTheSameBytesAndMatchesEitherForm) {
  const std::string weak = WeakEtag("body { color: red }");
  EXPECT_EQ(weak, "W/" + StrongEtag("body { color: red }"));
  EXPECT_TRUE(IfNoneMatchHits(weak, weak));
  EXPECT_TRUE(IfNoneMatchHits(weak.substr(2), weak)) << "a client may drop the W/";
  EXPECT_FALSE(IfNoneMatchHits(WeakEtag("body { color: blue }"), weak));
}

}  // namespace
}  // namespace paperdeck::http
