// A data directory written at schema version 4 (the user's library, before citation keys) opens,
// migrates to the current version and keeps every tag, reading state, note and time. The fixture
// (tests/data/library/corpus-schema4.sql, see tests/data/README.md) is the `.dump` of a corpus
// written by that build; the values below are what its `show --json` answered before the dump.
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

constexpr const char* kTime = "2026-12-02T10:12:12Z";

TEST(MigrationSchemaFourTest, TheLibraryIsKeptAndCitationKeysCanBePinned) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = OpenDumpedCorpus(dir, "corpus-schema4.sql", 4);
  ASSERT_TRUE(corpus);
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(SchemaVersion(**db).value(), kSchemaVersion);
  }
  EXPECT_EQ(corpus->Stats().value().papers, 8u);

  StoredPaper mamba = corpus->Find("h:bd2e685213392f0a").value().value();
  LibraryEntry entry = corpus->LibraryOf(mamba.key).value();
  EXPECT_EQ(entry.entered_at, kTime);
  EXPECT_THAT(entry.tags, ElementsAre("thesis", "Thesis/related-work"));
  ASSERT_TRUE(entry.state);
  EXPECT_EQ(entry.state->state, ReadingState::kRead);
  EXPECT_EQ(entry.state->set_at, kTime);
  ASSERT_EQ(entry.notes.size(), 2u);
  EXPECT_EQ(entry.notes[0].text, "# Mamba\n\nlinear *attention*, see §3");
  EXPECT_EQ(entry.notes[1].text, "second note");
  EXPECT_EQ(entry.citation_key, "");

  StoredPaper splatting = corpus->Find("2503.11731").value().value();
  EXPECT_THAT(corpus->LibraryOf(splatting.key).value().tags,
              ElementsAre("Straße", "thesis", "Thesis/related-work"));
  std::vector<Corpus::QueueEntry> queue = corpus->Queue().value();
  ASSERT_EQ(queue.size(), 1u);
  EXPECT_EQ(queue[0].paper.record.id, "2503.11750");
  EXPECT_EQ(queue[0].marked_at, kTime);
  EXPECT_EQ(corpus->LibraryPapers().value().size(), 3u);

  // The migrated corpus takes citation keys at once, and they are ids.
  std::vector<int64_t> keys = {splatting.key, mamba.key};
  std::vector<std::string> pinned = corpus->PinCitationKeys(keys).value();
  EXPECT_THAT(pinned, ElementsAre("zeng2025industrial", "han2024demystify"));
  EXPECT_EQ(corpus->Find("han2024demystify").value()->key, mamba.key);
  EXPECT_EQ(corpus->LibraryOf(mamba.key).value().citation_key, "han2024demystify");
}

}  // namespace
}  // namespace paperdeck::library
