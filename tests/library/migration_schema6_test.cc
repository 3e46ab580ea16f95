// A data directory written at schema version 6 (the library with its own revision, before saved
// searches) opens, migrates and keeps every paper, tag, reading state, note and citation key; its
// papers are given the revision they entered at (the revision that last changed them: the best
// the file knows), and it then takes saved searches and the quota meter's counts. The fixture
// (tests/data/library/corpus-schema6.sql, see tests/data/README.md) is the `.dump` of a corpus
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

TEST(MigrationSchemaSixTest, EverythingIsKeptAndPapersEnterAtTheirRevision) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = OpenDumpedCorpus(dir, "corpus-schema6.sql", 6);
  ASSERT_TRUE(corpus);
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(SchemaVersion(**db).value(), kSchemaVersion);
  }
  EXPECT_EQ(corpus->Stats().value().papers, 7u);
  EXPECT_EQ(corpus->Revision().value(), 2);

  StoredPaper mamba = corpus->Find("h:bd2e685213392f0a").value().value();
  LibraryEntry entry = corpus->LibraryOf(mamba.key).value();
  EXPECT_THAT(entry.tags, ElementsAre("Reading-Group", "thesis/related-work"));
  ASSERT_TRUE(entry.state);
  EXPECT_EQ(entry.state->state, ReadingState::kReading);
  ASSERT_EQ(entry.notes.size(), 1u);
  EXPECT_EQ(entry.notes[0].text, "a note from schema six");
  EXPECT_EQ(entry.citation_key, "han2024demystify");
  EXPECT_EQ(corpus->LibraryOf(corpus->Find("h:0d8ba070e5fc86fd").value()->key).value().citation_key,
            "sikdar2026chiaroscuro");
  EXPECT_EQ(corpus->LibraryRevision().value(), 10);

  // The first five papers came with revision 1, the last two with revision 2.
  EXPECT_EQ(mamba.entered_revision, 1);
  EXPECT_EQ(mamba.added_at, "2026-12-02T14:42:07Z");
  const int64_t six = corpus->Find("h:342c8ff703f80cf2").value()->key;
  const int64_t seven = corpus->Find("h:58d60866510631e2").value()->key;
  EXPECT_THAT(corpus->PapersEnteredAfter(1).value(), ElementsAre(six, seven));
  EXPECT_EQ(corpus->PapersEnteredAfter(0).value().size(), 7u);
  EXPECT_EQ(corpus->PapersAddedBetween("2026-12-02", "2026-12-02").value().size(), 7u);

  // It takes saved searches and usage counts.
  ASSERT_TRUE(corpus->AddSavedSearch("mamba", "title:mamba", true).ok());
  EXPECT_EQ(corpus->SavedSearches().value().size(), 1u);
  SourceUsage usage;
  usage.day = "2026-12-02";
  usage.source = "arxiv";
  usage.requests = 1;
  ASSERT_TRUE(corpus->AddSourceUsage(usage).ok());
  EXPECT_EQ(corpus->SourceUsageOn("2026-12-02").value().size(), 1u);
}

}  // namespace
}  // namespace paperdeck::library
