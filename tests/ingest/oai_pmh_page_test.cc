// Recorded OAI-PMH answers (tests/data/wire/arxiv_oai) read as PaperRecords.
#include "ingest/oai_pmh_page.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Wire(const std::string& name) {
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/wire/arxiv_oai/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(OaiPmhPageTest, AnArxivRawPageGivesVersionsAuthorsAndTheResumptionToken) {
  auto page = ParseOaiPmhPage(Wire("mikesaelim_arXivRaw_ListRecordsResponse.xml"), "u");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_TRUE(page->error_code.empty());
  EXPECT_EQ(page->resumption_token, "726959|1001");
  EXPECT_EQ(page->complete_list_size, 58011);
  EXPECT_TRUE(page->issues.empty());
  ASSERT_EQ(page->records.size(), 6u);
  const PaperRecord& r = page->records[0];
  EXPECT_EQ(r.arxiv_id, "0704.0471");
  EXPECT_THAT(r.title, HasSubstr("Density dependence of the symmetry energy and the nuclear equation of state"));
  EXPECT_THAT(r.authors, ElementsAre("D.V. Shetty", "S.J. Yennello", "G.A. Souliotis"));
  EXPECT_THAT(r.categories, ElementsAre("nucl-ex", "nucl-th"));
  ASSERT_FALSE(r.versions.empty());
  EXPECT_EQ(r.versions[0].name, "v1");
  EXPECT_EQ(r.published, "2007-04-03");
  EXPECT_EQ(r.year, 2007);
  EXPECT_EQ(r.doi, "10.1103/physrevc.76.024606");
  EXPECT_THAT(r.journal_ref, HasSubstr("Phys.Rev.C76:024606"));
  EXPECT_EQ(r.source, "arxiv-oai");
}

TEST(OaiPmhPageTest, AnArxivFormatPageIsTheLastPageWhenItHasNoToken) {
  auto page = ParseOaiPmhPage(Wire("paperhive_ListRecords_arXiv_2015-01-01_2015-01-03.body.xml"), "u");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_TRUE(page->resumption_token.empty());
  ASSERT_EQ(page->records.size(), 2u);
  const PaperRecord& r = page->records[0];
  EXPECT_EQ(r.arxiv_id, "1412.8544");
  EXPECT_THAT(r.authors, ElementsAre("Sander Uijlen", "Bas Westerbaan"));
  EXPECT_THAT(r.categories, ElementsAre("cs.DM"));
  EXPECT_EQ(r.published, "2014-12-29");
  EXPECT_EQ(r.doi, "10.4204/eptcs.172.11");
}

TEST(OaiPmhPageTest, ErrorsAreCodesNotFailures) {
  auto bad = ParseOaiPmhPage(Wire("mikesaelim_arXivRaw_ErrorResponseBadResumptionToken.xml"), "u");
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->error_code, "badResumptionToken");
  EXPECT_THAT(bad->error_message, HasSubstr("illegal"));
  auto none = ParseOaiPmhPage(Wire("mikesaelim_arXivRaw_ErrorResponseNoRecordsMatch.xml"), "u");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->error_code, "noRecordsMatch");
}

TEST(OaiPmhPageTest, DeletedRecordsAndACutPage) {
  std::string page = Wire("paperhive_ListRecords_arXiv_2015-01-01_2015-01-03.body.xml");
  // The first record as arXiv sends a withdrawn one: a header marked deleted, no metadata.
  size_t header = page.find("<header>");
  page.replace(header, 8, "<header status=\"deleted\">");
  size_t meta = page.find("<metadata>");
  page.erase(meta, page.find("</metadata>") + 11 - meta);
  auto parsed = ParseOaiPmhPage(page, "u");
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_THAT(parsed->deleted, ElementsAre("1412.8544"));
  EXPECT_EQ(parsed->records.size(), 1u);

  auto cut = ParseOaiPmhPage(page.substr(0, page.size() / 2), "http://x/oai");
  ASSERT_FALSE(cut.ok());
  EXPECT_THAT(cut.status().message(), HasSubstr("http://x/oai: not a complete OAI-PMH answer"));
}

}  // namespace
}  // namespace paperdeck::ingest
