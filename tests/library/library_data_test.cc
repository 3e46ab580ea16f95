// The user's library in the corpus: tags matched by their folded names, reading states and the
// queue, notes, and the rule that none of it goes with a paper unless asked, nor with a
// re-import of the paper.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <string>
#include <vector>

#include "corpus_test_support.h"
#include "library/corpus.h"
#include "library/library_data.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ScratchDir;

PaperRecord Paper(const std::string& arxiv_id, const std::string& title) {
  PaperRecord r;
  r.arxiv_id = arxiv_id;
  r.title = title;
  r.abstract = "An abstract.";
  r.source = "arxiv-jsonl";
  return r;
}

struct Fixture {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus;
  int64_t a = 0, b = 0, c = 0;

  Fixture() {
    corpus = Corpus::Open(dir.path()).value();
    std::vector<PaperRecord> records = {Paper("2401.00001", "First paper"),
                                        Paper("2401.00002", "Second paper"),
                                        Paper("2401.00003", "Third paper")};
    EXPECT_TRUE(corpus->Upsert(records).ok());
    a = corpus->Find("2401.00001").value()->key;
    b = corpus->Find("2401.00002").value()->key;
    c = corpus->Find("2401.00003").value()->key;
  }
};

std::vector<std::string> Names(const std::vector<TagCount>& tags) {
  std::vector<std::string> out;
  for (const TagCount& t : tags) out.push_back(t.name + "=" + std::to_string(t.papers));
  return out;
}

TEST(TagNameTest, CleaningRefusesWhatCannotBeATag) {
  EXPECT_EQ(CleanTagName("  thesis/related-work ").value(), "thesis/related-work");
  EXPECT_EQ(CleanTagName("Größe").value(), "Größe");
  for (const std::string& bad : std::vector<std::string>{"", "   ", "two words", "a//b", "/a", "a/", "tab\there", "\xff\xfe",
                          std::string(201, 'x')}) {
    EXPECT_FALSE(CleanTagName(bad).ok()) << bad;
  }
}

TEST(TagNameTest, FoldingIsUnicodeCaseFoldingWithNfkc) {
  EXPECT_EQ(FoldTagName("Thesis/Related-Work"), "thesis/related-work");
  EXPECT_EQ(FoldTagName("STRASSE"), FoldTagName("Straße"));
  EXPECT_EQ(FoldTagName("ＴＨＥＳＩＳ"), "thesis");  // full-width letters
  EXPECT_EQ(FoldTagName("ÉCOLE"), FoldTagName("école"));
  EXPECT_NE(FoldTagName("ecole"), FoldTagName("école"));  // accents are kept
}

TEST(LibraryDataTest, TagsAreMatchedCaseInsensitivelyAndKeepTheirFirstSpelling) {
  Fixture f;
  ASSERT_TRUE(f.corpus->AddTags(f.a, std::vector<std::string>{"Thesis", "thesis/related-work"}).ok());
  ASSERT_TRUE(f.corpus->AddTags(f.b, std::vector<std::string>{"THESIS"}).ok());
  ASSERT_TRUE(f.corpus->AddTags(f.b, std::vector<std::string>{"thesis"}).ok());  // already there
  EXPECT_THAT(Names(f.corpus->Tags().value()),
              ElementsAre("Thesis=2", "thesis/related-work=1"));
  EXPECT_THAT(f.corpus->TagsOf(f.a).value(), ElementsAre("Thesis", "thesis/related-work"));
  EXPECT_THAT(f.corpus->TagsOf(f.b).value(), ElementsAre("Thesis"));
  EXPECT_TRUE(f.corpus->TagsOf(f.c).value().empty());

  ASSERT_TRUE(f.corpus->RemoveTags(f.a, std::vector<std::string>{"tHeSiS"}).ok());
  EXPECT_THAT(f.corpus->TagsOf(f.a).value(), ElementsAre("thesis/related-work"));
  ASSERT_TRUE(f.corpus->RemoveTags(f.b, std::vector<std::string>{"thesis", "never-there"}).ok());
  // A tag no paper carries is forgotten: a new spelling starts afresh.
  EXPECT_THAT(Names(f.corpus->Tags().value()), ElementsAre("thesis/related-work=1"));
  ASSERT_TRUE(f.corpus->AddTags(f.c, std::vector<std::string>{"thesis"}).ok());
  EXPECT_THAT(Names(f.corpus->Tags().value()),
              ElementsAre("thesis=1", "thesis/related-work=1"));
}

