// A process killed in the middle of a batch leaves the corpus with whole committed batches only.
// The child process dies from inside SQLite (an update hook calls _exit after a set number of
// row writes of its second batch), so the moment of death is exact, not timed.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_test_support.h"
#include "library/corpus.h"

namespace paperdeck::library {
namespace {

constexpr int kDiedMidBatch = 42;
bool g_armed = false;
int g_writes_left = 0;

void DieAfterWrites(void*, int, const char*, const char*, sqlite3_int64) {
  if (g_armed && --g_writes_left == 0) _exit(kDiedMidBatch);
}

int InstallHook(sqlite3* db, const char**, const sqlite3_api_routines*) {
  sqlite3_update_hook(db, DieAfterWrites, nullptr);
  return SQLITE_OK;
}

std::vector<PaperRecord> Batch(int first, int count) {
  std::vector<PaperRecord> out;
  for (int i = first; i < first + count; ++i) {
    PaperRecord r;
    char id[16];
    std::snprintf(id, sizeof id, "2401.%05d", i);
    r.arxiv_id = id;
    r.title = "Paper number " + std::to_string(i);
    r.authors = {"Jane Roe", "John Doe"};
    r.abstract = std::string(1500, 'a' + i % 26);  // big enough to fill pages quickly
    r.categories = {"cs.LG"};
    r.source = "arxiv-jsonl";
    out.push_back(std::move(r));
  }
  return out;
}

TEST(CorpusCrashTest, KilledMidBatchKeepsOnlyCommittedBatches) {
  testing::ScratchDir dir;
  const std::vector<PaperRecord> first = Batch(0, 500), second = Batch(500, 2000);

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(InstallHook));
    Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path());
    if (!corpus.ok() || !(*corpus)->Upsert(first).ok()) _exit(2);
    g_armed = true;
    g_writes_left = 5000;  // papers and provenance rows: well inside the second batch
    (void)(*corpus)->Upsert(second);
    _exit(3);  // the batch finished: the hook never fired
  }
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), kDiedMidBatch) << "the child must die inside its second batch";

  Result<std::unique_ptr<Corpus>> reopened = Corpus::Open(dir.path());
  ASSERT_TRUE(reopened.ok()) << reopened.status().message();
  Corpus& corpus = **reopened;
  Result<CorpusStats> stats = corpus.Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->papers, 500u);
  EXPECT_EQ(stats->revision, 1);
  EXPECT_TRUE(corpus.Find("2401.00499")->has_value());
  EXPECT_FALSE(corpus.Find("2401.00500")->has_value());

  Result<UpsertResult> again = corpus.Upsert(second);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->added, 2000u);
  EXPECT_EQ(again->revision, 2);
}

}  // namespace
}  // namespace paperdeck::library
