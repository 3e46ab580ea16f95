// Bad input gets a clear message naming the file and line, and loses nothing: good records are
// kept (nothing at all with --strict), and the corpus and its index stay level.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <vector>
#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

std::string Record(int i) {
  nlohmann::json j;
  j["title"] = "Good paper number " + std::to_string(i) + " on sparse attention";
  j["authors_shown"] = "Ada Lovelace, Alan Turing";
  j["abstract"] = "An abstract about attention, number " + std::to_string(i) + ".";
  j["badge"] = "paper";
  j["date"] = "2026-06-0" + std::to_string(1 + i % 9);
  return j.dump();
}

class BadInputTest : public ::testing::Test {
 protected:
  std::filesystem::path Data() const { return dir_.path() / "data"; }
  std::string Write(const std::string& name, const std::string& content) {
    std::filesystem::path p = dir_.path() / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  nlohmann::json Stats() {
    CliResult r = RunPaperdeck(Data(), {"stats", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  // The corpus holds `papers` papers and the index the same number.
  void ExpectLevel(int papers) {
    nlohmann::json s = Stats();
    EXPECT_EQ(s["papers"], papers);
    EXPECT_EQ(s["index"]["documents"], papers);
    EXPECT_EQ(s["index"]["behind"], false);
  }

  TempDir dir_;
};

TEST_F(BadInputTest, BrokenJsonLineIsReportedAndSkipped) {
  std::string file = Write("broken.jsonl", Record(1) + "\n{\"title\": \"half a record\",\n" +
                                               Record(3) + "\n");
  CliResult r = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_THAT(r.err, HasSubstr(file + ":2:"));
  ExpectLevel(2);
}

TEST_F(BadInputTest, WrongFieldTypeNamesTheField) {
  std::string file = Write("types.jsonl", Record(1) + "\n" +
                                              R"({"title": 42, "authors_shown": "A B", "badge": "paper"})" +
                                              "\n" + Record(3) + "\n");
  CliResult r = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(file + ":2:"));
  EXPECT_THAT(r.err, HasSubstr("title"));
  ExpectLevel(2);
}

TEST_F(BadInputTest, InvalidUtf8IsReportedAndSkipped) {
  std::string bad = R"({"title": "Bad bytes )" + std::string("\xff\xfe") +
                    R"(", "authors_shown": "A B", "badge": "paper"})";
  std::string file = Write("utf8.jsonl", Record(1) + "\n" + bad + "\n" + Record(3) + "\n");
  CliResult r = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(file + ":2:"));
  EXPECT_THAT(r.err, HasSubstr("UTF-8"));
  ExpectLevel(2);
}

TEST_F(BadInputTest, EmptyFileIsAnErrorNamingTheFile) {
  std::string file = Write("empty.jsonl", "");
  CliResult r = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(file));
  EXPECT_THAT(r.err, HasSubstr("empty"));
  ExpectLevel(0);
}

TEST_F(BadInputTest, TruncatedGzipKeepsTheRecordsBeforeTheCut) {
  std::filesystem::path whole = dir_.path() / "whole.jsonl.gz";
  {
    gzFile gz = gzopen(whole.c_str(), "wb");
    ASSERT_NE(gz, nullptr);
    for (int i = 0; i < 2000; ++i) {
      std::string line = Record(i) + "\n";
      gzwrite(gz, line.data(), static_cast<unsigned>(line.size()));
    }
    gzclose(gz);
  }
  std::string bytes = ReadFile(whole);
  std::string file = Write("cut.jsonl.gz", bytes.substr(0, bytes.size() * 6 / 10));
  CliResult r = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(r.exit_code, 3) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr(file));
  nlohmann::json s = Stats();
  int papers = s["papers"];
  EXPECT_GT(papers, 0);
  EXPECT_LT(papers, 2000);
  ExpectLevel(papers);
  // The papers kept are whole and searchable.
  CliResult search = RunPaperdeck(Data(), {"search", "attention", "--json", "--limit", "1"});
  EXPECT_EQ(nlohmann::json::parse(search.out)["total"], papers);
}

