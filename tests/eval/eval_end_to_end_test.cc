// The three systems over the tiny collection (tests/data/eval/tiny), and `paperdeck eval` as a
// person runs it.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "eval/collection.h"
#include "eval/evaluation.h"
#include "eval/fts5_system.h"
#include "eval/paperdeck_system.h"
#include "eval/xapian_system.h"
#include "support/quoting.h"
#include "support/temp_dir.h"

namespace paperdeck::eval {
namespace {

using ::paperdeck::testing::ShellQuote;
using ::paperdeck::testing::TempDir;

const std::filesystem::path kTiny = std::filesystem::path(PAPERDECK_TEST_DATA) / "eval" / "tiny";

std::string Top(const Run& run, const std::string& qid) {
  auto it = run.find(qid);
  if (it == run.end() || it->second.empty()) return "";
  return TrecOrder(it->second)[0].id;
}

TEST(EvalEndToEnd, TitleOnlySearchesTheTitlesAloneInEverySystem) {
  Result<Collection> c = LoadCollection(kTiny);
  ASSERT_TRUE(c.ok()) << c.status().message();
  Result<std::unique_ptr<PaperDeckSystem>> ours = PaperDeckSystem::Build(*c);
  ASSERT_TRUE(ours.ok()) << ours.status().message();
  Result<eval::Run> paperdeck = (*ours)->Search(*c, search::SearcherOptions{}, QueryFields::kTitle);
  Result<eval::Run> xapian = RunXapian(*c, QueryFields::kTitle);
  Result<eval::Run> fts5 = RunFts5(*c, QueryFields::kTitle);
  for (const Result<eval::Run>* run : {&paperdeck, &xapian, &fts5}) {
    ASSERT_TRUE(run->ok()) << run->status().message();
    // "heat conduction" is in the text of 3 and 8 but in neither's title (8 has none): titles
    // alone never find them.
    std::set<std::string> found;
    for (const ScoredDoc& d : run->value().at("q1")) found.insert(d.id);
    EXPECT_TRUE(found.contains("2"));
    EXPECT_FALSE(found.contains("3"));
    EXPECT_FALSE(found.contains("8"));
    EXPECT_EQ(Top(run->value(), "q1"), "2");
    EXPECT_EQ(Top(run->value(), "q3"), "7");
  }
}

TEST(EvalEndToEnd, EverySystemFindsTheObviousAnswers) {
  Result<Collection> c = LoadCollection(kTiny);
  ASSERT_TRUE(c.ok()) << c.status().message();
  Result<std::unique_ptr<PaperDeckSystem>> ours = PaperDeckSystem::Build(*c);
  ASSERT_TRUE(ours.ok()) << ours.status().message();
  Result<eval::Run> paperdeck = (*ours)->Search(*c);
  Result<eval::Run> xapian = RunXapian(*c);
  Result<eval::Run> fts5 = RunFts5(*c);
  ASSERT_TRUE(paperdeck.ok()) << paperdeck.status().message();
  ASSERT_TRUE(xapian.ok()) << xapian.status().message();
  ASSERT_TRUE(fts5.ok()) << fts5.status().message();
  for (const eval::Run* run : {&*paperdeck, &*xapian, &*fts5}) {
    EXPECT_EQ(Top(*run, "q1"), "2");
    EXPECT_EQ(Top(*run, "q3"), "7");
    Evaluation e = Evaluate(*c, *run);
    EXPECT_EQ(e.per_query.size(), 4u);  // q4 has no relevant document
  }
  // Questions are read as words, not operators: "-aircraft" does not exclude, "OR" is no operator.
  EXPECT_EQ(Top(*paperdeck, "q5"), "6");
  // Any word may match: a question of which most words are in no document still finds some.
  EXPECT_FALSE(paperdeck->at("q2").empty());
  Evaluation e = Evaluate(*c, *paperdeck);
  EXPECT_GT(e.mean.ndcg10, 0.9);
}

TEST(EvalEndToEnd, Fts5QuotesEveryWord) {
  EXPECT_EQ(Fts5MatchExpression("what is (NOT) \"x\"-ray?"),
            "\"what\" OR \"is\" OR \"NOT\" OR \"x\" OR \"ray\"");
  EXPECT_EQ(Fts5MatchExpression(" ?! "), "");
}

// Runs command, returning its exit code and standard output.
std::pair<int, std::string> Execute(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, out};
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(EvalCommand, PrintsJsonForEverySystem) {
  TempDir dir;
  const std::string per_query = (dir / "per-query.tsv").string();
  auto [code, out] = Execute(ShellQuote(PAPERDECK_BINARY) + " eval --json --per-query " +
                             ShellQuote(per_query) + " " + ShellQuote(kTiny.string()));
  ASSERT_EQ(code, 0) << out;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(out);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"paperdeck", "xapian", "fts5", "queries"}));
  EXPECT_EQ(j["queries"], 4);
  for (const char* system : {"paperdeck", "xapian", "fts5"}) {
    std::vector<std::string> measures;
    for (auto it = j[system].begin(); it != j[system].end(); ++it) {
      measures.push_back(it.key());
      EXPECT_GE(it.value().get<double>(), 0.0);
      EXPECT_LE(it.value().get<double>(), 1.0);
    }
    EXPECT_EQ(measures, (std::vector<std::string>{"ndcg@10", "map", "recall@100", "p@10"}));
  }
  std::ifstream tsv(per_query);
  std::string line;
  std::getline(tsv, line);
  EXPECT_EQ(line, "system\tqid\tndcg@10\tmap\trecall@100\tp@10");
  int lines = 0;
  while (std::getline(tsv, line)) ++lines;
  EXPECT_EQ(lines, 3 * 4);
}

