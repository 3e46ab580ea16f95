// The user's library through the real binary: tags, reading states, notes and the queue, kept
// through everything that rebuilds or re-imports (reindex, a deleted index, the same file again),
// and never removed with a paper unless --force says so.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class LibraryCommandsTest : public ::testing::Test {
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
  }
  std::filesystem::path Data() const { return dir_.path() / "data"; }

  // The id of the best hit for a query.
  std::string IdOf(const std::string& query) {
    CliResult r = RunPaperdeck(Data(), {"search", query, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out);
    return j["results"].empty() ? std::string() : j["results"][0]["id"].get<std::string>();
  }
  nlohmann::json Json(std::vector<std::string> args) { return RunPaperdeckJson(Data(), std::move(args)); }
  std::vector<std::string> QueueIds() {
    std::vector<std::string> out;
    for (const auto& p : Json({"queue"})) out.push_back(p["id"]);
    return out;
  }
  // Everything `show --json` says of the user's library for a paper, without the times.
  nlohmann::json Library(const std::string& id) {
    nlohmann::json library = Json({"show", id})["library"];
    return {{"tags", library["tags"]},
            {"state", library["state"].is_null() ? nlohmann::json() : library["state"]["name"]},
            {"notes", library["notes"].size()},
            {"first_note", library["notes"].empty() ? nlohmann::json() : library["notes"][0]["text"]}};
  }
  // Tags, states and notes set on three papers.
  void FillLibrary() {
    CliResult r = RunPaperdeck(Data(), {"tag", longformer_, "+thesis", "+Thesis/related-work"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_THAT(r.out, HasSubstr("thesis, Thesis/related-work"));
    ASSERT_EQ(RunPaperdeck(Data(), {"tag", mamba_, vortex_, "+THESIS", "+vision"}).exit_code, 0);
    ASSERT_EQ(RunPaperdeck(Data(), {"mark", vortex_, "to-read"}).exit_code, 0);
    ASSERT_EQ(RunPaperdeck(Data(), {"mark", longformer_, mamba_, "to-read"}).exit_code, 0);
    ASSERT_EQ(RunPaperdeck(Data(), {"mark", mamba_, "reading"}).exit_code, 0);
    r = RunPaperdeck(Data(), {"note", longformer_, "-"}, RunInput{kNote, {}});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  void ExpectLibraryKept() {
    EXPECT_EQ(Json({"tags"}), nlohmann::json::parse(R"([
      {"name": "thesis", "papers": 3},
      {"name": "Thesis/related-work", "papers": 1},
      {"name": "vision", "papers": 2}])"));
    EXPECT_THAT(QueueIds(), ElementsAre(vortex_, longformer_));
    nlohmann::json longformer = Library(longformer_);
    EXPECT_EQ(longformer["tags"], nlohmann::json({"thesis", "Thesis/related-work"}));
    EXPECT_EQ(longformer["state"], "to-read");
    EXPECT_EQ(longformer["notes"], 1);
    EXPECT_EQ(longformer["first_note"], kNote);
    EXPECT_EQ(Library(mamba_)["state"], "reading");
  }

  static constexpr const char* kNote = "## Why\n\n- sliding *window* attention\n- -dashes kept\n";
  TempDir dir_;
  std::string longformer_, mamba_, vortex_;
};

TEST_F(LibraryCommandsTest, TagsStatesAndNotesSurviveReindexADeletedIndexAndAReimport) {
  FillLibrary();
  ExpectLibraryKept();
  CliResult notes = RunPaperdeck(Data(), {"notes", longformer_});
  EXPECT_EQ(notes.exit_code, 0);
  EXPECT_THAT(notes.out, HasSubstr("- sliding *window* attention"));
  CliResult show = RunPaperdeck(Data(), {"show", longformer_});
  EXPECT_THAT(show.out, HasSubstr("thesis, Thesis/related-work"));
  EXPECT_THAT(show.out, HasSubstr("to-read (since "));

  ASSERT_EQ(RunPaperdeck(Data(), {"reindex"}).exit_code, 0);
  ExpectLibraryKept();
  ASSERT_EQ(RunPaperdeck(Data(), {"optimize"}).exit_code, 0);
  std::filesystem::remove_all(Data() / "index");
  ASSERT_EQ(RunPaperdeck(Data(), {"reindex"}).exit_code, 0);
  ExpectLibraryKept();
  CliResult again = RunPaperdeck(Data(), {"import", TestData("seed-page.jsonl")});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  ExpectLibraryKept();
  EXPECT_EQ(IdOf("longformer"), longformer_);
}

TEST_F(LibraryCommandsTest, RemoveRefusesAPaperHoldingLibraryDataUnlessForced) {
  FillLibrary();
  // With a paper holding nothing beside it: nothing at all is removed.
  const std::string plain = IdOf("minimax sparse attention");
  CliResult refused = RunPaperdeck(Data(), {"remove", plain, longformer_});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.err, HasSubstr(longformer_ + " holds your 2 tags (thesis, "
                                     "Thesis/related-work), reading state to-read, 1 note"));
  EXPECT_THAT(refused.err, HasSubstr("nothing was removed"));
  EXPECT_EQ(RunPaperdeck(Data(), {"show", plain}).exit_code, 0);
  ExpectLibraryKept();

  CliResult forced = RunPaperdeck(Data(), {"remove", "--force", longformer_});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(RunPaperdeck(Data(), {"show", longformer_}).exit_code, 1);
  EXPECT_EQ(Json({"tags"}), nlohmann::json::parse(R"([
    {"name": "thesis", "papers": 2}, {"name": "vision", "papers": 2}])"));
  EXPECT_THAT(QueueIds(), ElementsAre(vortex_));
  EXPECT_NE(IdOf("longformer"), longformer_);
}

TEST_F(LibraryCommandsTest, AWrongIdChangesNothing) {
  CliResult tag = RunPaperdeck(Data(), {"tag", longformer_, "2401.99999", "+thesis"});
  EXPECT_EQ(tag.exit_code, 1);
  EXPECT_THAT(tag.err, HasSubstr("no paper with id '2401.99999'"));
  CliResult mark = RunPaperdeck(Data(), {"mark", longformer_, "10.9999/none", "read"});
  EXPECT_EQ(mark.exit_code, 1);
  CliResult note = RunPaperdeck(Data(), {"note", "2401.99999", "text"});
  EXPECT_EQ(note.exit_code, 1);
  EXPECT_EQ(RunPaperdeck(Data(), {"notes", "2401.99999"}).exit_code, 1);
  EXPECT_EQ(Json({"tags"}), nlohmann::json::array());
  EXPECT_TRUE(QueueIds().empty());
  EXPECT_EQ(Library(longformer_),
            nlohmann::json({{"tags", nlohmann::json::array()}, {"state", nullptr}, {"notes", 0},
                            {"first_note", nullptr}}));
  // Wrong arguments are usage errors.
  EXPECT_EQ(RunPaperdeck(Data(), {"mark", longformer_, "skimmed"}).exit_code, 2);
  EXPECT_EQ(RunPaperdeck(Data(), {"tag", longformer_}).exit_code, 2);
  EXPECT_EQ(RunPaperdeck(Data(), {"tag", longformer_, "+a//b"}).exit_code, 2);
}

TEST_F(LibraryCommandsTest, TagsAreRemovedWithDashAndNotesComeFromTheEditor) {
  ASSERT_EQ(RunPaperdeck(Data(), {"tag", longformer_, "+thesis", "+later"}).exit_code, 0);
  CliResult untag = RunPaperdeck(Data(), {"tag", "-LATER", longformer_, "--json"});
  ASSERT_EQ(untag.exit_code, 0) << untag.err;
  EXPECT_EQ(nlohmann::json::parse(untag.out)[0]["tags"], nlohmann::json({"thesis"}));

  // The editor writes the note into the file it is given.
  CliResult edited = RunPaperdeck(
      Data(), {"note", longformer_},
      RunInput{"", {"VISUAL=", "EDITOR=sh -c 'printf \"from the editor\" > \"$0\"'"}});
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  // An editor that leaves the file empty stores nothing.
  CliResult empty = RunPaperdeck(Data(), {"note", longformer_},
                                 RunInput{"", {"VISUAL=", "EDITOR=true"}});
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_THAT(empty.err, HasSubstr("empty"));
  nlohmann::json notes = Json({"notes", longformer_});
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0]["text"], "from the editor");
  // Words are the note too, those beginning with '-' included.
  ASSERT_EQ(RunPaperdeck(Data(), {"note", longformer_, "see", "-fig", "3"}).exit_code, 0);
  EXPECT_EQ(Json({"notes", longformer_})[1]["text"], "see -fig 3");
}

}  // namespace
}  // namespace paperdeck::e2e
