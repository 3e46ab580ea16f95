// CSL JSON as Zotero exports it: one array of items.
#include "ingest/csl_json_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest_test_files.h"

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::ReadResult;
using testing::ScratchDir;
using testing::TestData;

ReadResult Read(const std::filesystem::path& path, InputFormat expected = InputFormat::kCslJson) {
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path);
  if (!reader.ok()) {
    ADD_FAILURE() << reader.status().message();
    return {};
  }
  EXPECT_EQ((*reader)->format(), expected);
  return testing::ReadAll(**reader);
}

TEST(CslJsonReaderTest, ZoteroExport) {
  ReadResult result = Read(TestData("ingest/zotero-csl.json"));
  ASSERT_EQ(result.records.size(), 4u);
  EXPECT_FALSE(result.failure.has_value());

  const PaperRecord& vaswani = result.records[0];
  EXPECT_EQ(vaswani.citation_key, "vaswaniAttentionAllYou2017");
  EXPECT_EQ(vaswani.title, "Attention is All you Need");
  EXPECT_THAT(vaswani.authors, ElementsAre("Ashish Vaswani", "Noam Shazeer", "Łukasz Kaiser"));
  EXPECT_EQ(vaswani.venue, "Advances in Neural Information Processing Systems");
  EXPECT_EQ(vaswani.year, 2017);
  EXPECT_EQ(vaswani.source, "csl-json");

  const PaperRecord& bert = result.records[1];
  EXPECT_EQ(bert.arxiv_id, "1810.04805");
  EXPECT_EQ(bert.doi, "");  // arXiv's DOI is the arXiv id, kept as such
  EXPECT_EQ(bert.id, "1810.04805");
  EXPECT_EQ(bert.published, "2019-05-24");
  EXPECT_THAT(bert.keywords, ElementsAre("Computer Science - Computation and Language"));

  const PaperRecord& who = result.records[2];
  EXPECT_THAT(who.authors, ElementsAre("World Health Organization"));
  EXPECT_EQ(who.doi, "10.1234/who.2021");
  EXPECT_THAT(who.keywords, ElementsAre("health", "statistics"));
  EXPECT_EQ(who.published, "");  // a month is not a day
  EXPECT_EQ(who.year, 2021);

  const PaperRecord& particle = result.records[3];
  EXPECT_THAT(particle.authors, ElementsAre("Anna van der Berg"));
  EXPECT_EQ(particle.year, 2022);
  EXPECT_EQ(particle.published, "");  // February 30th is no date

  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_EQ(result.bad[0].line, 36u);
  EXPECT_THAT(result.bad[0].ToString(),
              HasSubstr("zotero-csl.json:36: item 3: field 'author' should be an array of "
                        "names, got string"));
  EXPECT_THAT(result.bad[0].message, HasSubstr("broken-authors"));
}

TEST(CslJsonReaderTest, ABrokenItemIsSkippedAndTheArrayReadOn) {
  ScratchDir dir;
  auto path = dir.Write("refs.json",
                        "[\n"
                        "  {\"id\": \"a\", \"title\": \"First\"},\n"
                        "  {\"id\": \"b\", \"title\": \"Broken\" \"type\": 1},\n"
                        "  {\"id\": \"c\", \"type\": \"book\"},\n"
                        "  42,\n"
                        "  {\"id\": \"d\", \"title\": \"Last, with a ] and a } in it\"}\n"
                        "]\n");
  ReadResult result = Read(path);
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].title, "First");
  EXPECT_EQ(result.records[1].title, "Last, with a ] and a } in it");
  ASSERT_EQ(result.bad.size(), 3u);
  EXPECT_EQ(result.bad[0].line, 3u);
  EXPECT_THAT(result.bad[0].message, HasSubstr("item 2: broken JSON"));
  EXPECT_EQ(result.bad[1].line, 4u);
  EXPECT_THAT(result.bad[1].message, HasSubstr("item 3: no title (id 'c')"));
  EXPECT_EQ(result.bad[2].line, 5u);
  EXPECT_THAT(result.bad[2].message, HasSubstr("item 4: expected a JSON object, got number"));
  EXPECT_FALSE(result.failure.has_value());
}

TEST(CslJsonReaderTest, AnUnclosedArrayEndsTheFileAfterTheGoodItems) {
  ScratchDir dir;
  auto path = dir.Write("cut.json", "[{\"title\": \"Kept\"},\n {\"title\": \"Cut");
  ReadResult result = Read(path);
  ASSERT_EQ(result.records.size(), 1u);
  ASSERT_TRUE(result.failure.has_value());
  EXPECT_EQ(result.failure->line, 2u);
  EXPECT_THAT(result.failure->message, HasSubstr("item 2 is never closed"));
}

TEST(CslJsonReaderTest, JsonLinesAreNotTakenForCslJson) {
  ScratchDir dir;
  auto lines = dir.Write("cards.json", "{\"title\": \"A card\", \"authors_shown\": \"A, B\"}\n");
  ReadResult result = Read(lines, InputFormat::kPaperDeckJsonl);
  EXPECT_EQ(result.records.size(), 1u);
  ReadResult empty = Read(dir.Write("none.json", "[ ]\n"));
  EXPECT_THAT(empty.records, IsEmpty());
  EXPECT_FALSE(empty.failure.has_value());
}

}  // namespace
}  // namespace paperdeck::ingest