TEST(EvalCommand, FeedbackScoresPaperDeckWithoutAndWithIt) {
  auto [code, out] = Execute(ShellQuote(PAPERDECK_BINARY) + " eval --json --feedback " +
                             ShellQuote(kTiny.string()));
  ASSERT_EQ(code, 0) << out;
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(out);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"paperdeck", "paperdeck-fb", "paperdeck+fb", "xapian",
                                            "fts5", "queries"}));
  for (const char* system : {"paperdeck-fb", "paperdeck+fb"}) {
    EXPECT_GT(j[system]["ndcg@10"].get<double>(), 0.5) << system;  // the obvious answers found
    EXPECT_LE(j[system]["ndcg@10"].get<double>(), 1.0) << system;
  }
  // The default ranking is one of the two, as search::SearcherOptions says.
  const bool on = search::SearcherOptions{}.feedback.on();
  EXPECT_EQ(j["paperdeck"], j[on ? "paperdeck+fb" : "paperdeck-fb"]);
}

TEST(EvalCommand, SweepsFeedbackParameters) {
  auto [code, out] = Execute(ShellQuote(PAPERDECK_BINARY) + " eval --sweep " +
                             ShellQuote("fb_docs=2;fb_terms=5;fb_weight=0,0.5") + " " +
                             ShellQuote(kTiny.string()));
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("fb_docs=2 fb_terms=5 fb_weight=0\t"), std::string::npos) << out;
  EXPECT_NE(out.find("fb_docs=2 fb_terms=5 fb_weight=0.5\t"), std::string::npos) << out;
}

TEST(EvalCommand, PrintsATable) {
  auto [code, out] = Execute(ShellQuote(PAPERDECK_BINARY) + " eval " + ShellQuote(kTiny.string()));
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("8 documents, 4 queries with relevant judgments"), std::string::npos) << out;
  EXPECT_NE(out.find("nDCG@10"), std::string::npos);
  for (const char* system : {"\npaperdeck ", "\nxapian ", "\nfts5 "}) {
    EXPECT_NE(out.find(system), std::string::npos) << out;
  }
}

TEST(EvalCommand, CrossValidatesADirectoryOfCollectionsOverTheShippedGrid) {
  // A directory holding two collections (copies of the tiny one), as ../shared/eval/dev holds five.
  TempDir dir;
  for (const char* name : {"alpha", "beta"}) {
    std::filesystem::create_directories(dir / name);
    for (const char* file : {"docs.jsonl", "queries.jsonl", "qrels.tsv"}) {
      std::filesystem::copy_file(kTiny / file, dir / name / file);
    }
  }
  auto [code, out] = Execute(ShellQuote(PAPERDECK_BINARY) + " eval --cv " +
                             ShellQuote(dir.path().string()) + " 2>&1");
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("\tndcg@10 alpha\tndcg@10 beta\t"), std::string::npos) << out;
  EXPECT_NE(out.find("leave one collection out"), std::string::npos) << out;
  // The shipped parameters come first in the grid, so a tie keeps them.
  EXPECT_NE(out.find("tuned on all: k1=1.2 w_title=3 exact=0 fb_weight=0.1 pool=50\n"),
            std::string::npos) << out;
  for (const char* row : {"\nalpha\tpaperdeck cv\t", "\nbeta\tpaperdeck tuned\t",
                          "\nalpha\txapian\t", "\nbeta\tfts5\t"}) {
    EXPECT_NE(out.find(row), std::string::npos) << row << "\n" << out;
  }
  // One collection alone cannot be cross-validated.
  auto [one_code, one_out] = Execute(ShellQuote(PAPERDECK_BINARY) + " eval --cv " +
                                     ShellQuote(kTiny.string()) + " 2>&1");
  EXPECT_EQ(one_code, 1);
  EXPECT_NE(one_out.find("two collections or more"), std::string::npos) << one_out;
}

TEST(EvalCommand, AMissingCollectionFailsWithItsPath) {
  auto [code, out] =
      Execute(ShellQuote(PAPERDECK_BINARY) + " eval /nonexistent/collection 2>&1");
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("/nonexistent/collection/docs.jsonl: cannot open"), std::string::npos) << out;
}

}  // namespace
}  // namespace paperdeck::eval
