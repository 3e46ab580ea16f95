// Recorded arXiv API answers (tests/data/wire/arxiv_api) read as PaperRecords.
#include "ingest/arxiv_atom_feed.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Wire(const std::string& name) {
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/wire/arxiv_api/" + name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ArxivAtomFeedTest, ASearchPageGivesEveryFactOfEachEntry) {
  auto feed = ParseArxivAtomFeed(Wire("arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml"), "url");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->total_results, 214881);
  EXPECT_EQ(feed->items_per_page, 10);
  EXPECT_TRUE(feed->issues.empty());
  ASSERT_EQ(feed->entries.size(), 10u);
  const ArxivEntry& e = feed->entries[0];
  const PaperRecord& r = e.record;
  EXPECT_EQ(r.id, "2202.12139");
  EXPECT_EQ(r.arxiv_id, "2202.12139");
  EXPECT_EQ(e.version, 1);
  ASSERT_EQ(r.versions.size(), 1u);
  EXPECT_EQ(r.versions[0].name, "v1");
  EXPECT_EQ(r.title,
            "Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques");
  EXPECT_THAT(r.abstract, HasSubstr("Deep Learning (DL) has revolutionized"));
  EXPECT_THAT(r.authors, ElementsAre("Mohit Kumar Ahuja", "Arnaud Gotlieb", "Helge Spieker"));
  EXPECT_THAT(r.categories, ElementsAre("cs.SE", "cs.LG"));
  EXPECT_EQ(r.published, "2022-02-24");
  EXPECT_EQ(r.updated, "2022-02-24");
  EXPECT_EQ(r.year, 2022);
  EXPECT_EQ(r.doi, "10.1109/icstw55395.2022.00035");
  EXPECT_THAT(r.comments, HasSubstr("ICST 2022"));
  EXPECT_THAT(r.journal_ref, HasSubstr("(ICSTW)"));
  EXPECT_THAT(r.links, ElementsAre("https://arxiv.org/abs/2202.12139v1",
                                   "https://arxiv.org/pdf/2202.12139v1",
                                   "https://doi.org/10.1109/ICSTW55395.2022.00035"));
  EXPECT_EQ(r.source, "arxiv-api");
  EXPECT_EQ(r.origin, "url");
}

TEST(ArxivAtomFeedTest, TheOldLayoutReadsTheSame) {
  auto feed = ParseArxivAtomFeed(Wire("arxivpy_2016_search_query_au_del_maestro.xml"), "url");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->total_results, 31);
  ASSERT_EQ(feed->entries.size(), 10u);
  for (const ArxivEntry& e : feed->entries) {
    EXPECT_FALSE(e.record.arxiv_id.empty());
    EXPECT_GT(e.version, 0);
    EXPECT_FALSE(e.record.categories.empty()) << e.record.arxiv_id;
    EXPECT_THAT(e.record.authors, testing::Contains(HasSubstr("Del Maestro"))) << e.record.arxiv_id;
  }
}

TEST(ArxivAtomFeedTest, IdLookupsZeroResultsAndTheErrorFeed) {
  auto one = ParseArxivAtomFeed(Wire("arxivpy_id_1605.08386_s0_m100_199195aa31ad.body.xml"), "u");
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->entries.size(), 1u);
  EXPECT_EQ(one->entries[0].record.arxiv_id, "1605.08386");

  // One of the two ids asked for is not a paper: arXiv answers with the other only.
  auto half = ParseArxivAtomFeed(
      Wire("arxivpy_id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.body.xml"), "u");
  ASSERT_TRUE(half.ok());
  ASSERT_EQ(half->entries.size(), 1u);
  EXPECT_EQ(half->entries[0].record.arxiv_id, "1707.08567");

  auto none = ParseArxivAtomFeed(Wire("arxivpy_id_0000.0000_s0_m100_8b51d9633a68.body.xml"), "u");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->total_results, 0);
  EXPECT_TRUE(none->entries.empty());

  auto error = ParseArxivAtomFeed(Wire("arxivpy_id_abc_s0_m100_b79c8dcf6bc3.body.xml"), "u");
  ASSERT_TRUE(error.ok());
  EXPECT_TRUE(error->entries.empty());
  EXPECT_EQ(error->api_error, "incorrect id format for abc");
}

TEST(ArxivAtomFeedTest, AFeedCutMidXmlIsCorruptionSayingWhere) {
  std::string page = Wire("arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml");
  auto cut = ParseArxivAtomFeed(page.substr(0, page.size() / 2), "http://x/api/query");
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.status().code(), Status::Code::kCorruption);
  EXPECT_THAT(cut.status().message(), HasSubstr("http://x/api/query: not a complete Atom feed"));
  EXPECT_THAT(cut.status().message(), HasSubstr("byte"));

  auto html = ParseArxivAtomFeed("<html><body><h1>Retry after 10 seconds</h1></body></html>", "u");
  ASSERT_FALSE(html.ok());
  EXPECT_THAT(html.status().message(), HasSubstr("not an Atom feed"));
}

TEST(ArxivAtomFeedTest, MalformedEntriesAreIssuesAndTheGoodOnesAreKept) {
  std::string page = Wire("arxivpy_q_testing_s0_m10_bc5a6c384fe9.body.xml");
  // Damage the second entry's id and the third entry's title.
  size_t first = page.find("<entry>");
  size_t second = page.find("<id>", page.find("<entry>", first + 1));
  page.replace(second, page.find("</id>", second) - second, "<id>not-an-id");
  size_t third = page.find("<title>", page.find("<entry>", page.find("<entry>", first + 1) + 1));
  page.replace(third, page.find("</title>", third) - third, "<title>");
  auto feed = ParseArxivAtomFeed(page, "u");
  ASSERT_TRUE(feed.ok()) << feed.status().message();
  EXPECT_EQ(feed->entries.size(), 8u);
  EXPECT_THAT(feed->issues, ElementsAre(HasSubstr("entry 2 (not-an-id): the <id> is not an arXiv id"),
                                        HasSubstr("entry 3 (http://arxiv.org/abs/")));
}

}  // namespace
}  // namespace paperdeck::ingest
