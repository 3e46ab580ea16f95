// A SIGKILL in the middle of an import leaves a corpus that opens and searches and holds only
// whole papers; the next import or a reindex brings the index level with the corpus. The test
// really kills the process, and fails when no attempt killed it before its work was done.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
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

nlohmann::json Stats(const std::filesystem::path& data) {
  CliResult r = RunPaperdeck(data, {"stats", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return nlohmann::json::parse(r.out);
}

enum class KillOutcome {
  kKilled,         // SIGKILL ended the import
  kFinishedFirst,  // it exited by itself before the kill
  kOutOfTime,      // ready never held in the time given; killed then
};

// Starts `paperdeck --data DATA import FILE`, reads the number of papers in its corpus every
// `poll`, and once ready(papers) holds, stops the import (SIGSTOP), reads the number again and,
// if ready still holds, kills it there with SIGKILL (else lets it go on). Stopped, the import
// cannot move on between the reading and the kill however late this process gets a core on a
// busy machine; killing a stopped process is the same crash as killing a running one.
KillOutcome ImportAndKill(const std::filesystem::path& data, const std::filesystem::path& file,
                          const std::function<bool(int64_t)>& ready,
                          std::chrono::microseconds poll,
                          std::chrono::steady_clock::time_point deadline) {
  pid_t pid = fork();
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(PAPERDECK_BINARY, PAPERDECK_BINARY, "--data", data.c_str(), "import", file.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  if (pid < 0) {
    ADD_FAILURE() << "fork failed";
    return KillOutcome::kOutOfTime;
  }
  int status = 0;
  KillOutcome outcome = KillOutcome::kOutOfTime;
  for (;;) {
    if (std::chrono::steady_clock::now() >= deadline) {
      kill(pid, SIGKILL);
      break;
    }
    if (waitpid(pid, &status, WNOHANG) == pid) return KillOutcome::kFinishedFirst;
    if (ready(CountPapers(data / "corpus.db"))) {
      kill(pid, SIGSTOP);
      if (waitpid(pid, &status, WUNTRACED) != pid) return KillOutcome::kFinishedFirst;
      if (!WIFSTOPPED(status)) return KillOutcome::kFinishedFirst;  // it ended before it stopped
      if (ready(CountPapers(data / "corpus.db"))) {
        kill(pid, SIGKILL);
        outcome = KillOutcome::kKilled;
        break;
      }
      kill(pid, SIGCONT);
    }
    std::this_thread::sleep_for(poll);
  }
  waitpid(pid, &status, 0);
  if (outcome == KillOutcome::kKilled && !(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)) {
    return KillOutcome::kFinishedFirst;
  }
  return outcome;
}

constexpr int kKillAttempts = 4;

// Kills imports of file into data (emptied first) until one is killed in the middle of its work,
// as mid_work judges from the stats of the corpus it left: a kill that lands once the work is
// done tests no crash. Each attempt polls twice as often as the one before, and so kills sooner
// after ready holds. False, with every attempt described in *attempts, if none landed in time.
bool KillImportMidWork(const std::filesystem::path& data, const std::filesystem::path& file,
                       const std::function<bool(int64_t)>& ready,
                       const std::function<bool(const nlohmann::json&)>& mid_work,
                       std::string* attempts) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(450);
  std::chrono::microseconds poll = std::chrono::milliseconds(5);
  for (int attempt = 1; attempt <= kKillAttempts; ++attempt, poll /= 2) {
    std::filesystem::remove_all(data);
    KillOutcome outcome = ImportAndKill(data, file, ready, poll, deadline);
    *attempts += "attempt " + std::to_string(attempt) + ", polling every " +
                 std::to_string(poll.count()) + " us: ";
    if (outcome == KillOutcome::kFinishedFirst) {
      *attempts += "the import finished by itself\n";
      continue;
    }
    if (outcome == KillOutcome::kOutOfTime) {
      *attempts += "out of time before the import got that far\n";
      return false;
    }
    nlohmann::json stats = Stats(data);
    if (mid_work(stats)) {
      if (attempt > 1) std::cerr << "the kill landed mid-work only at:\n" << *attempts;
      return true;
    }
    *attempts += "killed only once the work was done: " + stats.dump() + "\n";
  }
  return false;
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
  // Killed while storing: before the last batch is in.
  std::string attempts;
  ASSERT_TRUE(KillImportMidWork(
      data, File(), [](int64_t n) { return n >= 3000; },
      [](const nlohmann::json& s) { return s.value("papers", kRecords) < kRecords; }, &attempts))
      << "no attempt killed the import while it was storing papers:\n" << attempts;

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
  // Once every record is stored, the import is building the index: kill it there, before the
  // index is level with the corpus.
  std::string attempts;
  ASSERT_TRUE(KillImportMidWork(
      data, File(), [](int64_t n) { return n >= kRecords; },
      [](const nlohmann::json& s) {
        return s.contains("index") && s["index"].value("behind", false);
      },
      &attempts))
      << "no attempt killed the import while it was indexing:\n" << attempts;

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