TEST_F(BadInputTest, BadLinesInManyBatchesAreEachReportedInFileOrder) {
  // Records are read on one thread while the previous thousand are stored on another; every bad
  // line is still reported once, in file order, and every good record is kept.
  const std::vector<int> bad_lines = {2, 999, 1001, 1002, 2500, 3103};
  std::string content;
  int good = 0;
  for (int line = 1; line <= 3103; ++line) {
    if (std::find(bad_lines.begin(), bad_lines.end(), line) != bad_lines.end()) {
      content += "{\"title\": broken " + std::to_string(line) + "\n";
    } else {
      content += Record(line) + "\n";
      ++good;
    }
  }
  std::string file = Write("many.jsonl", content);
  CliResult r = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  size_t from = 0;
  for (int line : bad_lines) {
    const std::string where = file + ":" + std::to_string(line) + ":";
    size_t at = r.err.find(where, from);
    ASSERT_NE(at, std::string::npos) << where << " missing or out of order in:\n" << r.err;
    EXPECT_EQ(r.err.find(where, at + 1), std::string::npos) << where << " reported twice";
    from = at + where.size();
  }
  EXPECT_THAT(r.out, HasSubstr(std::to_string(good) + " records (" + std::to_string(good) +
                               " added, 0 updated, 0 unchanged), 6 skipped"));
  ExpectLevel(good);
}

TEST_F(BadInputTest, UnknownFormatNameIsAUsageError) {
  std::string file = Write("ok.jsonl", Record(1) + "\n");
  CliResult r = RunPaperdeck(Data(), {"import", "--format", "bibtexx", file});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("paperdeck-jsonl"));
}

TEST_F(BadInputTest, UndetectableFormatNamesFileAndLine) {
  std::string file = Write("mystery.jsonl", R"({"foo": 1, "bar": [2]})" "\n");
  CliResult r = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(file + ":1"));
  EXPECT_THAT(r.err, HasSubstr("--format"));
  ExpectLevel(0);
}

TEST_F(BadInputTest, StrictImportsNothingWhenAnyRecordIsBad) {
  std::string good = Write("good.jsonl", Record(1) + "\n" + Record(2) + "\n");
  std::string bad = Write("bad.jsonl", Record(3) + "\nnot json at all\n");
  CliResult r = RunPaperdeck(Data(), {"import", "--strict", good, bad});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr(bad + ":2:"));
  EXPECT_THAT(r.err, HasSubstr("nothing imported"));
  EXPECT_EQ(Stats()["papers"], 0);

  CliResult ok = RunPaperdeck(Data(), {"import", "--strict", good});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  ExpectLevel(2);
}

TEST_F(BadInputTest, MissingFileDoesNotStopTheOthers) {
  std::string good = Write("good.jsonl", Record(1) + "\n");
  std::string missing = (dir_.path() / "nope.jsonl").string();
  CliResult r = RunPaperdeck(Data(), {"import", missing, good});
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_THAT(r.err, HasSubstr(missing));
  ExpectLevel(1);
}

// The terminal names the first 50 bad records; --issues FILE gets every one, each located.
TEST_F(BadInputTest, EveryBadRecordIsNamedInTheIssuesFile) {
  std::string content;
  std::vector<int> bad_lines;
  for (int line = 1; line <= 300; ++line) {
    if (line % 2 == 0) {
      content += "{\"title\": \"broken\",\n";
      bad_lines.push_back(line);
    } else {
      content += Record(line) + "\n";
    }
  }
  const std::string file = Write("many-bad.jsonl", content);
  const std::string issues = (dir_.path() / "issues.txt").string();
  CliResult r = RunPaperdeck(Data(), {"import", "--issues", issues, file});
  EXPECT_EQ(r.exit_code, 3) << r.err;
  size_t shown = 0;
  for (size_t at = r.err.find(file + ":"); at != std::string::npos;
       at = r.err.find(file + ":", at + 1)) {
    ++shown;
  }
  EXPECT_EQ(shown, 50u) << r.err;
  EXPECT_THAT(r.err, HasSubstr("... and 100 more problems not shown: all 150 are in " + issues));

  std::ifstream in(issues);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), bad_lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_THAT(lines[i], ::testing::StartsWith(file + ":" + std::to_string(bad_lines[i]) + ":"));
  }
  ExpectLevel(150);

  // Without --issues, the terminal says how to get the rest.
  CliResult again = RunPaperdeck(Data(), {"import", file});
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_THAT(again.err, HasSubstr("... and 100 more problems not shown (`paperdeck import "
                                   "--issues FILE ...` writes every one to FILE)"));
}

TEST_F(BadInputTest, AnIssuesFileThatCannotBeWrittenStopsTheImportBeforeAnything) {
  const std::string file = Write("one.jsonl", Record(1) + "\n");
  CliResult r = RunPaperdeck(Data(), {"import", "--issues", dir_.path().string(), file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("cannot write the issues file " + dir_.path().string()));
  EXPECT_THAT(r.err, HasSubstr("nothing imported"));
  EXPECT_EQ(Stats()["papers"], 0);
}

}  // namespace
}  // namespace paperdeck::e2e
