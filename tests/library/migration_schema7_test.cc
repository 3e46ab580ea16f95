// A data directory written at schema version 7 (keeping up: saved searches, before a saved search
// could be a recommendation) opens, migrates and keeps every paper, tag, reading state, note,
// citation key and saved search (its query, pull flag, times and the revision it was looked at
// up to); its saved searches are queries, and it then takes recommendation saved searches and
// what they have shown. The fixture (tests/data/library/corpus-schema7.sql, see
// tests/data/README.md) is the `.dump` of a corpus written by that build; the values below are
// what it answered before the dump.
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
using ::testing::Pair;
using ::testing::UnorderedElementsAre;
using testing::OpenDumpedCorpus;
using testing::ScratchDir;

TEST(MigrationSchemaSevenTest, EverythingIsKeptAndSavedSearchesAreQueries) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = OpenDumpedCorpus(dir, "corpus-schema7.sql", 7);
  ASSERT_TRUE(corpus);
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(SchemaVersion(**db).value(), kSchemaVersion);
  }
  EXPECT_EQ(corpus->Stats().value().papers, 7u);
  EXPECT_EQ(corpus->Revision().value(), 2);
  EXPECT_EQ(corpus->LibraryRevision().value(), 10);

  StoredPaper mamba = corpus->Find("h:bd2e685213392f0a").value().value();
  LibraryEntry entry = corpus->LibraryOf(mamba.key).value();
  EXPECT_THAT(entry.tags, ElementsAre("Reading-Group", "thesis/related-work"));
  ASSERT_TRUE(entry.state);
  EXPECT_EQ(entry.state->state, ReadingState::kReading);
  ASSERT_EQ(entry.notes.size(), 1u);
  EXPECT_EQ(entry.notes[0].text, "a note from schema seven");
  EXPECT_EQ(entry.citation_key, "han2024demystify");
  const int64_t chiaroscuro = corpus->Find("h:0d8ba070e5fc86fd").value()->key;
  LibraryEntry second = corpus->LibraryOf(chiaroscuro).value();
  EXPECT_THAT(second.tags, ElementsAre("thesis"));
  EXPECT_EQ(second.citation_key, "sikdar2026chiaroscuro");
  EXPECT_EQ(mamba.entered_revision, 1);
  EXPECT_EQ(corpus->PapersEnteredAfter(1).value().size(), 2u);

  // Both saved searches, as they were, now queries.
  std::vector<SavedSearch> searches = corpus->SavedSearches().value();
  ASSERT_EQ(searches.size(), 2u);
  EXPECT_EQ(searches[0].name, "mamba");
  EXPECT_EQ(searches[0].query, "title:mamba");
  EXPECT_TRUE(searches[0].pull);
  EXPECT_EQ(searches[0].kind, SavedSearchKind::kQuery);
  EXPECT_EQ(searches[0].seen_revision, 1);
  EXPECT_EQ(searches[0].looked_at, "2026-12-03T08:00:00Z");
  EXPECT_EQ(searches[0].created_at, "2026-12-03T08:00:00Z");
  EXPECT_EQ(searches[1].name, "thesis-watch");
  EXPECT_EQ(searches[1].query, "tag:thesis");
  EXPECT_FALSE(searches[1].pull);
  EXPECT_EQ(searches[1].kind, SavedSearchKind::kQuery);
  EXPECT_FALSE(searches[1].seen_revision);
  EXPECT_TRUE(corpus->SavedSearchShown(searches[1].id).value().empty());

  // It takes a recommendation, never pulled, and keeps what it shows.
  SavedSearch like = corpus->AddSavedSearch("like-thesis", "tag:thesis", true, {},
                                            SavedSearchKind::kRecommend)
                         .value();
  EXPECT_EQ(like.kind, SavedSearchKind::kRecommend);
  EXPECT_FALSE(like.pull);
  ASSERT_TRUE(corpus->MarkSavedSearchShown("like-thesis", 2, {{mamba.key, 1}}).ok());
  ASSERT_TRUE(corpus->MarkSavedSearchShown("like-thesis", 2, {{mamba.key, 2}, {7, 2}}).ok());
  EXPECT_THAT(corpus->SavedSearchShown(like.id).value(),
              UnorderedElementsAre(Pair(mamba.key, 2), Pair(7, 2)));
  EXPECT_EQ(corpus->FindSavedSearch("like-thesis").value()->seen_revision, 2);
  // Removing it takes what it showed with it, and nothing else.
  ASSERT_TRUE(corpus->RemoveSavedSearch("like-thesis").ok());
  EXPECT_TRUE(corpus->SavedSearchShown(like.id).value().empty());
  EXPECT_EQ(corpus->SavedSearches().value().size(), 2u);
  EXPECT_THAT(corpus->LibraryOf(mamba.key).value().tags,
              ElementsAre("Reading-Group", "thesis/related-work"));
}

}  // namespace
}  // namespace paperdeck::library
