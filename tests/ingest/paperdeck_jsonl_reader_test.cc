// PaperDeck JSON lines: the seed page's cards and the fuller records PaperDeck writes.
#include "ingest/paperdeck_jsonl_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest_test_files.h"
#include "model/paper_id.h"

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testing::ReadFile;
using testing::ScratchDir;
using testing::TestData;

const PaperRecord* FindTitle(const std::vector<PaperRecord>& records, std::string_view title) {
  for (const PaperRecord& r : records) {
    if (r.title == title) return &r;
  }
  ADD_FAILURE() << "no record titled " << title;
  return nullptr;
}

class SeedPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(TestData("seed-page.jsonl"));
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    EXPECT_EQ((*reader)->format(), InputFormat::kPaperDeckJsonl);
    result_ = new testing::ReadResult(testing::ReadAll(**reader));
  }
  static void TearDownTestSuite() { delete result_; }
  static testing::ReadResult* result_;
};
testing::ReadResult* SeedPageTest::result_ = nullptr;

TEST_F(SeedPageTest, ReadsEveryCard) {
  EXPECT_EQ(result_->records.size(), 35u);
  EXPECT_THAT(result_->bad, IsEmpty());
  EXPECT_FALSE(result_->failure.has_value());
}

TEST_F(SeedPageTest, ShownAuthorsWithEtAlAreIncomplete) {
  const PaperRecord* r =
      FindTitle(result_->records, "Rethinking the Role of Efficient Attention in Hybrid Architectures");
  ASSERT_NE(r, nullptr);
  EXPECT_THAT(r->authors, ElementsAre("Ziqing Qiao", "Yinuo Xu", "Chaojun Xiao"));
  EXPECT_FALSE(r->authors_complete);
  EXPECT_THAT(r->badges, ElementsAre("paper"));
  EXPECT_EQ(r->published, "2026-06-12");
  EXPECT_EQ(r->upvotes, 3);
  EXPECT_FALSE(r->is_new);
  EXPECT_FALSE(r->citations.has_value());
  EXPECT_EQ(r->source, "paperdeck-jsonl");
  EXPECT_EQ(r->origin, TestData("seed-page.jsonl").string());
  // No arXiv id or DOI on a card: the id is the title key.
  EXPECT_EQ(r->id, TitleKey(r->title, "Ziqing Qiao"));
}

TEST_F(SeedPageTest, ShownAuthorsWithoutEtAlAreComplete) {
  const PaperRecord* r = FindTitle(result_->records, "Longformer: The Long-Document Transformer");
  ASSERT_NE(r, nullptr);
  EXPECT_THAT(r->authors, ElementsAre("Iz Beltagy", "Matthew E. Peters", "Arman Cohan"));
  EXPECT_TRUE(r->authors_complete);
  EXPECT_EQ(r->year, 2020);
  EXPECT_EQ(r->citations, 5600);
  EXPECT_TRUE(r->published.empty());
}

TEST_F(SeedPageTest, ArxivCardHasCategoriesAndNewMark) {
  const PaperRecord* r = FindTitle(
      result_->records, "The Token Is a Group Element: On Lie-Algebra Attention over Matrix Lie Groups");
  ASSERT_NE(r, nullptr);
  EXPECT_THAT(r->badges, ElementsAre("arxiv"));
  EXPECT_THAT(r->categories, ElementsAre("cs.LG", "cs.CV"));
  EXPECT_TRUE(r->is_new);
  EXPECT_EQ(r->published, "2026-06-18");
  EXPECT_FALSE(r->upvotes.has_value());
}

TEST_F(SeedPageTest, VenueCardHasVenueYearAndCitations) {
  const PaperRecord* r =
      FindTitle(result_->records, "Demystify Mamba in Vision: A Linear Attention Perspective");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->venue, "NeurIPS 2024");
  EXPECT_EQ(r->year, 2024);
  EXPECT_EQ(r->citations, 237);
  EXPECT_FALSE(r->abstract.empty());
}

