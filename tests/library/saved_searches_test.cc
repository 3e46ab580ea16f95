// Saved searches in the corpus (names, renames, removal, the mark of where the user looked), when
// each paper's current version entered the corpus (what "new since you looked" compares), and
// the quota meter's per-day counts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_test_support.h"
#include "library/corpus.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::ScratchDir;

PaperRecord Paper(const std::string& arxiv_id, const std::string& title,
                  std::vector<std::string> versions = {"v1"}) {
  PaperRecord r;
  r.arxiv_id = arxiv_id;
  r.title = title;
  r.abstract = "An abstract.";
  r.source = "arxiv-api";
  for (const std::string& v : versions) r.versions.push_back({v, ""});
  return r;
}

std::vector<std::string> Names(Corpus& corpus) {
  std::vector<std::string> out;
  const std::vector<SavedSearch> searches = corpus.SavedSearches().value();
  for (const SavedSearch& s : searches) out.push_back(s.name);
  return out;
}

TEST(SavedSearchesTest, AddListRenameRemove) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = Corpus::Open(dir.path()).value();
  SavedSearch mamba = corpus->AddSavedSearch("mamba", "title:mamba", true).value();
  EXPECT_EQ(mamba.query, "title:mamba");
  EXPECT_TRUE(mamba.pull);
  EXPECT_FALSE(mamba.seen_revision);  // never looked at
  EXPECT_TRUE(mamba.looked_at.empty());
  EXPECT_FALSE(mamba.created_at.empty());
  ASSERT_TRUE(corpus->AddSavedSearch("Diffusion models", "diffusion", false).ok());
  EXPECT_THAT(Names(*corpus), ElementsAre("Diffusion models", "mamba"));

  // Names are unique whatever their ASCII case; bad names and empty queries are refused.
  Result<SavedSearch> taken = corpus->AddSavedSearch("MAMBA", "x", true);
  ASSERT_FALSE(taken.ok());
  EXPECT_THAT(taken.status().message(), HasSubstr("already named 'mamba'"));
  for (const std::string& bad : {std::string(), std::string("a/b"), std::string(" lead"),
                                 std::string("tab\there"), std::string(101, 'x')}) {
    EXPECT_EQ(corpus->AddSavedSearch(bad, "x", true).status().code(),
              Status::Code::kInvalidArgument)
        << bad;
  }
  EXPECT_FALSE(corpus->AddSavedSearch("empty", "   ", true).ok());

  ASSERT_TRUE(corpus->RenameSavedSearch("MAMBA", "state space").ok());
  EXPECT_THAT(Names(*corpus), ElementsAre("Diffusion models", "state space"));
  EXPECT_EQ(corpus->FindSavedSearch("State Space").value()->query, "title:mamba");
  EXPECT_FALSE(corpus->RenameSavedSearch("state space", "diffusion MODELS").ok());
  EXPECT_EQ(corpus->RenameSavedSearch("nope", "x").code(), Status::Code::kNotFound);
  ASSERT_TRUE(corpus->RemoveSavedSearch("diffusion models").ok());
  EXPECT_EQ(corpus->RemoveSavedSearch("diffusion models").code(), Status::Code::kNotFound);
  EXPECT_THAT(Names(*corpus), ElementsAre("state space"));
}

TEST(SavedSearchesTest, TheSeenMarkNeverMovesBack) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = Corpus::Open(dir.path()).value();
  ASSERT_TRUE(corpus->AddSavedSearch("s", "x", true).ok());
  ASSERT_TRUE(corpus->MarkSavedSearchSeen("s", 7).ok());
  ASSERT_TRUE(corpus->MarkSavedSearchSeen("s", 3).ok());
  SavedSearch s = corpus->FindSavedSearch("s").value().value();
  EXPECT_EQ(s.seen_revision, 7);
  EXPECT_FALSE(s.looked_at.empty());
  ASSERT_TRUE(corpus->MarkSavedSearchSynced("s", "2026-12-02T10:00:00Z").ok());
  EXPECT_EQ(corpus->FindSavedSearch("s").value()->synced_at, "2026-12-02T10:00:00Z");
  EXPECT_EQ(corpus->MarkSavedSearchSeen("nope", 1).code(), Status::Code::kNotFound);
}

