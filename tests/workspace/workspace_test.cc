// The Workspace: one front door to a data directory. Import, search joined to papers, removal,
// catch-up, and the join's promise that each paper keeps its own hit's score.
#include "workspace/workspace.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "e2e/cli_runner.h"
#include "support/temp_dir.h"

namespace paperdeck::workspace {
namespace {

using ::paperdeck::testing::TempDir;
using e2e::TestData;

library::StoredPaper Paper(int64_t key, std::string title) {
  library::StoredPaper p;
  p.key = key;
  p.record.title = std::move(title);
  return p;
}

TEST(JoinHitsToPapersTest, EachPaperGetsItsOwnHitsScoreInHitOrder) {
  std::vector<search::SearchHit> hits = {{7, 3.0f}, {2, 2.5f}, {9, 2.0f}, {4, 1.0f}};
  // The corpus answers in key order and no longer holds paper 2.
  std::vector<library::StoredPaper> papers = {Paper(4, "four"), Paper(7, "seven"),
                                              Paper(9, "nine")};
  std::vector<FoundPaper> found = JoinHitsToPapers(hits, std::move(papers));
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].paper.record.title, "seven");
  EXPECT_FLOAT_EQ(found[0].score, 3.0f);
  EXPECT_EQ(found[1].paper.record.title, "nine");
  EXPECT_FLOAT_EQ(found[1].score, 2.0f);
  EXPECT_EQ(found[2].paper.record.title, "four");
  EXPECT_FLOAT_EQ(found[2].score, 1.0f);
}

class WorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Workspace::Open(dir_.path() / "data");
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    workspace_ = std::move(*opened);
    std::vector<std::string> issues;
    ImportObserver observer;
    observer.issue = [&](const std::string& m) { issues.push_back(m); };
    FileImportReport report = workspace_->ImportFile(TestData("seed-page.jsonl"),
                                                     ingest::InputFormat::kAuto, 10, observer);
    ASSERT_FALSE(report.failed);
    ASSERT_TRUE(issues.empty()) << issues[0];
    EXPECT_EQ(report.records, 35u);
    EXPECT_EQ(report.added, 35u);
    auto synced = workspace_->CatchUpIndex();
    ASSERT_TRUE(synced.ok()) << synced.status().message();
    EXPECT_EQ(synced->indexed, 35u);
  }

  SearchPage Search(const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    request.limit = 50;
    auto page = workspace_->Search(request);
    EXPECT_TRUE(page.ok()) << page.status().message();
    return page.ok() ? std::move(*page) : SearchPage{};
  }

  TempDir dir_;
  std::unique_ptr<Workspace> workspace_;
};

TEST_F(WorkspaceTest, SearchJoinsHitsToTheirPapers) {
  SearchPage page = Search("attention");
  EXPECT_EQ(page.response.total, 35u);
  ASSERT_EQ(page.papers.size(), 35u);
  EXPECT_FALSE(page.index_behind);
  for (size_t i = 0; i < page.papers.size(); ++i) {
    EXPECT_EQ(page.papers[i].paper.key, static_cast<int64_t>(page.response.hits[i].paper_key));
    EXPECT_EQ(page.papers[i].score, page.response.hits[i].score);
  }
}

TEST_F(WorkspaceTest, ARemovalNotYetIndexedLeavesNoPaperWithAnotherOnesScore) {
  SearchPage before = Search("attention");
  std::map<std::string, float> score_of;
  for (const FoundPaper& f : before.papers) score_of[f.paper.record.id] = f.score;
  const std::string gone = before.papers[0].paper.record.id;
  {
    auto corpus = workspace_->Corpus();
    ASSERT_TRUE(corpus.ok());
    auto removed = (*corpus)->Remove(gone);
    ASSERT_TRUE(removed.ok() && *removed);
  }
  SearchPage after = Search("attention");
  EXPECT_TRUE(after.index_behind);
  EXPECT_EQ(after.response.hits.size(), 35u);  // the index still names it
  ASSERT_EQ(after.papers.size(), 34u);
  for (const FoundPaper& f : after.papers) {
    EXPECT_NE(f.paper.record.id, gone);
    EXPECT_EQ(f.score, score_of[f.paper.record.id]) << f.paper.record.id;
  }

  auto synced = workspace_->CatchUpIndex();
  ASSERT_TRUE(synced.ok());
  EXPECT_EQ(synced->removed, 1u);
  SearchPage level = Search("attention");
  EXPECT_FALSE(level.index_behind);
  EXPECT_EQ(level.response.total, 34u);
}