TEST(PaperDeckJsonlTest, RoundedCitationsCountOnlyWithoutTheExactOne) {
  ScratchDir dir;
  auto path = dir.Write("cards.jsonl",
                        R"({"title": "A", "authors_shown": "X", "citations_shown": "1.6k"})"
                        "\n"
                        R"({"title": "B", "authors_shown": "X", "citations": 1612, "citations_shown": "1.6k"})"
                        "\n"
                        R"({"title": "C", "authors_shown": "X", "citations_shown": "lots"})"
                        "\n");
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].citations, 1600);
  EXPECT_EQ(result.records[1].citations, 1612);
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].ToString(),
            path.string() + ":3: field 'citations_shown' should be a count such as 237 or 1.6k, got 'lots'");
}

TEST(PaperDeckJsonlTest, ReadsTheFullerFieldsPaperDeckWrites) {
  testing::ReadResult result = ReadFile(TestData("ingest/paperdeck-rich.jsonl"));
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_THAT(result.bad, IsEmpty());

  const PaperRecord& arxiv = result.records[0];
  EXPECT_EQ(arxiv.id, "1706.03762");
  EXPECT_EQ(arxiv.arxiv_id, "1706.03762");  // "arXiv:1706.03762v7", version dropped
  EXPECT_EQ(arxiv.authors.size(), 8u);
  EXPECT_EQ(arxiv.authors[5], "Aidan N. Gomez");
  EXPECT_TRUE(arxiv.authors_complete);
  EXPECT_EQ(arxiv.published, "2017-06-12");
  EXPECT_EQ(arxiv.updated, "2023-08-02");
  EXPECT_THAT(arxiv.links, ElementsAre("https://arxiv.org/abs/1706.03762"));
  EXPECT_THAT(arxiv.badges, ElementsAre("arxiv"));
  EXPECT_EQ(arxiv.comments, "15 pages, 5 figures");
  EXPECT_EQ(arxiv.venue, "NeurIPS 2017");
  EXPECT_EQ(arxiv.citations, 150000);

  const PaperRecord& doi = result.records[1];
  EXPECT_EQ(doi.doi, "10.1145/3292500.3330701");
  EXPECT_EQ(doi.id, "doi:10.1145/3292500.3330701");
  EXPECT_EQ(doi.published, "2019-07-25");  // the time of day is dropped
  EXPECT_THAT(doi.badges, ElementsAre("paper"));
}

TEST(PaperDeckJsonlTest, CanonicalIdAloneTellsTheDoi) {
  ScratchDir dir;
  auto path = dir.Write("id.jsonl", R"({"title": "T", "authors": ["A"], "id": "doi:10.1/XY"})" "\n");
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].doi, "10.1/xy");
  EXPECT_EQ(result.records[0].id, "doi:10.1/xy");
}

TEST(PaperDeckJsonlTest, CollapsesWhitespaceInText) {
  ScratchDir dir;
  auto path = dir.Write("ws.jsonl",
                        R"({"title": "  Flash\nAttention  ", "authors_shown": "Tri  Dao,\n Dan Fu",)"
                        R"( "abstract": "Fast\n\nand  exact.\t", "venue": " NeurIPS  2022 "})" "\n");
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].title, "Flash Attention");
  EXPECT_THAT(result.records[0].authors, ElementsAre("Tri Dao", "Dan Fu"));
  EXPECT_EQ(result.records[0].abstract, "Fast and exact.");
  EXPECT_EQ(result.records[0].venue, "NeurIPS 2022");
}

TEST(PaperDeckJsonlTest, RejectsBadIdsAndCounts) {
  ScratchDir dir;
  auto path = dir.Write("bad.jsonl",
                        R"({"title": "A", "authors": ["X"], "arxiv_id": "not-an-id"})" "\n"
                        R"({"title": "B", "authors": ["X"], "doi": "nope"})" "\n"
                        R"({"title": "C", "authors": ["X"], "upvotes": -2})" "\n"
                        R"({"title": "D", "authors": ["X"], "date": "2026-02-30"})" "\n"
                        R"({"title": "E", "authors": ["X"], "year": "2024"})" "\n");
  testing::ReadResult result = ReadFile(path);
  EXPECT_THAT(result.records, IsEmpty());
  ASSERT_EQ(result.bad.size(), 5u);
  EXPECT_EQ(result.bad[0].message, "field 'arxiv_id' is not an arXiv id: 'not-an-id'");
  EXPECT_EQ(result.bad[1].message, "field 'doi' is not a DOI: 'nope'");
  EXPECT_EQ(result.bad[2].message, "field 'upvotes' should not be negative, got -2");
  EXPECT_EQ(result.bad[3].message, "field 'date' should be a date such as 2026-06-05, got '2026-02-30'");
  EXPECT_EQ(result.bad[4].message, "field 'year' should be a number, got string");
}

