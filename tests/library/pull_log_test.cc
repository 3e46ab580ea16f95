// The record of pulls from remote sources: kept in order, newest first, and added to a corpus
// written by the previous schema without touching its papers.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "corpus_test_support.h"
#include "library/corpus.h"
#include "library/schema.h"
#include "library/sqlite_handle.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;
using ::testing::Field;

TEST(PullLogTest, PullsAreListedNewestFirstWithTheirCountsAndMessages) {
  testing::ScratchDir dir;
  auto corpus = Corpus::Open(dir.path());
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  Corpus::Pull first;
  first.source = "arxiv-api";
  first.query = "cat:cs.CL attention";
  first.remote_query = "cat:cs.CL AND all:attention";
  first.fetched = 10;
  first.added = 7;
  first.updated = 3;
  ASSERT_TRUE((*corpus)->RecordPull(first).ok());
  Corpus::Pull second = first;
  second.query = "mamba";
  second.added = 0;
  second.errors = 1;
  second.message = "arXiv: HTTP 503 after 4 attempts";
  ASSERT_TRUE((*corpus)->RecordPull(second).ok());

  auto pulls = (*corpus)->RecentPulls(10);
  ASSERT_TRUE(pulls.ok()) << pulls.status().message();
  ASSERT_EQ(pulls->size(), 2u);
  EXPECT_EQ((*pulls)[0].query, "mamba");
  EXPECT_EQ((*pulls)[0].message, "arXiv: HTTP 503 after 4 attempts");
  EXPECT_EQ((*pulls)[0].errors, 1u);
  EXPECT_EQ((*pulls)[1].added, 7u);
  EXPECT_EQ((*pulls)[1].updated, 3u);
  EXPECT_EQ((*pulls)[1].remote_query, "cat:cs.CL AND all:attention");
  EXPECT_FALSE((*pulls)[1].started_at.empty());
  EXPECT_THAT((*corpus)->RecentPulls(1).value(), ElementsAre(Field(&Corpus::Pull::query, "mamba")));
}

TEST(PullLogTest, ACorpusFromTheFirstSchemaGainsThePullTableAndKeepsItsPapers) {
  testing::ScratchDir dir;
  {
    auto corpus = Corpus::Open(dir.path());
    ASSERT_TRUE(corpus.ok());
    PaperRecord r;
    r.arxiv_id = "2401.00001";
    r.title = "Kept across the migration";
    ASSERT_TRUE((*corpus)->Upsert(std::vector<PaperRecord>{r}).ok());
  }
  {
    // Back to a version-1 database holding that paper.
    auto db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("DROP TABLE saved_search_shown; DROP TABLE saved_searches; DROP TABLE source_usage; "
                            "DROP INDEX papers_entered_revision; DROP INDEX papers_added_at; "
                            "ALTER TABLE papers DROP COLUMN entered_revision; "
                            "DROP TABLE citation_keys; DROP TABLE notes; DROP TABLE reading_states; "
                            "DROP TABLE paper_tags; "
                            "DROP TABLE tags; DROP TABLE library_papers; DROP TABLE fetch_marks; "
                            "DROP TABLE pulls; UPDATE meta SET value = '1' WHERE name = 'schema_version'").ok());
  }
  auto corpus = Corpus::Open(dir.path());
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  EXPECT_TRUE((*corpus)->Find("2401.00001").value().has_value());
  Corpus::Pull p;
  p.source = "arxiv-api";
  EXPECT_TRUE((*corpus)->RecordPull(p).ok());
  EXPECT_EQ((*corpus)->RecentPulls(5).value().size(), 1u);
}

TEST(PullLogTest, AFeedsStateIsKeptUntilCleared) {
  testing::ScratchDir dir;
  {
    auto corpus = Corpus::Open(dir.path());
    ASSERT_TRUE(corpus.ok());
    EXPECT_FALSE((*corpus)->State("oai:arXiv").value().has_value());
    ASSERT_TRUE((*corpus)->SetState("oai:arXiv", "726959|1001").ok());
    ASSERT_TRUE((*corpus)->SetState("oai:arXiv", "496549|47001").ok());
  }
  auto corpus = Corpus::Open(dir.path());
  ASSERT_TRUE(corpus.ok());
  EXPECT_EQ((*corpus)->State("oai:arXiv").value(), std::optional<std::string>("496549|47001"));
  EXPECT_EQ((*corpus)->Revision().value(), 0);  // state is not a change to the papers
  ASSERT_TRUE((*corpus)->SetState("oai:arXiv", "").ok());
  EXPECT_FALSE((*corpus)->State("oai:arXiv").value().has_value());
}

}  // namespace
}  // namespace paperdeck::library
