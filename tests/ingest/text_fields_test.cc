// The small parsers behind the field mapping: whitespace, author lists, RFC 2822 dates and the
// counts cards show.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest/author_list.h"
#include "ingest/rfc2822_date.h"
#include "ingest/shown_count.h"
#include "ingest/whitespace.h"
#include "model/calendar.h"

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(WhitespaceTest, CollapsesRunsAndTrims) {
  EXPECT_EQ(CollapseWhitespace("  Attention\n  is  all\tyou need \r\n"), "Attention is all you need");
  EXPECT_EQ(CollapseWhitespace("already tidy"), "already tidy");
  EXPECT_EQ(CollapseWhitespace(" \n\t "), "");
  // Multi-byte UTF-8 is left alone (0x85 and 0xA0 are continuation bytes here, not spaces).
  EXPECT_EQ(CollapseWhitespace("Bal\xC3\xA1zs  \xE2\x80\x85x"), "Bal\xC3\xA1zs \xE2\x80\x85x");
  EXPECT_TRUE(IsBlank(" \t\r\n"));
  EXPECT_FALSE(IsBlank(" {} "));
}

TEST(AuthorListTest, CardListWithEtAlIsIncomplete) {
  AuthorList list = SplitAuthorList("Ziqing Qiao, Yinuo Xu, Chaojun Xiao et al.");
  EXPECT_THAT(list.names, ElementsAre("Ziqing Qiao", "Yinuo Xu", "Chaojun Xiao"));
  EXPECT_FALSE(list.complete);
  EXPECT_FALSE(SplitAuthorList("A. Smith, B. Jones, et al").complete);
}

TEST(AuthorListTest, ListWithoutEtAlIsComplete) {
  AuthorList list = SplitAuthorList("Iz Beltagy, Matthew E. Peters, Arman Cohan");
  EXPECT_THAT(list.names, ElementsAre("Iz Beltagy", "Matthew E. Peters", "Arman Cohan"));
  EXPECT_TRUE(list.complete);
  AuthorList one = SplitAuthorList("Prateek Kumar Sikdar");
  EXPECT_THAT(one.names, ElementsAre("Prateek Kumar Sikdar"));
  EXPECT_TRUE(one.complete);
}

TEST(AuthorListTest, SplitsOnAndAsArxivWritesIt) {
  EXPECT_THAT(SplitAuthorList("C. Bal\\'azs, E. L. Berger and\n  C.-P. Yuan").names,
              ElementsAre("C. Bal\\'azs", "E. L. Berger", "C.-P. Yuan"));
  EXPECT_THAT(SplitAuthorList("Maria Rossi, Luca Bianchi, and Giulia Verdi").names,
              ElementsAre("Maria Rossi", "Luca Bianchi", "Giulia Verdi"));
  // "and" inside a name is not a separator.
  EXPECT_THAT(SplitAuthorList("Ann Anderson and Rand Sandberg").names,
              ElementsAre("Ann Anderson", "Rand Sandberg"));
}

TEST(AuthorListTest, KeepsNameSuffixWithItsName) {
  EXPECT_THAT(SplitAuthorList("John Smith, Jr., Jane Doe").names,
              ElementsAre("John Smith, Jr.", "Jane Doe"));
}

TEST(AuthorListTest, EmptyTextHasNoNames) {
  EXPECT_THAT(SplitAuthorList("  ").names, IsEmpty());
  EXPECT_THAT(SplitAuthorList(" , ,").names, IsEmpty());
}

std::string Day(std::string_view rfc2822) {
  std::optional<int32_t> days = ParseRfc2822Date(rfc2822);
  return days ? FormatIsoDate(*days) : "invalid";
}

TEST(Rfc2822DateTest, ReadsArxivVersionDates) {
  EXPECT_EQ(Day("Mon, 2 Apr 2007 19:18:42 GMT"), "2007-04-02");
  EXPECT_EQ(Day("Wed, 2 Aug 2023 00:41:18 GMT"), "2023-08-02");
  EXPECT_EQ(Day("2 Apr 2007 19:18:42 GMT"), "2007-04-02");  // no weekday
  EXPECT_EQ(Day("Mon, 2 Apr 2007"), "2007-04-02");          // no time
  EXPECT_EQ(Day("Fri, 29 Feb 2008 10:00 UT"), "2008-02-29");  // no seconds
}

TEST(Rfc2822DateTest, ConvertsZonesToTheUtcDay) {
  EXPECT_EQ(Day("Mon, 2 Apr 2007 23:30:00 -0200"), "2007-04-03");
  EXPECT_EQ(Day("Tue, 3 Apr 2007 00:30:00 +0100"), "2007-04-02");
  EXPECT_EQ(Day("Mon, 2 Apr 2007 20:00:00 PDT"), "2007-04-03");
  EXPECT_EQ(Day("Thu, 1 Jan 1970 00:30:00 +0100"), "1969-12-31");
}

TEST(Rfc2822DateTest, RejectsWhatIsNotADate) {
  EXPECT_EQ(Day(""), "invalid");
  EXPECT_EQ(Day("2007-04-02"), "invalid");
  EXPECT_EQ(Day("Mon, 31 Apr 2007 19:18:42 GMT"), "invalid");
  EXPECT_EQ(Day("Mon, 2 Foo 2007 19:18:42 GMT"), "invalid");
  EXPECT_EQ(Day("Mon, 2 Apr 2007 25:18:42 GMT"), "invalid");
  EXPECT_EQ(Day("Mon, 2 Apr 2007 19:18:42 Mars"), "invalid");
}

TEST(ShownCountTest, ReadsCountsAsCardsShowThem) {
  EXPECT_EQ(ParseShownCount("237"), 237);
  EXPECT_EQ(ParseShownCount("1.6k"), 1600);
  EXPECT_EQ(ParseShownCount("4k"), 4000);
  EXPECT_EQ(ParseShownCount("4.4K"), 4400);
  EXPECT_EQ(ParseShownCount("2.15M"), 2150000);
  EXPECT_EQ(ParseShownCount(" 1,234 "), 1234);
  EXPECT_EQ(ParseShownCount("0"), 0);
}

TEST(ShownCountTest, RejectsOtherText) {
  EXPECT_EQ(ParseShownCount(""), std::nullopt);
  EXPECT_EQ(ParseShownCount("k"), std::nullopt);
  EXPECT_EQ(ParseShownCount("1.k"), std::nullopt);
  EXPECT_EQ(ParseShownCount("-3"), std::nullopt);
  EXPECT_EQ(ParseShownCount("many"), std::nullopt);
  EXPECT_EQ(ParseShownCount("1.6kk"), std::nullopt);
}

}  // namespace
}  // namespace paperdeck::ingest