// What `paperdeck export --format jsonl` adds: versions, the citation key and the library.
TEST(PaperDeckJsonlTest, ReadsTheCitationKeyVersionsAndLibraryOfAnExport) {
  ScratchDir dir;
  auto path = dir.Write(
      "export.jsonl",
      R"({"id": "1706.03762", "title": "A", "authors": ["X Y"], "authors_complete": true, )"
      R"("versions": [{"name": "v1", "date": "Mon, 12 Jun 2017 17:57:34 GMT"}, {"name": "v2"}], )"
      R"("citation_key": "y2017a", "library": {"tags": ["thesis", "Straße"], "state": "read", )"
      R"("state_set_at": "2026-01-02T03:04:05Z", "notes": [{"text": "# N\nbody", )"
      R"("created_at": "2026-01-01T00:00:00Z", "edited_at": "2026-01-01T00:00:01Z"}], )"
      R"("entered_at": "2025-12-31T23:59:59Z"}})"
      "\n"
      R"({"title": "B", "authors": ["X"], "authors_complete": true})"
      "\n");
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.records.size(), 2u) << (result.bad.empty() ? "" : result.bad[0].ToString());
  const PaperRecord& r = result.records[0];
  ASSERT_EQ(r.versions.size(), 2u);
  EXPECT_EQ(r.versions[0].date, "Mon, 12 Jun 2017 17:57:34 GMT");
  EXPECT_EQ(r.versions[1].name, "v2");
  EXPECT_EQ(r.citation_key, "y2017a");
  ASSERT_TRUE(r.library.has_value());
  EXPECT_THAT(r.library->tags, ElementsAre("thesis", "Straße"));
  EXPECT_EQ(r.library->state, "read");
  EXPECT_EQ(r.library->state_set_at, "2026-01-02T03:04:05Z");
  ASSERT_EQ(r.library->notes.size(), 1u);
  EXPECT_EQ(r.library->notes[0].text, "# N\nbody");
  EXPECT_EQ(r.library->notes[0].created_at, "2026-01-01T00:00:00Z");
  EXPECT_EQ(r.library->notes[0].edited_at, "2026-01-01T00:00:01Z");
  EXPECT_EQ(r.library->entered_at, "2025-12-31T23:59:59Z");
  EXPECT_FALSE(result.records[1].library.has_value());
  EXPECT_EQ(result.records[1].citation_key, "");
}

TEST(PaperDeckJsonlTest, BadLibraryDataNamesTheInnerField) {
  ScratchDir dir;
  auto path = dir.Write(
      "bad-library.jsonl",
      R"({"title": "A", "authors": ["X"], "library": {"state": "skimmed"}})" "\n"
      R"({"title": "B", "authors": ["X"], "library": {"tags": ["t"], "entered_at": "yesterday"}})" "\n"
      R"({"title": "C", "authors": ["X"], "library": {"notes": [{"created_at": "2026-01-01T00:00:00Z"}]}})" "\n"
      R"({"title": "D", "authors": ["X"], "library": ["thesis"]})" "\n"
      R"({"title": "E", "authors": ["X"], "library": {"tags": ["ok"]}})" "\n");
  testing::ReadResult result = ReadFile(path);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_THAT(result.records[0].library->tags, ElementsAre("ok"));
  ASSERT_EQ(result.bad.size(), 4u);
  EXPECT_EQ(result.bad[0].ToString(),
            path.string() + ":1: field 'library.state' should be to-read, reading or read, got 'skimmed'");
  EXPECT_EQ(result.bad[1].message,
            "field 'library.entered_at' should be a time such as 2026-01-31T09:30:00Z, got 'yesterday'");
  EXPECT_EQ(result.bad[2].message, "field 'library.notes[0].text' is missing");
  EXPECT_EQ(result.bad[3].message, "field 'library' should be an object, got array");
}

}  // namespace
}  // namespace paperdeck::ingest
