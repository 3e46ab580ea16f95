// A SIGKILL in the middle of an import leaves a corpus that opens and searches and holds only
// whole papers; the next import or a reindex brings the index level with the corpus. The test
// really kills the process.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

constexpr int kRecords = 60000;

std::string Title(int i) { return "Synthetic study " + std::to_string(i) + " of attention kernels"; }
std::string Abstract(int i) {
  static const char* kWords[] = {"sparse", "linear", "kernel", "memory", "routing", "token",
                                 "latency", "gradient", "vision", "language", "graph", "decoder"};
  std::string a = "We study model " + std::to_string(i) + ".";
  for (int w = 0; w < 80; ++w) {
    a += " ";
    a += kWords[(i * 7 + w * 13) % 12];
  }
  return a + ".";
}

void WriteCorpusFile(const std::filesystem::path& p) {
  std::ofstream out(p);
  for (int i = 0; i < kRecords; ++i) {
    nlohmann::json j;
    j["id"] = "2601." + std::to_string(10000 + i);
    j["title"] = Title(i);
    j["authors"] = {"Grace Hopper", "Edsger Dijkstra"};
    j["abstract"] = Abstract(i);
    j["categories"] = {"cs.LG"};
    j["published"] = "2026-01-15";
    out << j.dump() << "\n";
  }
}

// Papers in the corpus database, read directly (-1 if it cannot be read yet).
int64_t CountPapers(const std::filesystem::path& db) {
  sqlite3* handle = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(handle, 1000);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(handle, "SELECT count(*) FROM papers", -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
      n = sqlite3_column_int64(stmt, 0);
    }
    sqlite3_finalize(stmt);
  }
  sqlite3_close(handle);
  return n;
}

// Every stored paper is one of the generated ones, whole: title and abstract as written.
void ExpectWholePapers(const std::filesystem::path& db) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(handle, "SELECT id, title, abstract FROM papers", -1, &stmt, nullptr),
            SQLITE_OK);
  int rows = 0, bad = 0;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    std::string id = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    int i = std::stoi(id.substr(5)) - 10000;
    std::string title = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1));
    std::string abstract = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 2));
    if (title != Title(i) || abstract != Abstract(i)) ++bad;
    ++rows;
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  EXPECT_GT(rows, 0);
  EXPECT_EQ(bad, 0);
}

// Starts `paperdeck --data DATA import FILE` and kills it with SIGKILL once ready(papers) holds.
// Returns false if the import finished before it could be killed.
template <typename Ready>
bool ImportAndKill(const std::filesystem::path& data, const std::filesystem::path& file, Ready ready) {
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(PAPERDECK_BINARY, PAPERDECK_BINARY, "--data", data.c_str(), "import", file.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(300);
  bool killed = false;
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return false;  // finished by itself
    if (ready(CountPapers(data / "corpus.db"))) {
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return killed && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
}

nlohmann::json Stats(const std::filesystem::path& data) {
  CliResult r = RunPaperdeck(data, {"stats", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

class CrashTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    WriteCorpusFile(File());
  }
  static void TearDownTestSuite() { delete dir_; }
  static std::filesystem::path File() { return dir_->path() / "synthetic.jsonl"; }
  static TempDir* dir_;
};
TempDir* CrashTest::dir_ = nullptr;

TEST_F(CrashTest, KilledWhileStoringLeavesWholeBatchesAndReindexLevelsTheIndex) {
  std::filesystem::path data = dir_->path() / "killed-storing";
  ASSERT_TRUE(ImportAndKill(data, File(), [](int64_t n) { return n >= 3000; }))
      << "the import finished before it could be killed";

  nlohmann::json s = Stats(data);
  int64_t papers = s["papers"];
  EXPECT_GE(papers, 3000);
  EXPECT_LT(papers, kRecords);
  EXPECT_EQ(papers % 1000, 0) << "only whole batches of 1000 are committed";
  ExpectWholePapers(data / "corpus.db");

  // The corpus searches; the index is behind and says so.
  CliResult search = RunPaperdeck(data, {"search", "attention"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_THAT(search.err, ::testing::HasSubstr("behind"));

  CliResult reindex = RunPaperdeck(data, {"reindex"});
  ASSERT_EQ(reindex.exit_code, 0) << reindex.err;
  s = Stats(data);
  EXPECT_EQ(s["index"]["documents"], papers);
  EXPECT_EQ(s["index"]["behind"], false);
  CliResult after = RunPaperdeck(data, {"search", "attention", "--json", "--limit", "1"});
  EXPECT_EQ(nlohmann::json::parse(after.out)["total"], papers);
}

TEST_F(CrashTest, KilledWhileIndexingThenTheNextImportCatchesUp) {
  std::filesystem::path data = dir_->path() / "killed-indexing";
  // Once every record is stored, the import is building the index: kill it there.
  bool killed = ImportAndKill(data, File(), [](int64_t n) { return n >= kRecords; });
  if (!killed) GTEST_SKIP() << "indexing finished before the kill landed";

  nlohmann::json s = Stats(data);
  EXPECT_EQ(s["papers"], kRecords);
  EXPECT_EQ(s["index"]["behind"], true);

  // Importing the same file again adds nothing, and brings the index level.
  CliResult again = RunPaperdeck(data, {"import", File().string()});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  s = Stats(data);
  EXPECT_EQ(s["papers"], kRecords);
  EXPECT_EQ(s["index"]["documents"], kRecords);
  EXPECT_EQ(s["index"]["behind"], false);
}

}  // namespace
}  // namespace paperdeck::e2e
