// Our query language as arXiv's search_query.
#include "feed/arxiv_query.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/calendar.h"

namespace paperdeck::feed {
namespace {

using ::testing::HasSubstr;

const int32_t kToday = *ParseIsoDate("2026-11-28");

std::string Q(std::string_view text, std::optional<int32_t> since = std::nullopt) {
  Result<std::string> q = ToArxivSearchQuery(text, since, kToday);
  return q.ok() ? *q : "ERROR: " + q.status().message();
}

TEST(ArxivQueryTest, WordsPhrasesAndFields) {
  EXPECT_EQ(Q("attention"), "all:attention");
  EXPECT_EQ(Q("sparse attention"), "all:sparse AND all:attention");
  EXPECT_EQ(Q("\"linear attention\""), "all:\"linear attention\"");
  EXPECT_EQ(Q("ti:mamba"), "ti:mamba");
  EXPECT_EQ(Q("title:\"state space\""), "ti:\"state space\"");
  EXPECT_EQ(Q("abstract:routing"), "abs:routing");
  EXPECT_EQ(Q("au:dao"), "au:dao");
  EXPECT_EQ(Q("venue:neurips"), "jr:neurips");
  // arXiv takes a trailing wildcard; it has no fuzzy search, so a typo goes as written.
  EXPECT_EQ(Q("title:diffus* atention~1"), "ti:diffus* AND all:atention");
}

TEST(ArxivQueryTest, TheLibraryIsLeftOutAndSaidSo) {
  std::vector<std::string> dropped;
  Result<std::string> q =
      ToArxivSearchQuery("attention tag:thesis -state:read", std::nullopt, kToday, &dropped);
  ASSERT_TRUE(q.ok()) << q.status().message();
  EXPECT_EQ(*q, "all:attention");
  ASSERT_EQ(dropped.size(), 2u);
  EXPECT_THAT(dropped[0], HasSubstr("tag:thesis (at 10) is your own library"));
  EXPECT_THAT(dropped[1], HasSubstr("state:read"));
  EXPECT_EQ(Q("(attention OR note:pruning) cat:cs.CL"), "all:attention AND cat:cs.CL");
  EXPECT_EQ(Q("attention -(tag:a OR has:note) state:none"), "all:attention");
  // Nothing left to ask arXiv: refused as an empty query is.
  EXPECT_THAT(Q("tag:thesis"), HasSubstr("say what to pull"));
  EXPECT_THAT(Q("tag:thesis", *ParseIsoDate("2026-11-01")), HasSubstr("submittedDate:"));
}

TEST(ArxivQueryTest, CategoriesAndArchives) {
  EXPECT_EQ(Q("cat:cs.CL"), "cat:cs.CL");
  EXPECT_EQ(Q("cat:cs"), "cat:cs.*");
  EXPECT_EQ(Q("cat:hep-th"), "cat:hep-th");
  EXPECT_EQ(Q("cat:cs.CL attention"), "cat:cs.CL AND all:attention");
}

TEST(ArxivQueryTest, OrAndNotBecomeArxivsOperators) {
  EXPECT_EQ(Q("au:(gu OR dao)"), "au:gu OR au:dao");
  EXPECT_EQ(Q("mamba au:(gu OR dao)"), "all:mamba AND (au:gu OR au:dao)");
  EXPECT_EQ(Q("attention -vision"), "all:attention ANDNOT all:vision");
  EXPECT_EQ(Q("attention NOT cat:cs.CV"), "all:attention ANDNOT cat:cs.CV");
  EXPECT_EQ(Q("sparse attention -vision"), "(all:sparse AND all:attention) ANDNOT all:vision");
}

TEST(ArxivQueryTest, YearsDatesAndSinceBecomeSubmittedDateRanges) {
  EXPECT_EQ(Q("mamba year:2024"), "all:mamba AND submittedDate:[202401010000 TO 202412312359]");
  EXPECT_EQ(Q("mamba date:2026-06"), "all:mamba AND submittedDate:[202606010000 TO 202606302359]");
  EXPECT_EQ(Q("mamba year:..2019"), "all:mamba AND submittedDate:[199108010000 TO 201912312359]");
  EXPECT_EQ(Q("mamba", ParseIsoDate("2026-06-01")),
            "all:mamba AND submittedDate:[202606010000 TO 202611292359]");
  EXPECT_EQ(Q("*", ParseIsoDate("2026-11-01")), "submittedDate:[202611010000 TO 202611292359]");
}

TEST(ArxivQueryTest, WhatArxivCannotSearchIsRefusedWithAHint) {
  EXPECT_THAT(Q("-vision"), HasSubstr("ERROR: arXiv cannot search for papers *without*"));
  EXPECT_THAT(Q("*"), HasSubstr("ERROR: say what to pull"));
  EXPECT_THAT(Q(""), HasSubstr("ERROR: say what to pull"));
}

TEST(ArxivQueryTest, TextThatIsNotOperatorsIsSentAsItsWords) {
  EXPECT_EQ(Q("attention (unclosed"), "all:attention AND all:\"(unclosed\"");
}

}  // namespace
}  // namespace paperdeck::feed
