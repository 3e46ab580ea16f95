// A data directory written at schema version 5 (the library with citation keys, before the
// library's own revision) opens, migrates and keeps every tag, reading state, note, citation key
// and time; the migrated corpus counts library changes from then on. The fixture
// (tests/data/library/corpus-schema5.sql, see tests/data/README.md) is the `.dump` of a corpus
// written by that build; the values below are what it answered before the dump.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "corpus_test_support.h"
#include "library/corpus.h"
#include "library/schema.h"
#include "library/sqlite_handle.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;
using testing::OpenDumpedCorpus;
using testing::ScratchDir;

TEST(MigrationSchemaFiveTest, TheLibraryAndItsKeysAreKeptAndChangesAreCounted) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = OpenDumpedCorpus(dir, "corpus-schema5.sql", 5);
  ASSERT_TRUE(corpus);
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(SchemaVersion(**db).value(), kSchemaVersion);
  }
  EXPECT_EQ(corpus->Stats().value().papers, 5u);

  StoredPaper mamba = corpus->Find("h:bd2e685213392f0a").value().value();
  LibraryEntry entry = corpus->LibraryOf(mamba.key).value();
  EXPECT_EQ(entry.entered_at, "2026-12-02T11:40:14Z");
  EXPECT_THAT(entry.tags, ElementsAre("Reading-Group", "thesis/related-work"));
  ASSERT_TRUE(entry.state);
  EXPECT_EQ(entry.state->state, ReadingState::kReading);
  ASSERT_EQ(entry.notes.size(), 1u);
  EXPECT_EQ(entry.notes[0].text, "first **note** on linear attention");
  EXPECT_EQ(entry.citation_key, "han2024demystify");
  EXPECT_EQ(corpus->Find("HAN2024demystify").value()->key, mamba.key);

  StoredPaper second = corpus->Find("h:0d8ba070e5fc86fd").value().value();
  EXPECT_THAT(corpus->LibraryOf(second.key).value().tags, ElementsAre("thesis"));
  EXPECT_EQ(corpus->LibraryOf(second.key).value().citation_key, "sikdar2026chiaroscuro");
  ASSERT_EQ(corpus->Queue().value().size(), 1u);
  EXPECT_EQ(corpus->Queue().value()[0].paper.record.id, "h:9fe616a0ba8b31c1");
  EXPECT_EQ(corpus->LibraryPapers().value().size(), 3u);
  EXPECT_THAT(corpus->PapersTagged("thesis").value(),
              ::testing::UnorderedElementsAre(mamba.key, second.key));

  // The library's revision starts at 0 and each change moves it.
  EXPECT_EQ(corpus->LibraryRevision().value(), 0);
  const std::vector<int64_t> keys = {second.key};
  const std::vector<std::string> names = {"ssm"};
  ASSERT_TRUE(corpus->ChangeTags(keys, names, {}).ok());
  const int64_t after_tag = corpus->LibraryRevision().value();
  EXPECT_GT(after_tag, 0);
  ASSERT_TRUE(corpus->AddNote(second.key, "n").ok());
  EXPECT_GT(corpus->LibraryRevision().value(), after_tag);
}

}  // namespace
}  // namespace paperdeck::library
