// Memory bounded on any input: a crafted file of records just under the line limit, each an
// abstract of a million distinct words, imports within 1 GiB of peak memory (measured from the
// child, as the kernel counts it), each record stored whole and named in a notice saying what of
// it is not searchable; ordinary papers beside them are searched as ever.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

constexpr int kCraftedRecords = 12;
constexpr size_t kWordsPerRecord = 1'000'000;
constexpr long kMemoryGoalKiB = 1024 * 1024;  // 1 GiB

// Word i of the crafted file: "z" and six consonants, distinct for every i below 14^6 (7.5
// million), one token and one term each (the stemmer leaves consonants alone).
void AppendWord(size_t i, std::string* out) {
  static constexpr std::string_view kLetters = "bcfhkmnprtvwxz";
  out->push_back('z');
  for (int k = 0; k < 6; ++k, i /= kLetters.size()) out->push_back(kLetters[i % kLetters.size()]);
}

std::string CraftedRecord(int r) {
  std::string abstract;
  abstract.reserve(kWordsPerRecord * 8);
  for (size_t i = 0; i < kWordsPerRecord; ++i) {
    if (i > 0) abstract += ' ';
    AppendWord(r * kWordsPerRecord + i, &abstract);
  }
  nlohmann::json j;
  j["title"] = "Crafted record number " + std::to_string(r);
  j["authors_shown"] = "Mallory Crafter";
  j["abstract"] = std::move(abstract);
  j["date"] = "2026-06-01";
  return j.dump();
}

struct Measured {
  int exit_code = -1;
  long max_rss_kib = 0;
  std::string out, err;
};

// Runs `paperdeck --data DATA ARGS...` as a direct child and reads its peak resident memory
// from wait4.
Measured RunMeasured(const std::filesystem::path& data, const std::vector<std::string>& args) {
  const std::filesystem::path out = data.parent_path() / "measured.out";
  const std::filesystem::path err = data.parent_path() / "measured.err";
  std::vector<std::string> argv_strings = {PAPERDECK_BINARY, "--data", data.string()};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int n = open("/dev/null", O_RDONLY);
    if (o < 0 || e < 0 || n < 0) _exit(127);
    dup2(n, 0);
    dup2(o, 1);
    dup2(e, 2);
    setenv("NO_COLOR", "1", 1);
    execv(argv[0], argv.data());
    _exit(127);
  }
  Measured m;
  int status = 0;
  struct rusage usage {};
  if (pid > 0 && wait4(pid, &status, 0, &usage) == pid) {
    m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    m.max_rss_kib = usage.ru_maxrss;
  }
  m.out = ReadFile(out);
  m.err = ReadFile(err);
  return m;
}

TEST(MemoryBound, MillionWordRecordsImportWithinTheGoalWithANoticeEach) {
  TempDir dir;
  const std::filesystem::path data = dir.path() / "data";
  const std::filesystem::path crafted = dir.path() / "crafted.jsonl";
  {
    std::ofstream f(crafted, std::ios::binary);
    nlohmann::json normal;
    normal["title"] = "Sparse attention for long documents";
    normal["authors_shown"] = "Ada Lovelace";
    normal["abstract"] = "An ordinary abstract about sparse attention.";
    normal["date"] = "2026-05-01";
    f << normal.dump() << "\n";
    for (int r = 0; r < kCraftedRecords; ++r) {
      const std::string line = CraftedRecord(r);
      ASSERT_LT(line.size(), size_t{16} << 20);  // under the line limit: a record to read
      f << line << "\n";
    }
  }
  const std::filesystem::path issues = dir.path() / "issues.txt";
  Measured m = RunMeasured(data, {"import", crafted.string(), "--issues", issues.string()});
  ASSERT_EQ(m.exit_code, 0) << m.err;
  RecordProperty("import_max_rss_kib", std::to_string(m.max_rss_kib));
  std::printf("peak RSS of the import: %ld MiB\n", m.max_rss_kib / 1024);
  EXPECT_LE(m.max_rss_kib, kMemoryGoalKiB);

  // Every crafted record is named, by line, in the issue list; the ordinary one is not.
  const std::string listed = ReadFile(issues);
  EXPECT_THAT(listed, ::testing::Not(HasSubstr(crafted.string() + ":1:")));
  for (int r = 0; r < kCraftedRecords; ++r) {
    EXPECT_THAT(listed, HasSubstr(crafted.string() + ":" + std::to_string(r + 2) +
                                  ": stored whole, but searchable only in part: the abstract is "
                                  "indexed up to byte"));
  }
  EXPECT_THAT(m.err, HasSubstr(":13: stored whole, but searchable only in part"));

  // Stored whole, searchable up to the cap: the first word of a record is found, its last not.
  auto total = [&](const std::string& query) {
    // --exact: a word past the cap finds nothing, not its nearest indexed neighbour's papers.
    CliResult r = RunPaperdeck(data, {"search", query, "--json", "--exact"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out)["total"].get<int>();
  };
  std::string first, last;
  AppendWord(3 * kWordsPerRecord, &first);
  AppendWord(4 * kWordsPerRecord - 1, &last);
  EXPECT_EQ(total(first), 1);
  EXPECT_EQ(total(last), 0);
  EXPECT_EQ(total("sparse attention"), 1);
  EXPECT_EQ(total("crafted"), kCraftedRecords);
  CliResult stats = RunPaperdeck(data, {"stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  const nlohmann::json s = nlohmann::json::parse(stats.out);
  EXPECT_EQ(s["papers"], kCraftedRecords + 1);
  EXPECT_EQ(s["index"]["documents"], kCraftedRecords + 1);
}

}  // namespace
}  // namespace paperdeck::e2e