TEST(LibraryDataTest, AChangeWithAnUnknownPaperOrABadNameChangesNothing) {
  Fixture f;
  const std::vector<int64_t> keys = {f.a, 999};
  Status unknown = f.corpus->ChangeTags(keys, std::vector<std::string>{"x"}, {});
  EXPECT_EQ(unknown.code(), Status::Code::kNotFound);
  const std::vector<int64_t> good = {f.a, f.b};
  Status bad = f.corpus->ChangeTags(good, std::vector<std::string>{"ok", "not ok"}, {});
  EXPECT_EQ(bad.code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(bad.message(), HasSubstr("'not ok'"));
  EXPECT_TRUE(f.corpus->Tags().value().empty());
  EXPECT_FALSE(f.corpus->HasLibraryData(f.a).value());
  EXPECT_EQ(f.corpus->SetReadingState(keys, ReadingState::kRead).code(), Status::Code::kNotFound);
  EXPECT_FALSE(f.corpus->ReadingStateOf(f.a).value().has_value());
  EXPECT_EQ(f.corpus->AddNote(999, "text").status().code(), Status::Code::kNotFound);
  EXPECT_EQ(f.corpus->AddNote(f.a, " \n\t").status().code(), Status::Code::kInvalidArgument);
  EXPECT_TRUE(f.corpus->NotesOf(f.a).value().empty());
}

TEST(LibraryDataTest, TheQueueHoldsPapersToReadOldestMarkFirst) {
  Fixture f;
  const std::vector<int64_t> ca = {f.c, f.a};
  ASSERT_TRUE(f.corpus->SetReadingState(ca, ReadingState::kToRead).ok());
  ASSERT_TRUE(f.corpus->SetReadingState(std::vector<int64_t>{f.b}, ReadingState::kToRead).ok());
  auto ids = [&] {
    std::vector<std::string> out;
    Result<std::vector<Corpus::QueueEntry>> queue = f.corpus->Queue();
    EXPECT_TRUE(queue.ok());
    if (!queue.ok()) return out;
    for (const Corpus::QueueEntry& e : *queue) out.push_back(e.paper.record.id);
    return out;
  };
  EXPECT_THAT(ids(), ElementsAre("2401.00003", "2401.00001", "2401.00002"));
  // Marking to-read again keeps the mark's place; reading and back puts it last.
  ASSERT_TRUE(f.corpus->SetReadingState(std::vector<int64_t>{f.c}, ReadingState::kToRead).ok());
  EXPECT_THAT(ids(), ElementsAre("2401.00003", "2401.00001", "2401.00002"));
  ASSERT_TRUE(f.corpus->SetReadingState(std::vector<int64_t>{f.c}, ReadingState::kReading).ok());
  EXPECT_THAT(ids(), ElementsAre("2401.00001", "2401.00002"));
  EXPECT_EQ(f.corpus->ReadingStateOf(f.c).value()->state, ReadingState::kReading);
  ASSERT_TRUE(f.corpus->SetReadingState(std::vector<int64_t>{f.c}, ReadingState::kToRead).ok());
  EXPECT_THAT(ids(), ElementsAre("2401.00001", "2401.00002", "2401.00003"));
  ASSERT_TRUE(f.corpus->SetReadingState(std::vector<int64_t>{f.a}, std::nullopt).ok());
  EXPECT_FALSE(f.corpus->ReadingStateOf(f.a).value().has_value());
  EXPECT_FALSE(f.corpus->HasLibraryData(f.a).value());
  EXPECT_THAT(ids(), ElementsAre("2401.00002", "2401.00003"));
}

TEST(LibraryDataTest, NotesAreKeptInOrderWithTheirTimes) {
  Fixture f;
  const std::string markdown = "# Idea\n\n- *sparse* attention, see §3\n";
  int64_t first = f.corpus->AddNote(f.a, markdown).value();
  int64_t second = f.corpus->AddNote(f.a, "second").value();
  EXPECT_LT(first, second);
  std::vector<Note> notes = f.corpus->NotesOf(f.a).value();
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].text, markdown);
  EXPECT_EQ(notes[1].text, "second");
  EXPECT_EQ(notes[0].created_at.size(), std::string("2026-01-01T00:00:00Z").size());
  EXPECT_EQ(notes[0].edited_at, notes[0].created_at);
  LibraryEntry entry = f.corpus->LibraryOf(f.a).value();
  EXPECT_FALSE(entry.entered_at.empty());
  EXPECT_EQ(entry.Describe(), "2 notes");
  EXPECT_TRUE(f.corpus->LibraryOf(f.b).value().empty());
  EXPECT_TRUE(f.corpus->LibraryOf(f.b).value().entered_at.empty());
}

