// Citation keys in the corpus: generated once and pinned, suffixed on collisions, given by a
// record when free, found as ids, kept through re-imports and dropped only with --force; and the
// library data a record carries, added in the same transaction as the paper.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "corpus_test_support.h"
#include "library/corpus.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ScratchDir;

PaperRecord Paper(std::string arxiv_id, std::string title, std::string author, int year) {
  PaperRecord r;
  r.arxiv_id = std::move(arxiv_id);
  r.title = std::move(title);
  r.authors = {std::move(author)};
  r.year = year;
  return r;
}

class CitationKeysTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Corpus>> opened = Corpus::Open(dir_.path());
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    corpus_ = std::move(opened).value();
  }
  int64_t Store(const PaperRecord& r) {
    Result<UpsertResult> result = corpus_->Upsert(std::vector<PaperRecord>{r});
    EXPECT_TRUE(result.ok()) << result.status().message();
    notices_ = result.ok() ? result->notices : std::vector<std::string>{};
    Result<std::optional<StoredPaper>> found = corpus_->Find(r.arxiv_id.empty() ? r.doi : r.arxiv_id);
    return found.ok() && found->has_value() ? (*found)->key : -1;
  }
  std::vector<std::string> Pin(std::vector<int64_t> keys) {
    Result<std::vector<std::string>> pinned = corpus_->PinCitationKeys(keys);
    EXPECT_TRUE(pinned.ok()) << pinned.status().message();
    return pinned.ok() ? *pinned : std::vector<std::string>{};
  }

  ScratchDir dir_;
  std::unique_ptr<Corpus> corpus_;
  std::vector<std::string> notices_;
};