TEST(EnteredRevisionTest, ANewPaperOrANewerVersionEntersOtherChangesDoNot) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = Corpus::Open(dir.path()).value();
  std::vector<PaperRecord> first = {Paper("2401.00001", "One"), Paper("2401.00002", "Two")};
  const int64_t r1 = corpus->Upsert(first).value().revision;
  const int64_t one = corpus->Find("2401.00001").value()->key;
  const int64_t two = corpus->Find("2401.00002").value()->key;
  EXPECT_EQ(corpus->Get(std::vector<int64_t>{one}).value()[0].entered_revision, r1);
  EXPECT_THAT(corpus->PapersEnteredAfter(0).value(), ElementsAre(one, two));
  EXPECT_TRUE(corpus->PapersEnteredAfter(r1).value().empty());

  // A citation count changes the paper, not when it entered.
  PaperRecord cited = Paper("2401.00001", "One");
  cited.citations = 12;
  cited.source = "semantic-scholar";
  const int64_t r2 = corpus->Upsert(std::vector<PaperRecord>{cited}).value().revision;
  EXPECT_GT(r2, r1);
  EXPECT_TRUE(corpus->PapersEnteredAfter(r1).value().empty());

  // A second version enters again; a third paper enters for the first time.
  std::vector<PaperRecord> later = {Paper("2401.00002", "Two", {"v1", "v2"}),
                                    Paper("2401.00003", "Three")};
  const int64_t r3 = corpus->Upsert(later).value().revision;
  const int64_t three = corpus->Find("2401.00003").value()->key;
  EXPECT_THAT(corpus->PapersEnteredAfter(r2).value(), ElementsAre(two, three));
  StoredPaper stored_two = corpus->Find("2401.00002").value().value();
  EXPECT_EQ(stored_two.entered_revision, r3);
  EXPECT_FALSE(stored_two.added_at.empty());

  // Every paper here was first stored today.
  const std::string day = stored_two.added_at.substr(0, 10);
  EXPECT_EQ(corpus->PapersAddedBetween(day, day).value().size(), 3u);
  EXPECT_TRUE(corpus->PapersAddedBetween("1999-01-01", "1999-12-31").value().empty());
}

TEST(SourceUsageTest, CountsAddUpPerDayAndSourceAndKeepTheLaterNextTime) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = Corpus::Open(dir.path()).value();
  SourceUsage a;
  a.day = "2026-12-02";
  a.source = "arxiv";
  a.requests = 2;
  a.bytes = 1000;
  a.wait_ms = 6000;
  a.next_allowed = "2026-12-02T10:00:03Z";
  ASSERT_TRUE(corpus->AddSourceUsage(a).ok());
  a.requests = 1;
  a.bytes = 500;
  a.wait_ms = 3000;
  a.errors = 1;
  a.next_allowed = "2026-12-02T10:00:01Z";  // earlier: the later one stays
  ASSERT_TRUE(corpus->AddSourceUsage(a).ok());
  SourceUsage other = a;
  other.day = "2026-12-01";
  ASSERT_TRUE(corpus->AddSourceUsage(other).ok());

  std::vector<SourceUsage> today = corpus->SourceUsageOn("2026-12-02").value();
  ASSERT_EQ(today.size(), 1u);
  EXPECT_EQ(today[0].requests, 3);
  EXPECT_EQ(today[0].bytes, 1500);
  EXPECT_EQ(today[0].wait_ms, 9000);
  EXPECT_EQ(today[0].errors, 1);
  EXPECT_EQ(today[0].next_allowed, "2026-12-02T10:00:03Z");
  EXPECT_TRUE(corpus->SourceUsageOn("2026-11-30").value().empty());
}

}  // namespace
}  // namespace paperdeck::library