TEST(LibraryDataTest, ANoteIsEditedAndDeletedInPlaceAndOnlyThroughItsOwnPaper) {
  Fixture f;
  int64_t first = f.corpus->AddNote(f.a, "first").value();
  int64_t second = f.corpus->AddNote(f.a, "second").value();
  const std::string created = f.corpus->NotesOf(f.a).value()[0].created_at;

  ASSERT_TRUE(f.corpus->EditNote(f.a, first, "first, *revised*").ok());
  std::vector<Note> notes = f.corpus->NotesOf(f.a).value();
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].id, first);
  EXPECT_EQ(notes[0].text, "first, *revised*");
  EXPECT_EQ(notes[0].created_at, created);
  EXPECT_GE(notes[0].edited_at, created);
  EXPECT_EQ(notes[1].text, "second");

  // Another paper's note, an unknown note and a blank text change nothing.
  EXPECT_EQ(f.corpus->EditNote(f.b, first, "stolen").code(), Status::Code::kNotFound);
  EXPECT_EQ(f.corpus->DeleteNote(f.b, first).code(), Status::Code::kNotFound);
  EXPECT_EQ(f.corpus->EditNote(f.a, 999, "x").code(), Status::Code::kNotFound);
  EXPECT_EQ(f.corpus->DeleteNote(f.a, 999).code(), Status::Code::kNotFound);
  EXPECT_EQ(f.corpus->EditNote(f.a, first, "  \n").code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(f.corpus->NotesOf(f.a).value()[0].text, "first, *revised*");

  ASSERT_TRUE(f.corpus->DeleteNote(f.a, first).ok());
  notes = f.corpus->NotesOf(f.a).value();
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].id, second);
  EXPECT_TRUE(f.corpus->HasLibraryData(f.a).value());
  // The last note gone, the paper holds nothing and leaves the library.
  ASSERT_TRUE(f.corpus->DeleteNote(f.a, second).ok());
  EXPECT_FALSE(f.corpus->HasLibraryData(f.a).value());
  EXPECT_TRUE(f.corpus->LibraryOf(f.a).value().entered_at.empty());
}

TEST(LibraryDataTest, ReimportingAPaperKeepsItsKeyAndItsLibraryData) {
  Fixture f;
  ASSERT_TRUE(f.corpus->AddTags(f.a, std::vector<std::string>{"thesis"}).ok());
  ASSERT_TRUE(f.corpus->SetReadingState(std::vector<int64_t>{f.a}, ReadingState::kRead).ok());
  ASSERT_TRUE(f.corpus->AddNote(f.a, "kept").ok());
  const int64_t revision = f.corpus->Revision().value();
  // Library writes do not bump the revision: the index holds none of it.
  EXPECT_EQ(revision, 1);
  PaperRecord changed = Paper("2401.00001", "First paper, revised title");
  changed.doi = "10.1234/first";
  UpsertResult result = f.corpus->Upsert(std::vector<PaperRecord>{changed}).value();
  EXPECT_EQ(result.updated, 1u);
  StoredPaper after = f.corpus->Find("10.1234/first").value().value();
  EXPECT_EQ(after.key, f.a);
  EXPECT_EQ(after.record.title, "First paper, revised title");
  LibraryEntry entry = f.corpus->LibraryOf(f.a).value();
  EXPECT_THAT(entry.tags, ElementsAre("thesis"));
  ASSERT_TRUE(entry.state.has_value());
  EXPECT_EQ(entry.state->state, ReadingState::kRead);
  ASSERT_EQ(entry.notes.size(), 1u);
  EXPECT_EQ(entry.notes[0].text, "kept");
}

TEST(LibraryDataTest, RemovingAPaperWithLibraryDataIsRefusedUnlessAsked) {
  Fixture f;
  ASSERT_TRUE(f.corpus->AddTags(f.a, std::vector<std::string>{"thesis", "shared"}).ok());
  ASSERT_TRUE(f.corpus->AddTags(f.b, std::vector<std::string>{"shared"}).ok());
  ASSERT_TRUE(f.corpus->AddNote(f.a, "mine").ok());
  Result<bool> refused = f.corpus->Remove("2401.00001");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.status().message(),
              HasSubstr("2 tags (shared, thesis), 1 note; nothing was removed"));
  EXPECT_TRUE(f.corpus->Find("2401.00001").value().has_value());
  EXPECT_EQ(f.corpus->NotesOf(f.a).value().size(), 1u);

  // A paper without library data goes as before.
  EXPECT_TRUE(f.corpus->Remove("2401.00003").value());

  EXPECT_TRUE(f.corpus->Remove("2401.00001", /*drop_library_data=*/true).value());
  EXPECT_FALSE(f.corpus->Find("2401.00001").value().has_value());
  EXPECT_THAT(Names(f.corpus->Tags().value()), ElementsAre("shared=1"));
  EXPECT_TRUE(f.corpus->LibraryOf(f.a).value().empty());
  EXPECT_TRUE(f.corpus->HasLibraryData(f.b).value());
}

// Even a write that goes around Corpus::Remove cannot cascade the user's data away.
TEST(LibraryDataTest, TheDatabaseRefusesToDeleteAPaperHoldingLibraryData) {
  Fixture f;
  ASSERT_TRUE(f.corpus->SetReadingState(std::vector<int64_t>{f.a}, ReadingState::kToRead).ok());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((f.dir.path() / "corpus.db").c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr), SQLITE_OK);
  const std::string sql = "DELETE FROM papers WHERE key = " + std::to_string(f.a);
  EXPECT_NE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  EXPECT_TRUE(f.corpus->Find("2401.00001").value().has_value());
}

}  // namespace
}  // namespace paperdeck::library
