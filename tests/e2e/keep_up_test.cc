// Keeping up through the real binary: saved searches (`watch`), what is new to them since the
// user looked (`feed`), `added:` and `--sort added`, and saved searches kept through reindex,
// re-import and the library's export and restore.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"
#include "model/calendar.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string PaperLine(const std::string& arxiv_id, const std::string& title,
                      const std::vector<std::string>& versions) {
  nlohmann::json j = {{"arxiv_id", arxiv_id},
                      {"title", title},
                      {"authors", {"Ada Lovelace"}},
                      {"authors_complete", true},
                      {"abstract", "A state space model, selective and fast."},
                      {"published", "2026-11-30"}};
  nlohmann::json v = nlohmann::json::array();
  for (const std::string& name : versions) v.push_back({{"name", name}});
  if (!versions.empty()) j["versions"] = v;
  return j.dump() + "\n";
}

class KeepUpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CliResult r = RunPaperdeck(Data(), {"import", TestData("seed-page.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  std::filesystem::path Data() const { return dir_.path() / "data"; }

  CliResult Run(const std::vector<std::string>& args) { return RunPaperdeck(Data(), args); }
  nlohmann::json Json(std::vector<std::string> args) { return RunPaperdeckJson(Data(), std::move(args)); }
  void Import(const std::string& name, const std::string& lines) {
    const std::filesystem::path file = dir_.path() / name;
    std::ofstream(file) << lines;
    CliResult r = Run({"import", file.string()});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }

  TempDir dir_;
};

TEST_F(KeepUpTest, FeedListsWhatIsNewOnceAndAgainWhenAMatchingPaperArrives) {
  CliResult added = Run({"watch", "add", "mamba", "title:mamba"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  EXPECT_THAT(added.out, HasSubstr("saved mamba"));

  // Never looked at: all it matches is new.
  nlohmann::json first = Json({"feed", "mamba"});
  EXPECT_EQ(first["new"], 1);
  ASSERT_EQ(first["results"].size(), 1u);
  EXPECT_THAT(first["results"][0]["title"].get<std::string>(), HasSubstr("Mamba"));

  // Looking marked it seen.
  nlohmann::json second = Json({"feed", "mamba"});
  EXPECT_EQ(second["new"], 0);
  EXPECT_TRUE(second["results"].empty());
  EXPECT_FALSE(second["looked_at"].is_null());

  // A new matching paper, and one that does not match.
  Import("new.jsonl", PaperLine("2611.00001", "Mamba goes to the library", {"v1"}) +
                          PaperLine("2611.00002", "Nothing about snakes", {"v1"}));
  nlohmann::json peek = Json({"feed", "mamba", "--peek"});
  EXPECT_EQ(peek["new"], 1);
  ASSERT_EQ(peek["results"].size(), 1u);
  EXPECT_EQ(peek["results"][0]["id"], "2611.00001");
  // --peek marked nothing: still new.
  EXPECT_EQ(Json({"feed", "mamba"})["new"], 1);
  EXPECT_EQ(Json({"feed", "mamba"})["new"], 0);

  // The terminal says so too.
  CliResult text = Run({"feed", "mamba"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr("nothing new"));
}

TEST_F(KeepUpTest, ANewerVersionIsNewAgainOnceAndItsCardSaysV2) {
  Import("v1.jsonl", PaperLine("2611.00003", "Mamba in versions", {"v1"}));
  ASSERT_EQ(Run({"watch", "add", "versions", "title:versions"}).exit_code, 0);
  EXPECT_EQ(Json({"feed", "versions"})["new"], 1);
  EXPECT_EQ(Json({"feed", "versions"})["new"], 0);

  // The same version again changes nothing; a newer one is new again.
  Import("v1-again.jsonl", PaperLine("2611.00003", "Mamba in versions", {"v1"}));
  EXPECT_EQ(Json({"feed", "versions", "--peek"})["new"], 0);
  Import("v2.jsonl", PaperLine("2611.00003", "Mamba in versions", {"v1", "v2"}));
  nlohmann::json again = Json({"feed", "versions"});
  ASSERT_EQ(again["new"], 1);
  EXPECT_EQ(again["results"][0]["card"]["version"], "v2");
  EXPECT_EQ(Json({"feed", "versions"})["new"], 0);
}

TEST_F(KeepUpTest, WatchListRenameRemoveAndMistakes) {
  ASSERT_EQ(Run({"watch", "add", "mamba", "title:mamba"}).exit_code, 0);
  ASSERT_EQ(Run({"watch", "add", "attention", "attention", "--no-pull"}).exit_code, 0);
  nlohmann::json list = Json({"watch", "list"});
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["name"], "attention");
  EXPECT_EQ(list[0]["pull"], false);
  EXPECT_GT(list[0]["new"].get<int>(), 1);
  EXPECT_EQ(list[1]["new"], 1);

  // A name taken (whatever its case), a bad name, an unknown one: a clear message, exit 2.
  CliResult taken = Run({"watch", "add", "MAMBA", "mamba"});
  EXPECT_EQ(taken.exit_code, 2);
  EXPECT_THAT(taken.err, HasSubstr("already named 'mamba'"));
  CliResult slash = Run({"watch", "add", "a/b", "mamba"});
  EXPECT_EQ(slash.exit_code, 2);
  EXPECT_THAT(slash.err, HasSubstr("'/'"));
  CliResult unknown = Run({"feed", "nope"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.err, HasSubstr("no saved search is named 'nope'"));

  ASSERT_EQ(Run({"watch", "rename", "mamba", "state space"}).exit_code, 0);
  EXPECT_EQ(Json({"feed", "state space"})["query"], "title:mamba");
  ASSERT_EQ(Run({"watch", "rm", "attention"}).exit_code, 0);
  list = Json({"watch", "list"});
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["name"], "state space");
}

TEST_F(KeepUpTest, SavedSearchesSurviveReindexReimportAndExportRestore) {
  ASSERT_EQ(Run({"watch", "add", "mamba", "title:mamba"}).exit_code, 0);
  ASSERT_EQ(Run({"feed", "mamba"}).exit_code, 0);  // looked at
  ASSERT_EQ(Run({"reindex"}).exit_code, 0);
  Import("again.jsonl", ReadFile(TestData("seed-page.jsonl")));
  nlohmann::json kept = Json({"feed", "mamba", "--peek"});
  EXPECT_EQ(kept["new"], 0);  // the same papers again are not new
  EXPECT_FALSE(kept["looked_at"].is_null());

  // The library's JSON lines export carries it; importing restores it.
  const std::filesystem::path file = dir_.path() / "library.jsonl";
  CliResult exported = Run({"export", "--format", "jsonl", "--out", file.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_THAT(exported.err, HasSubstr("1 saved search"));
  EXPECT_THAT(ReadFile(file), HasSubstr("\"saved_search\""));
  const std::filesystem::path other = dir_.path() / "other";
  CliResult restored = RunPaperdeck(other, {"import", file.string()});
  ASSERT_EQ(restored.exit_code, 0) << restored.out << restored.err;
  EXPECT_THAT(restored.out, HasSubstr("restored 1 saved search"));
  CliResult list = RunPaperdeck(other, {"watch", "list", "--json"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  nlohmann::json searches = nlohmann::json::parse(list.out);
  ASSERT_EQ(searches.size(), 1u);
  EXPECT_EQ(searches[0]["query"], "title:mamba");
}

TEST_F(KeepUpTest, AddedIsSearchableAndSortable) {
  Import("new.jsonl", PaperLine("2611.00001", "Mamba goes to the library", {"v1"}));
  const std::string today = FormatIsoDate(Today());
  nlohmann::json since = Json({"search", "added:>=" + today});
  EXPECT_EQ(since["total"].get<int>(), 36);  // the seed page's 35 and the new one: all today
  EXPECT_EQ(Json({"search", "added:<2000-01-01"})["total"], 0);
  // Newest stored first.
  nlohmann::json sorted = Json({"search", "mamba", "--sort", "added"});
  ASSERT_GE(sorted["results"].size(), 2u);
  EXPECT_EQ(sorted["results"][0]["id"], "2611.00001");
  // A bad date is a notice, never a failure.
  CliResult bad = Run({"search", "added:yesterday"});
  EXPECT_EQ(bad.exit_code, 0);
  EXPECT_THAT(bad.err, HasSubstr("expected a date"));
}

}  // namespace
}  // namespace paperdeck::e2e
