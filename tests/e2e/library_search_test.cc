// The query language knows the user's library, through the real binary: `tag:` (nested names,
// any case), `-tag:`, `state:`, `has:note`, `note:`, `--sort added`, and the tags and state each
// result shows; a tag found before a reindex, a deleted index and a re-import is found after,
// and a tag change is seen by the very next search without the index being written.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <thread>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class LibrarySearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CliResult r = RunPaperdeck(Data(), {"import", TestData("seed-page.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    longformer_ = IdOf("longformer");
    mamba_ = IdOf("demystify mamba");
    vortex_ = IdOf("vortex programmable");
    ASSERT_FALSE(longformer_.empty());
    ASSERT_FALSE(mamba_.empty());
    ASSERT_FALSE(vortex_.empty());
    all_ = Search("*")["total"].get<int>();
    ASSERT_GT(all_, 3);
  }
  std::filesystem::path Data() const { return dir_.path() / "data"; }

  nlohmann::json Search(const std::string& query, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"search", query, "--json", "--limit", "100"};
    args.insert(args.end(), more.begin(), more.end());
    CliResult r = RunPaperdeck(Data(), args);
    EXPECT_EQ(r.exit_code, 0) << query << ": " << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
  }
  // The words as written: a query that finds nothing must not answer with a correction's papers.
  int Total(const std::string& query) { return Search(query, {"--exact"})["total"].get<int>(); }
  std::vector<std::string> Ids(const std::string& query, std::vector<std::string> more = {}) {
    std::vector<std::string> ids;
    const nlohmann::json found = Search(query, more);
    for (const auto& p : found["results"]) ids.push_back(p["id"]);
    return ids;
  }
  std::string IdOf(const std::string& query) {
    std::vector<std::string> ids = Ids(query);
    return ids.empty() ? std::string() : ids[0];
  }
  void Run(std::vector<std::string> args) {
    CliResult r = RunPaperdeck(Data(), args);
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  // Every file of the index with its size and modification time.
  std::map<std::string, std::pair<uintmax_t, std::filesystem::file_time_type>> IndexFiles() {
    std::map<std::string, std::pair<uintmax_t, std::filesystem::file_time_type>> out;
    for (const auto& e : std::filesystem::directory_iterator(Data() / "index")) {
      if (e.is_regular_file()) out[e.path().filename()] = {e.file_size(), e.last_write_time()};
    }
    return out;
  }

  TempDir dir_;
  std::string longformer_, mamba_, vortex_;
  int all_ = 0;
};