TEST_F(WorkspaceTest, TheIndexStateCountsWhatTheIndexMissesAndWhoIsWritingIt) {
  auto level = workspace_->IndexStateNow();
  ASSERT_TRUE(level.ok());
  EXPECT_FALSE(level->behind);
  EXPECT_EQ(level->unsearchable, 0u);

  SearchPage page = Search("title:longformer");
  ASSERT_EQ(page.papers.size(), 1u);
  const std::string gone = page.papers[0].paper.record.id;
  {
    auto corpus = workspace_->Corpus();
    ASSERT_TRUE(corpus.ok());
    ASSERT_TRUE((*corpus)->Remove(gone).ok());
    PaperRecord fresh;
    fresh.arxiv_id = "2612.00001";
    fresh.title = "A paper stored after the index's last commit";
    fresh.source = "paperdeck-jsonl";
    fresh.origin = "test";
    ASSERT_TRUE((*corpus)->Upsert(std::span<const PaperRecord>(&fresh, 1)).ok());
  }
  auto behind = workspace_->IndexStateNow();
  ASSERT_TRUE(behind.ok());
  EXPECT_TRUE(behind->behind);
  EXPECT_EQ(behind->unsearchable, 1u);
  EXPECT_EQ(behind->removed_still_found, 1u);
  EXPECT_FALSE(behind->being_written) << "this Workspace's writer is idle";
  EXPECT_GT(behind->catch_up_bytes, 0u);
  EXPECT_GT(behind->free_bytes, 0u);

  // Another process's view: the index's lock is held (by this Workspace's writer).
  auto other = Workspace::Open(dir_.path() / "data");
  ASSERT_TRUE(other.ok());
  auto seen = (*other)->IndexStateNow();
  ASSERT_TRUE(seen.ok());
  EXPECT_TRUE(seen->being_written);
  EXPECT_EQ(seen->unsearchable, 1u);

  ASSERT_TRUE(workspace_->CatchUpIndex().ok());
  auto caught_up = (*other)->IndexStateNow();
  ASSERT_TRUE(caught_up.ok());
  EXPECT_FALSE(caught_up->behind);
  EXPECT_EQ(caught_up->removed_still_found, 0u);
}

TEST_F(WorkspaceTest, RemoveSaysWhichIdsItHadNoPaperFor) {
  SearchPage page = Search("title:longformer");
  ASSERT_EQ(page.papers.size(), 1u);
  std::vector<std::string> ids = {page.papers[0].paper.record.id, "2999.99999"};
  auto report = workspace_->Remove(ids);
  ASSERT_TRUE(report.ok());
  EXPECT_THAT(report->removed, ::testing::ElementsAre(ids[0]));
  EXPECT_THAT(report->missing, ::testing::ElementsAre("2999.99999"));
  ASSERT_TRUE(workspace_->CatchUpIndex().ok());
  EXPECT_EQ(Search("title:longformer").response.total, 0u);
}

TEST_F(WorkspaceTest, OneWriterPerDataDirectory) {
  ASSERT_TRUE(workspace_->LockIndex().ok());
  auto other = Workspace::Open(dir_.path() / "data");
  ASSERT_TRUE(other.ok());
  Status locked = (*other)->LockIndex();
  EXPECT_FALSE(locked.ok());
  // Reading is never refused.
  search::SearchRequest request;
  request.query = "attention";
  EXPECT_TRUE((*other)->Search(request).ok());
}

TEST_F(WorkspaceTest, RebuildAndOptimizeKeepEveryPaperSearchable) {
  auto rebuilt = workspace_->RebuildIndex();
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_EQ(rebuilt->indexed, 35u);
  ASSERT_TRUE(workspace_->OptimizeIndex().ok());
  auto state = workspace_->IndexStateAt(0);
  ASSERT_TRUE(state.ok());
  EXPECT_EQ(state->segments, 1u);
  EXPECT_EQ(state->documents, 35u);
  EXPECT_EQ(Search("attention").papers.size(), 35u);
}

}  // namespace
}  // namespace paperdeck::workspace

