// The arXiv metadata snapshot: ids old and new, versions, authors_parsed and its fallback.
#include "ingest/arxiv_snapshot_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest_test_files.h"

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::ReadFile;
using testing::ScratchDir;
using testing::TestData;

class ArxivSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<RecordReader>> reader =
        RecordReader::Open(TestData("ingest/arxiv-snapshot.jsonl"));
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    EXPECT_EQ((*reader)->format(), InputFormat::kArxivSnapshot);
    result_ = testing::ReadAll(**reader);
    ASSERT_THAT(result_.bad, IsEmpty());
    ASSERT_EQ(result_.records.size(), 4u);
  }
  testing::ReadResult result_;
};

TEST_F(ArxivSnapshotTest, MapsTheFieldsOfAPaper) {
  const PaperRecord& r = result_.records[0];
  EXPECT_EQ(r.id, "0704.0001");
  EXPECT_EQ(r.arxiv_id, "0704.0001");
  EXPECT_EQ(r.title, "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies");
  // authors_parsed wins over the authors line, and keeps its UTF-8.
  EXPECT_THAT(r.authors, ElementsAre("C. Bal\xC3\xA1zs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"));
  EXPECT_TRUE(r.authors_complete);
  EXPECT_EQ(r.abstract.substr(0, 52), "A fully differential calculation in perturbative qua");
  EXPECT_EQ(r.abstract.find('\n'), std::string::npos);
  EXPECT_THAT(r.categories, ElementsAre("hep-ph"));
  EXPECT_EQ(r.doi, "10.1103/physrevd.76.013009");
  EXPECT_EQ(r.journal_ref, "Phys.Rev.D76:013009,2007");
  EXPECT_EQ(r.comments, "37 pages, 15 figures; published version");
  EXPECT_EQ(r.published, "2007-04-02");
  EXPECT_EQ(r.updated, "2008-11-13");
  ASSERT_EQ(r.versions.size(), 2u);
  EXPECT_EQ(r.versions[1].name, "v2");
  EXPECT_EQ(r.versions[1].date, "Tue, 24 Jul 2007 20:10:27 GMT");
  EXPECT_THAT(r.badges, ElementsAre("arxiv"));
  EXPECT_THAT(r.links, ElementsAre("https://arxiv.org/abs/0704.0001"));
  EXPECT_EQ(r.source, "arxiv-snapshot");
  EXPECT_EQ(r.origin, TestData("ingest/arxiv-snapshot.jsonl").string());
}

TEST_F(ArxivSnapshotTest, KeepsOldStyleIds) {
  const PaperRecord& r = result_.records[1];
  EXPECT_EQ(r.arxiv_id, "hep-th/9901001");
  EXPECT_EQ(r.id, "hep-th/9901001");
  EXPECT_THAT(r.links, ElementsAre("https://arxiv.org/abs/hep-th/9901001"));
  EXPECT_EQ(r.title, "Boundary states of the open string in a constant background");
  EXPECT_THAT(r.authors, ElementsAre("J. Kowalski", "M. Novak Jr."));
  EXPECT_THAT(r.categories, ElementsAre("hep-th", "math-ph", "math.MP"));
  EXPECT_EQ(r.published, "1999-01-01");
  EXPECT_TRUE(r.doi.empty());          // null
  EXPECT_TRUE(r.journal_ref.empty());  // null
}

TEST_F(ArxivSnapshotTest, PublishedIsTheFirstVersionUpdatedTheUpdateDate) {
  const PaperRecord& r = result_.records[2];
  EXPECT_EQ(r.title, "Attention Is All You Need");
  ASSERT_EQ(r.versions.size(), 7u);
  EXPECT_EQ(r.versions.front().name, "v1");
  EXPECT_EQ(r.versions.back().name, "v7");
  EXPECT_EQ(r.published, "2017-06-12");
  EXPECT_EQ(r.updated, "2023-08-03");
  EXPECT_THAT(r.categories, ElementsAre("cs.CL", "cs.LG"));  // primary first
  EXPECT_EQ(r.authors.size(), 8u);
  EXPECT_EQ(r.authors[5], "Aidan N. Gomez");
}

TEST_F(ArxivSnapshotTest, FallsBackToTheAuthorsLineAndTheFirstDoi) {
  const PaperRecord& r = result_.records[3];
  EXPECT_THAT(r.authors, ElementsAre("Maria Rossi", "Luca Bianchi", "Giulia Verdi"));
  EXPECT_EQ(r.doi, "10.1109/tsp.2010.2052615");
  EXPECT_EQ(r.title, "Sparse recovery of spectral lines from noisy samples");
  EXPECT_EQ(r.published, "2009-11-23");
  EXPECT_EQ(r.updated, "2010-07-20");
}

TEST(ArxivSnapshotBadInputTest, ReportsTheFieldAtFault) {
  ScratchDir dir;
  auto path = dir.Write(
      "bad-snapshot.jsonl",
      R"({"id": "0704.0002", "title": "A", "authors": ["X"], "update_date": "2008-01-01"})" "\n"
      R"({"id": "0704.0003", "title": "B", "authors": "X", "versions": [{"version": "v1", "created": "yesterday"}]})" "\n"
      R"({"id": "0704.0004", "title": "C", "authors": "X", "versions": "v1"})" "\n"
      R"({"id": "0704.0005", "title": "D", "authors_parsed": [["X", 1, ""]]})" "\n"
      R"({"id": "garbage", "title": "E", "authors": "X"})" "\n"
      R"({"title": "F", "authors": "X"})" "\n"
      R"({"id": "0704.0006", "title": "G", "authors": "X and Y", "categories": "math.CO"})" "\n");
  testing::ReadResult result = ReadFile(path, InputFormat::kArxivSnapshot);
  ASSERT_EQ(result.bad.size(), 6u);
  EXPECT_EQ(result.bad[0].message, "field 'authors' should be a string, got array");
  EXPECT_EQ(result.bad[0].line, 1u);
  EXPECT_EQ(result.bad[1].message,
            "field 'versions' v1 has a date that is not an RFC 2822 date: 'yesterday'");
  EXPECT_EQ(result.bad[2].message,
            R"(field 'versions' should be an array of {"version", "created"} objects, got string)");
  EXPECT_EQ(result.bad[3].message, "field 'authors_parsed' item 1 should hold strings, got number");
  EXPECT_EQ(result.bad[4].message, "field 'id' is not an arXiv id: 'garbage'");
  EXPECT_EQ(result.bad[5].message, "field 'id' is missing");
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_THAT(result.records[0].authors, ElementsAre("X", "Y"));
  EXPECT_EQ(result.records[0].id, "0704.0006");
}

}  // namespace
}  // namespace paperdeck::ingest