TEST_F(LibrarySearchTest, ATagIsFoundThroughReindexADeletedIndexAndAReimport) {
  Run({"tag", longformer_, "+thesis"});
  nlohmann::json found = Search("tag:thesis");
  EXPECT_EQ(found["total"], 1);
  ASSERT_EQ(found["results"].size(), 1u);
  EXPECT_EQ(found["results"][0]["id"], longformer_);
  EXPECT_EQ(found["results"][0]["tags"], nlohmann::json({"thesis"}));
  EXPECT_TRUE(found["results"][0]["state"].is_null());

  Run({"reindex"});
  EXPECT_EQ(Total("tag:thesis"), 1);
  std::filesystem::remove_all(Data() / "index");
  Run({"reindex"});
  EXPECT_EQ(Total("tag:thesis"), 1);
  Run({"import", TestData("seed-page.jsonl")});
  EXPECT_EQ(Total("tag:thesis"), 1);
  EXPECT_THAT(Ids("tag:thesis"), ElementsAre(longformer_));

  // export reads a query as search does: the library's filters too.
  CliResult exported = RunPaperdeck(Data(), {"export", "tag:thesis", "--format", "jsonl"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(std::count(exported.out.begin(), exported.out.end(), '\n'), 1);
  EXPECT_THAT(exported.out, HasSubstr("Longformer"));
}

TEST_F(LibrarySearchTest, NestedTagsAnyCaseAndExclusion) {
  Run({"tag", longformer_, "+Thesis/related-work"});
  Run({"tag", mamba_, "+THESIS"});
  Run({"tag", vortex_, "+thesis-extra", "+vision"});
  // thesis finds itself and what is nested under it, not a tag that merely starts the same.
  EXPECT_THAT(Ids("tag:thesis"), UnorderedElementsAre(longformer_, mamba_));
  EXPECT_THAT(Ids("tag:thesis/RELATED-WORK"), ElementsAre(longformer_));
  EXPECT_THAT(Ids("tag:ｔｈｅｓｉｓ"), UnorderedElementsAre(longformer_, mamba_));
  EXPECT_EQ(Total("-tag:thesis"), all_ - 2);
  EXPECT_EQ(Total("* -tag:thesis -tag:vision"), all_ - 3);
  EXPECT_THAT(Ids("tag:vision OR tag:thesis/related-work"),
              UnorderedElementsAre(longformer_, vortex_));
  EXPECT_THAT(Ids("longformer tag:thesis"), ElementsAre(longformer_));
  EXPECT_EQ(Total("longformer -tag:thesis"), Total("longformer") - 1);
  EXPECT_EQ(Total("has:tag"), 3);
}

TEST_F(LibrarySearchTest, StatesNotesAndWhatEachResultShows) {
  Run({"mark", vortex_, "to-read"});
  Run({"mark", mamba_, "reading"});
  Run({"tag", mamba_, "+ssm"});
  nlohmann::json to_read = Search("state:to-read");
  EXPECT_EQ(to_read["total"], 1);
  EXPECT_EQ(to_read["results"][0]["id"], vortex_);
  EXPECT_EQ(to_read["results"][0]["state"], "to-read");
  nlohmann::json reading = Search("state:reading");
  EXPECT_EQ(reading["results"][0]["tags"], nlohmann::json({"ssm"}));
  EXPECT_EQ(reading["results"][0]["state"], "reading");
  EXPECT_EQ(Total("state:none"), all_ - 2);
  EXPECT_EQ(Total("has:state"), 2);
  EXPECT_EQ(Total("state:read"), 0);

  CliResult noted = RunPaperdeck(Data(), {"note", longformer_, "-"},
                                 RunInput{"Compare striped kernels with dilated attention heads.\n", {}});
  ASSERT_EQ(noted.exit_code, 0) << noted.err;
  EXPECT_THAT(Ids("has:note"), ElementsAre(longformer_));
  // A note's words are analysed as the index analyses text: "stripes" meets "striped".
  EXPECT_THAT(Ids("note:stripes"), ElementsAre(longformer_));
  EXPECT_THAT(Ids("note:Striped longformer"), ElementsAre(longformer_));
  EXPECT_THAT(Ids("note:\"dilated attention\""), ElementsAre(longformer_));
  EXPECT_EQ(Total("note:\"attention dilated\""), 0);
  EXPECT_EQ(Total("note:transformer"), 0);
  // A note is a field of its own: the paper's text does not answer for it, nor it for the text.
  EXPECT_EQ(Total("note:longformer"), 0);
  EXPECT_EQ(Total("striped"), 0);

  // The terminal card shows the tags and the state.
  CliResult card = RunPaperdeck(Data(), {"search", "state:reading"});
  EXPECT_EQ(card.exit_code, 0);
  EXPECT_THAT(card.out, HasSubstr("#ssm  · reading"));
}

TEST_F(LibrarySearchTest, ATagChangeIsSeenByTheNextSearchWithoutWritingTheIndex) {
  auto before = IndexFiles();
  EXPECT_EQ(Total("tag:later"), 0);
  Run({"tag", mamba_, "+later"});
  EXPECT_THAT(Ids("tag:later"), ElementsAre(mamba_));
  Run({"tag", mamba_, "-later"});
  EXPECT_EQ(Total("tag:later"), 0);
  EXPECT_EQ(IndexFiles(), before);
}

TEST_F(LibrarySearchTest, SortLibraryListsTheLibraryNewestFirst) {
  Run({"tag", mamba_, "+a"});
  // The library records when a paper entered it to the second.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  Run({"mark", vortex_, "to-read"});
  std::vector<std::string> ids = Ids("*", {"--sort", "library"});
  ASSERT_EQ(ids.size(), static_cast<size_t>(all_));
  EXPECT_EQ(ids[0], vortex_);
  EXPECT_EQ(ids[1], mamba_);
  // A query with nothing to rank by that looks into the library lists it the same way.
  EXPECT_THAT(Ids("tag:a OR has:state"), ElementsAre(vortex_, mamba_));
}

TEST_F(LibrarySearchTest, ABadValueIsANoticeNotAFailure) {
  CliResult r = RunPaperdeck(Data(), {"search", "state:later", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["notice"]["position"], 6);
  EXPECT_THAT(j["notice"]["message"].get<std::string>(),
              HasSubstr("expected to-read, reading, read or none after 'state:'"));
  CliResult sort = RunPaperdeck(Data(), {"search", "x", "--sort", "later"});
  EXPECT_EQ(sort.exit_code, 2);
  EXPECT_THAT(sort.err, HasSubstr("added"));
  EXPECT_THAT(sort.err, HasSubstr("library"));
}

}  // namespace
}  // namespace paperdeck::e2e