namespace paperdeck::workspace {
namespace {

// The library through Workspace::Search: a tag, a note and a state read from the corpus by the
// search that names them, and each found paper carrying its library entry.
class WorkspaceLibraryTest : public WorkspaceTest {
 protected:
  int64_t KeyOf(const std::string& query) {
    SearchPage page = Search(query);
    return page.papers.empty() ? 0 : page.papers[0].paper.key;
  }
  std::vector<int64_t> Keys(const std::string& query) {
    std::vector<int64_t> keys;
    for (const FoundPaper& f : Search(query).papers) keys.push_back(f.paper.key);
    return keys;
  }
};

TEST_F(WorkspaceLibraryTest, TagsStatesAndNotesAreSearchedFromTheCorpus) {
  const int64_t longformer = KeyOf("longformer");
  const int64_t mamba = KeyOf("demystify mamba");
  ASSERT_NE(longformer, 0);
  ASSERT_NE(mamba, 0);
  auto corpus = workspace_->Corpus();
  ASSERT_TRUE(corpus.ok());
  const std::vector<int64_t> one = {longformer};
  const std::vector<std::string> nested = {"Thesis/Related-Work"};
  ASSERT_TRUE((*corpus)->ChangeTags(one, nested, {}).ok());
  const std::vector<int64_t> other = {mamba};
  const std::vector<std::string> top = {"thesis", "ssm"};
  ASSERT_TRUE((*corpus)->ChangeTags(other, top, {}).ok());
  ASSERT_TRUE((*corpus)->SetReadingState(other, library::ReadingState::kReading).ok());
  ASSERT_TRUE((*corpus)->AddNote(longformer, "Low-rank projections of the keys; see FlashAttention-2.").ok());

  EXPECT_THAT(Keys("tag:THESIS"), ::testing::UnorderedElementsAre(longformer, mamba));
  EXPECT_THAT(Keys("tag:thesis/related-work"), ::testing::ElementsAre(longformer));
  EXPECT_THAT(Keys("tag:thesis/related"), ::testing::IsEmpty());
  EXPECT_THAT(Keys("tag:a//b"), ::testing::IsEmpty());  // no tag can be named so
  EXPECT_THAT(Keys("state:reading"), ::testing::ElementsAre(mamba));
  EXPECT_THAT(Keys("has:note"), ::testing::ElementsAre(longformer));
  // Words of a note as the index reads text: a compound by its whole or its parts in a row.
  EXPECT_THAT(Keys("note:projection"), ::testing::ElementsAre(longformer));
  EXPECT_THAT(Keys("note:low-rank"), ::testing::ElementsAre(longformer));
  EXPECT_THAT(Keys("note:\"low rank projections\""), ::testing::ElementsAre(longformer));
  EXPECT_THAT(Keys("note:flashattention-2"), ::testing::ElementsAre(longformer));
  EXPECT_THAT(Keys("note:\"rank low\""), ::testing::IsEmpty());
  EXPECT_THAT(Keys("note:the"), ::testing::IsEmpty());

  SearchPage page = Search("state:reading");
  ASSERT_EQ(page.papers.size(), 1u);
  EXPECT_THAT(page.papers[0].library.tags, ::testing::ElementsAre("ssm", "thesis"));
  ASSERT_TRUE(page.papers[0].library.state.has_value());
  EXPECT_EQ(page.papers[0].library.state->state, library::ReadingState::kReading);

  // Untagged: the next search sees it.
  ASSERT_TRUE((*corpus)->ChangeTags(other, {}, top).ok());
  EXPECT_THAT(Keys("tag:thesis"), ::testing::ElementsAre(longformer));
}

// The sets a search read are kept while the library is unchanged; a change through any
// connection (another process's `paperdeck tag`, a note edited on the page) is in the very next
// search, the same query as before included.
TEST_F(WorkspaceLibraryTest, KeptFilterAnswersGiveWayToAChangeFromAnotherConnection) {
  const int64_t longformer = KeyOf("longformer");
  const int64_t mamba = KeyOf("demystify mamba");
  ASSERT_NE(longformer, 0);
  ASSERT_NE(mamba, 0);
  auto other = library::Corpus::Open(dir_.path() / "data");  // as another process would
  ASSERT_TRUE(other.ok()) << other.status().message();
  const std::vector<std::string> thesis = {"thesis"};
  const std::vector<int64_t> one = {longformer}, two = {mamba};

  ASSERT_TRUE((*other)->ChangeTags(one, thesis, {}).ok());
  EXPECT_THAT(Keys("tag:thesis"), ::testing::ElementsAre(longformer));
  EXPECT_THAT(Keys("tag:thesis"), ::testing::ElementsAre(longformer));  // kept
  ASSERT_TRUE((*other)->ChangeTags(two, thesis, {}).ok());
  EXPECT_THAT(Keys("tag:thesis"), ::testing::UnorderedElementsAre(longformer, mamba));
  ASSERT_TRUE((*other)->ChangeTags(one, {}, thesis).ok());
  EXPECT_THAT(Keys("tag:thesis"), ::testing::ElementsAre(mamba));

  Result<int64_t> note = (*other)->AddNote(mamba, "selective state spaces");
  ASSERT_TRUE(note.ok());
  EXPECT_THAT(Keys("note:selective"), ::testing::ElementsAre(mamba));
  ASSERT_TRUE((*other)->EditNote(mamba, *note, "gated convolutions").ok());
  EXPECT_THAT(Keys("note:selective"), ::testing::IsEmpty());
  EXPECT_THAT(Keys("note:gated"), ::testing::ElementsAre(mamba));
  ASSERT_TRUE((*other)->DeleteNote(mamba, *note).ok());
  EXPECT_THAT(Keys("note:gated"), ::testing::IsEmpty());

  ASSERT_TRUE((*other)->SetReadingState(one, library::ReadingState::kToRead).ok());
  EXPECT_THAT(Keys("state:to-read"), ::testing::ElementsAre(longformer));
  ASSERT_TRUE((*other)->SetReadingState(one, std::nullopt).ok());
  EXPECT_THAT(Keys("state:to-read"), ::testing::IsEmpty());

  // The library's own revision moved with each change; the papers' did not.
  const int64_t corpus_revision = (*other)->Revision().value();
  const int64_t library_revision = (*other)->LibraryRevision().value();
  ASSERT_TRUE((*other)->ChangeTags(one, thesis, {}).ok());
  EXPECT_GT((*other)->LibraryRevision().value(), library_revision);
  EXPECT_EQ((*other)->Revision().value(), corpus_revision);
}

}  // namespace
}  // namespace paperdeck::workspace

