#include "model/paper_id.h"

#include <gtest/gtest.h>

#include "model/calendar.h"

namespace paperdeck {
namespace {

TEST(PaperIdTest, ArxivIdsLoseTheirVersionAndPrefix) {
  EXPECT_EQ(NormalizeArxivId("2401.12345v3"), "2401.12345");
  EXPECT_EQ(NormalizeArxivId("arXiv:2401.12345"), "2401.12345");
  EXPECT_EQ(NormalizeArxivId("https://arxiv.org/abs/2401.1234v1"), "2401.1234");
  EXPECT_EQ(NormalizeArxivId("hep-th/9901001v2"), "hep-th/9901001");
  EXPECT_EQ(NormalizeArxivId("math.GT/0309136"), "math.gt/0309136");
  EXPECT_EQ(NormalizeArxivId("not an id"), "");
  EXPECT_EQ(NormalizeArxivId("10.1145/3292500"), "");
}

TEST(PaperIdTest, DoisAreLowercasedWithoutResolver) {
  EXPECT_EQ(NormalizeDoi("https://doi.org/10.1145/ABC.123"), "10.1145/abc.123");
  EXPECT_EQ(NormalizeDoi("doi:10.1/x"), "10.1/x");
  EXPECT_EQ(NormalizeDoi("11.1/x"), "");
}

TEST(PaperIdTest, CanonicalIdPrefersArxivThenDoiThenTitleKey) {
  PaperRecord r;
  r.title = "Longformer: The Long-Document Transformer";
  r.authors = {"Iz Beltagy", "Matthew E. Peters"};
  std::string key = CanonicalId(r);
  EXPECT_EQ(key.substr(0, 2), "h:");
  EXPECT_EQ(key.size(), 18u);
  r.doi = "10.48550/arXiv.2004.05150";
  EXPECT_EQ(CanonicalId(r), "doi:10.48550/arxiv.2004.05150");
  r.arxiv_id = "2004.05150v2";
  EXPECT_EQ(CanonicalId(r), "2004.05150");
}

TEST(PaperIdTest, TitleKeyIgnoresCasePunctuationAndFirstNames) {
  EXPECT_EQ(TitleKey("Longformer: The Long-Document Transformer", "Iz Beltagy"),
            TitleKey("longformer the long document transformer", "I. Beltagy"));
  EXPECT_NE(TitleKey("Longformer", "Iz Beltagy"), TitleKey("Longformer", "Arman Cohan"));
}

TEST(CalendarTest, ParsesAndFormatsDates) {
  auto d = ParseIsoDate("2026-06-05");
  ASSERT_TRUE(d);
  EXPECT_EQ(FormatIsoDate(*d), "2026-06-05");
  EXPECT_EQ(FormatCardDate(*d), "Jun 5, 2026");
  EXPECT_EQ(YearOf(*d), 2026);
  EXPECT_EQ(ParseIsoDate("2026-06-05T12:00:00Z"), d);
  EXPECT_FALSE(ParseIsoDate("2026-13-01"));
  EXPECT_FALSE(ParseIsoDate("2026-02-30"));
  EXPECT_FALSE(ParseIsoDate("June 5"));
  EXPECT_EQ(*ParseIsoDate("1970-01-01"), 0);
}

}  // namespace
}  // namespace paperdeck