TEST_F(CitationKeysTest, CollisionsTakeSuffixesAndAPinnedKeyNeverChanges) {
  const int64_t a = Store(Paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", 2017));
  const int64_t b = Store(Paper("1706.99999", "Attention, Again", "Ashish Vaswani", 2017));
  const int64_t c = Store(Paper("1707.00001", "Attention Three", "A. Vaswani", 2017));
  EXPECT_THAT(Pin({b, 999, a}), ElementsAre("vaswani2017attention", "", "vaswani2017attentiona"));
  // Pinned: the same in any later call, whatever comes with it and in whatever order.
  EXPECT_THAT(Pin({c, a, b}),
              ElementsAre("vaswani2017attentionb", "vaswani2017attentiona", "vaswani2017attention"));
  EXPECT_EQ(corpus_->CitationKeyOf(a).value(), "vaswani2017attentiona");
  // A re-import that changes the paper's facts keeps its key.
  PaperRecord again = Paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", 2018);
  again.venue = "NeurIPS 2017";
  Store(again);
  EXPECT_THAT(Pin({a}), ElementsAre("vaswani2017attentiona"));
}

TEST_F(CitationKeysTest, AKeyIsAnIdWithoutRegardToCase) {
  const int64_t a = Store(Paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", 2017));
  Pin({a});
  EXPECT_EQ(corpus_->Find("vaswani2017attention").value()->key, a);
  EXPECT_EQ(corpus_->Find("Vaswani2017Attention").value()->key, a);
  EXPECT_FALSE(corpus_->Find("vaswani2017attentionz").value().has_value());
}

TEST_F(CitationKeysTest, ARecordsKeyIsPinnedWhenFreeAndOtherwiseSaidSo) {
  PaperRecord given = Paper("2001.00001", "Deep Things", "Jane Doe", 2020);
  given.citation_key = "Doe:DeepThings";
  const int64_t a = Store(given);
  EXPECT_TRUE(notices_.empty());
  EXPECT_THAT(Pin({a}), ElementsAre("Doe:DeepThings"));

  // Another paper giving the same key (in another case) keeps its own, generated at export.
  PaperRecord clash = Paper("2001.00002", "Shallow Things", "John Doe", 2020);
  clash.citation_key = "doe:deepthings";
  const int64_t b = Store(clash);
  ASSERT_EQ(notices_.size(), 1u);
  EXPECT_THAT(notices_[0], HasSubstr("already paper 2001.00001's"));
  EXPECT_THAT(Pin({b}), ElementsAre("doe2020shallow"));

  // A paper with a key keeps it, whatever a later file calls it.
  given.citation_key = "renamed";
  Store(given);
  ASSERT_EQ(notices_.size(), 1u);
  EXPECT_THAT(notices_[0], HasSubstr("keeps its citation key Doe:DeepThings"));
  EXPECT_THAT(Pin({a}), ElementsAre("Doe:DeepThings"));

  // A key BibTeX cannot take is not kept.
  PaperRecord bad = Paper("2001.00003", "Bad Key", "Ann Lee", 2020);
  bad.citation_key = "two words";
  Store(bad);
  ASSERT_EQ(notices_.size(), 1u);
  EXPECT_THAT(notices_[0], HasSubstr("holds white space"));
}

TEST_F(CitationKeysTest, RemoveRefusesAPaperWithAKeyUnlessForced) {
  const int64_t a = Store(Paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", 2017));
  Pin({a});
  Result<bool> refused = corpus_->Remove("1706.03762");
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.status().message(), HasSubstr("citation key vaswani2017attention"));
  ASSERT_TRUE(corpus_->Remove("vaswani2017attention", /*drop_library_data=*/true).value());
  // The key is free again.
  const int64_t b = Store(Paper("1706.11111", "Attention Returns", "Ashish Vaswani", 2017));
  EXPECT_THAT(Pin({b}), ElementsAre("vaswani2017attention"));
}

TEST_F(CitationKeysTest, CarriedLibraryDataIsAddedNeverTakenAway) {
  const int64_t a = Store(Paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", 2017));
  ASSERT_TRUE(corpus_->AddTags(a, std::vector<std::string>{"mine"}).ok());
  ASSERT_TRUE(corpus_->AddNote(a, "my own note").ok());
  const LibraryEntry before = corpus_->LibraryOf(a).value();

  PaperRecord carrying = Paper("1706.03762", "Attention Is All You Need", "Ashish Vaswani", 2017);
  CarriedLibrary carried;
  carried.tags = {"Thesis", "MINE"};
  carried.state = "read";
  carried.state_set_at = "2020-01-02T03:04:05Z";
  carried.notes = {{"old note", "2020-01-01T00:00:00Z", "2020-01-03T00:00:00Z"}};
  carried.entered_at = "2019-12-31T00:00:00Z";
  carrying.library = carried;
  Store(carrying);
  Store(carrying);  // twice: nothing doubles

  LibraryEntry after = corpus_->LibraryOf(a).value();
  EXPECT_THAT(after.tags, ElementsAre("mine", "Thesis"));
  ASSERT_TRUE(after.state);
  EXPECT_EQ(after.state->state, ReadingState::kRead);
  EXPECT_EQ(after.state->set_at, "2020-01-02T03:04:05Z");
  ASSERT_EQ(after.notes.size(), 2u);
  EXPECT_EQ(after.notes[0].text, "my own note");
  EXPECT_EQ(after.notes[1].text, "old note");
  EXPECT_EQ(after.notes[1].created_at, "2020-01-01T00:00:00Z");
  EXPECT_EQ(after.notes[1].edited_at, "2020-01-03T00:00:00Z");
  EXPECT_EQ(after.entered_at, "2019-12-31T00:00:00Z");
  EXPECT_LT(after.entered_at, before.entered_at);

  // A state set after the carried one's time stays.
  ASSERT_TRUE(corpus_->SetReadingState(std::vector<int64_t>{a}, ReadingState::kReading).ok());
  Store(carrying);
  EXPECT_EQ(corpus_->LibraryOf(a).value().state->state, ReadingState::kReading);
}

TEST_F(CitationKeysTest, ABadCarriedStateRefusesTheBatch) {
  PaperRecord good = Paper("2001.00001", "Good", "Jane Doe", 2020);
  PaperRecord bad = Paper("2001.00002", "Bad", "Jane Doe", 2020);
  bad.library = CarriedLibrary{};
  bad.library->state = "skimmed";
  Result<UpsertResult> result = corpus_->Upsert(std::vector<PaperRecord>{good, bad});
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("record 2"));
  EXPECT_THAT(result.status().message(), HasSubstr("skimmed"));
  EXPECT_FALSE(corpus_->Find("2001.00001").value().has_value());
}

TEST_F(CitationKeysTest, TheLibraryListsPapersInTheOrderTheyEnteredIt) {
  const int64_t a = Store(Paper("2001.00001", "First", "Jane Doe", 2020));
  const int64_t b = Store(Paper("2001.00002", "Second", "Jane Doe", 2020));
  Store(Paper("2001.00003", "Third", "Jane Doe", 2020));
  ASSERT_TRUE(corpus_->AddTags(b, std::vector<std::string>{"x"}).ok());
  PaperRecord early = Paper("2001.00001", "First", "Jane Doe", 2020);
  early.library = CarriedLibrary{{"y"}, "", "", {}, "2001-01-01T00:00:00Z"};
  Store(early);
  EXPECT_THAT(corpus_->LibraryPapers().value(), ElementsAre(a, b));
}

}  // namespace
}  // namespace paperdeck::library
