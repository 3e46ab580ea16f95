// `paperdeck feed NAME --format atom` through the real binary: the saved search's Atom feed, the
// document `serve` gives at /feeds/NAME.atom, parsed here with pugixml; it marks nothing seen.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

class FeedAtomTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CliResult r = Run({"import", TestData("seed-page.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    r = Run({"watch", "add", "mamba", "title:mamba"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  }
  std::filesystem::path Data() const { return dir_.path() / "data"; }
  CliResult Run(const std::vector<std::string>& args) { return RunPaperdeck(Data(), args); }

  TempDir dir_;
};

TEST_F(FeedAtomTest, PrintsTheSavedSearchAsAtomAndMarksNothingSeen) {
  CliResult r = Run({"feed", "mamba", "--format", "atom", "--base-url", "http://papers.lan:9000/"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_buffer(r.out.data(), r.out.size())) << r.out;
  pugi::xml_node feed = doc.child("feed");
  EXPECT_STREQ(feed.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  EXPECT_STREQ(feed.child_value("title"), "PaperDeck: mamba \u2014 title:mamba");
  EXPECT_STREQ(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value(),
               "http://papers.lan:9000/feeds/mamba.atom");
  std::vector<pugi::xml_node> entries;
  for (pugi::xml_node e : feed.children("entry")) entries.push_back(e);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_STREQ(entries[0].child_value("title"),
               "Demystify Mamba in Vision: A Linear Attention Perspective");
  EXPECT_THAT(entries[0].find_child_by_attribute("link", "rel", "alternate").attribute("href").value(),
              ::testing::StartsWith("http://papers.lan:9000/paper/h%3A"));
  // The feed is the same document each time, and reading it left the paper new.
  EXPECT_EQ(Run({"feed", "mamba", "--format", "atom", "--base-url", "http://papers.lan:9000"}).out,
            r.out);
  CliResult listed = Run({"feed", "mamba", "--json"});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_EQ(nlohmann::json::parse(listed.out)["new"], 1);
}

TEST_F(FeedAtomTest, RefusesWhatItCannotWrite) {
  CliResult r = Run({"feed", "--format", "atom"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("paperdeck feed NAME --format atom"));
  r = Run({"feed", "nothing-of-the-kind", "--format", "atom"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("no saved search is named nothing-of-the-kind"));
  EXPECT_TRUE(r.out.empty());
  r = Run({"feed", "mamba", "--format", "rss"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--format is text, json or atom"));
  r = Run({"feed", "mamba", "--format", "atom", "--base-url", "ftp://x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--base-url"));
}

}  // namespace
}  // namespace paperdeck::e2e