namespace paperdeck::workspace {
namespace {

// A suggestion's word is written as the papers write it: the index holds only the stem.
TEST_F(WorkspaceTest, ASuggestionIsWrittenAsThePapersWriteIt) {
  SearchPage page = Search("longformr");
  ASSERT_TRUE(page.response.suggestion);
  EXPECT_EQ(page.response.suggestion->query, "longformer");  // the stem is "longform"
  EXPECT_TRUE(page.response.showing_suggestion);
  ASSERT_FALSE(page.papers.empty());
  EXPECT_EQ(page.papers[0].paper.record.title, "Longformer: The Long-Document Transformer");
  // A word typed with a capital keeps the papers' own capitals.
  SearchPage capital = Search("title:Longformr");
  ASSERT_TRUE(capital.response.suggestion);
  EXPECT_EQ(capital.response.suggestion->query, "title:Longformer");
}

}  // namespace
}  // namespace paperdeck::workspace

namespace paperdeck::workspace {
namespace {

class WorkspaceDenseTest : public WorkspaceTest {
 protected:
  static vectors::TrainOptions Small() {
    vectors::TrainOptions options;
    options.dim = 16;
    options.min_count = 1;
    return options;
  }
  SearchPage Hybrid(const std::string& query) {
    search::SearchRequest request;
    request.query = query;
    request.limit = 10;
    auto page = workspace_->SearchHybrid(request);
    EXPECT_TRUE(page.ok()) << page.status().message();
    return page.ok() ? std::move(*page) : SearchPage{};
  }
};

TEST_F(WorkspaceDenseTest, ASmallCorpusSaysSoAndHybridSearchesByKeywords) {
  auto trained = workspace_->TrainVectors(Small());
  ASSERT_FALSE(trained.ok());
  EXPECT_EQ(trained.status().code(), Status::Code::kInvalidArgument);
  EXPECT_THAT(trained.status().message(), ::testing::HasSubstr("35 papers, too few"));
  SearchPage page = Hybrid("attention");
  EXPECT_THAT(page.hybrid_fallback, ::testing::HasSubstr("reindex --vectors"));
  EXPECT_EQ(page.response.total, Search("attention").response.total);
}

TEST_F(WorkspaceDenseTest, ACutShortModelIsNamedAndDeletedFilesAreRebuilt) {
  auto trained = workspace_->TrainVectors(Small(), /*min_papers=*/10);
  ASSERT_TRUE(trained.ok()) << trained.status().message();
  EXPECT_EQ((*trained)->words().papers(), 35u);
  SearchPage hybrid = Hybrid("chiaroscuro");
  EXPECT_EQ(hybrid.hybrid_fallback, "");
  // The one paper the keywords find comes first (in both rankings); the dense neighbours add
  // papers the keywords do not find.
  SearchPage keyword_only = Search("chiaroscuro");
  ASSERT_EQ(keyword_only.response.total, 1u);
  ASSERT_EQ(hybrid.papers.size(), 10u);
  EXPECT_EQ(hybrid.papers[0].paper.key, keyword_only.papers[0].paper.key);
  EXPECT_GT(hybrid.response.total, 1u);
  // Words neither the index nor the model knows find nothing, by keywords or by meaning.
  SearchPage unknown = Hybrid("qzxwvkj");
  EXPECT_EQ(unknown.hybrid_fallback, "");
  EXPECT_TRUE(unknown.papers.empty()) << unknown.papers[0].paper.record.title;
  EXPECT_EQ(unknown.response.total, 0u);

  const std::filesystem::path words = workspace_->words_file();
  std::filesystem::resize_file(words, std::filesystem::file_size(words) / 2);
  SearchPage fallback = Hybrid("attention");
  EXPECT_THAT(fallback.hybrid_fallback, ::testing::HasSubstr(words.string()));
  EXPECT_THAT(fallback.hybrid_fallback, ::testing::HasSubstr("cut short"));
  SearchPage keyword = Search("attention");
  EXPECT_EQ(fallback.response.total, keyword.response.total);
  ASSERT_FALSE(keyword.papers.empty());
  EXPECT_EQ(fallback.papers[0].paper.key, keyword.papers[0].paper.key);

  std::filesystem::remove_all(workspace_->vectors_dir());
  auto again = workspace_->TrainVectors(Small(), 10);
  ASSERT_TRUE(again.ok()) << again.status().message();
  int dvec = 0, fwd = 0;
  for (const auto& e : std::filesystem::directory_iterator(workspace_->vectors_dir())) {
    dvec += e.path().extension() == ".dvec";
    fwd += e.path().extension() == ".fwd";
  }
  EXPECT_GE(dvec, 1);
  EXPECT_EQ(dvec, fwd);
  EXPECT_TRUE(std::filesystem::exists(words));
  EXPECT_EQ(Hybrid("attention").hybrid_fallback, "");
}

TEST_F(WorkspaceDenseTest, RelatedPapersSayWhichAreNearInMeaningAndKeepWorkingWithoutAModel) {
  SearchPage attention = Search("attention");
  ASSERT_FALSE(attention.papers.empty());
  const library::StoredPaper& paper = attention.papers[0].paper;
  auto by_words = workspace_->Related(paper.record.id);
  ASSERT_TRUE(by_words.ok()) << by_words.status().message();
  ASSERT_FALSE(by_words->related.empty());
  for (const RelatedPaper& r : by_words->related) EXPECT_FALSE(r.near_in_meaning);

  ASSERT_TRUE(workspace_->TrainVectors(Small(), /*min_papers=*/10).ok());
  auto dense = workspace_->Dense();
  ASSERT_TRUE(dense.ok()) << dense.status().message();
  std::set<uint64_t> nearest;
  for (const vectors::DenseHit& hit :
       (*dense)->Nearest((*dense)->VectorOf(static_cast<uint64_t>(paper.key)), 11)) {
    if (hit.paper_key != static_cast<uint64_t>(paper.key)) nearest.insert(hit.paper_key);
  }
  RelatedOptions options;
  options.limit = 20;
  auto with_meaning = workspace_->Related(paper.record.id, options);
  ASSERT_TRUE(with_meaning.ok()) << with_meaning.status().message();
  int near = 0;
  for (const RelatedPaper& r : with_meaning->related) {
    EXPECT_NE(r.paper.key, paper.key);
    EXPECT_EQ(r.near_in_meaning, nearest.contains(static_cast<uint64_t>(r.paper.key)))
        << r.paper.record.title;
    near += r.near_in_meaning;
  }
  EXPECT_GT(near, 0);
  // The nearest by meaning join the pool: every one of them is ranked (by the words' cosine).
  EXPECT_GE(with_meaning->candidates, by_words->candidates);

  // A model cut short: related papers are found by their words, as before any model.
  const std::filesystem::path words = workspace_->words_file();
  std::filesystem::resize_file(words, std::filesystem::file_size(words) / 2);
  auto after = workspace_->Related(paper.record.id);
  ASSERT_TRUE(after.ok()) << after.status().message();
  ASSERT_EQ(after->related.size(), by_words->related.size());
  for (size_t i = 0; i < after->related.size(); ++i) {
    EXPECT_EQ(after->related[i].paper.key, by_words->related[i].paper.key);
    EXPECT_FALSE(after->related[i].near_in_meaning);
  }
}

}  // namespace
}  // namespace paperdeck::workspace
