// Saved searches through the API over real HTTP on loopback: saved from the page's query, listed
// with their counts of new papers, their new papers read without marking anything, marked seen
// up to the revision they were read at (a paper stored in between stays new), removed; bad names
// and revisions; and the writes a hostile page could send, refused with nothing saved.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "http/loopback_api.h"
#include "support/quoting.h"

namespace paperdeck::http {
namespace {

using ::testing::HasSubstr;
using ::paperdeck::testing::PercentEncode;
using json = nlohmann::json;

class WatchApiTest : public LoopbackApiTest {
 protected:
  // Stores one more paper, as an import does (corpus, then index).
  void StorePaper(const std::string& id, const std::string& title) {
    const std::filesystem::path file = temp_ / (id + ".jsonl");
    std::ofstream(file) << json{{"id", id}, {"title", title}, {"authors", {"A. Writer"}},
                                {"abstract", "A paper."}, {"categories", {"cs.LG"}},
                                {"date", "2026-06-20"}}.dump()
                        << "\n";
    workspace::FileImportReport report =
        workspace_->ImportFile(file.string(), ingest::InputFormat::kAuto, 1000, {});
    ASSERT_FALSE(report.failed);
    ASSERT_TRUE(workspace_->CatchUpIndex().ok());
  }
  json Watches() { return Get("/api/watches").body["watches"]; }
};

TEST_F(WatchApiTest, ASavedSearchCountsItsNewPapersUntilTheyAreMarkedSeen) {
  EXPECT_EQ(Watches(), json::array());
  Answer saved = Write("POST", "/api/watches", {{"name", "mamba"}, {"query", "title:mamba"}});
  ASSERT_EQ(saved.status, 201) << saved.body.dump();
  EXPECT_EQ(saved.body["watch"]["name"], "mamba");
  EXPECT_EQ(saved.body["watch"]["query"], "title:mamba");
  EXPECT_EQ(saved.body["watch"]["pull"], true);
  EXPECT_EQ(saved.body["watch"]["looked_at"], nullptr);
  EXPECT_EQ(saved.body["watch"]["new"], 1);  // never looked at: every match is new

  json list = Watches();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["new"], 1);

  // Reading the feed marks nothing: twice, the same paper.
  Answer feed = Get("/api/watches/mamba/feed");
  ASSERT_EQ(feed.status, 200) << feed.body.dump();
  EXPECT_EQ(feed.body["new"], 1);
  ASSERT_EQ(feed.body["results"].size(), 1u);
  EXPECT_THAT(feed.body["results"][0]["title"].get<std::string>(), HasSubstr("Mamba"));
  EXPECT_NE(feed.body["results"][0]["card"], nullptr);
  const int64_t revision = feed.body["revision"];
  EXPECT_EQ(Get("/api/watches/mamba/feed").body["new"], 1);
  EXPECT_EQ(Watches()[0]["new"], 1);

  // A paper stored after the feed was read stays new when the feed is marked seen.
  StorePaper("2606.00001", "Mamba in the garden");
  Answer seen = Write("POST", "/api/watches/mamba/seen", {{"revision", revision}});
  ASSERT_EQ(seen.status, 200) << seen.body.dump();
  EXPECT_EQ(seen.body["watch"]["new"], 1);
  EXPECT_NE(seen.body["watch"]["looked_at"], nullptr);
  Answer again = Get("/api/watches/mamba/feed");
  ASSERT_EQ(again.body["results"].size(), 1u);
  EXPECT_EQ(again.body["results"][0]["id"], "2606.00001");
  ASSERT_EQ(Write("POST", "/api/watches/mamba/seen", {{"revision", again.body["revision"]}}).status, 200);
  EXPECT_EQ(Watches()[0]["new"], 0);
  EXPECT_EQ(Get("/api/watches/mamba/feed").body["results"], json::array());

  // Removing it keeps its papers.
  Answer removed = Send("DELETE", "/api/watches/mamba", "", {"Host: " + self_, "Origin: http://" + self_,
                                                              "Content-Type: application/json"});
  EXPECT_EQ(removed.status, 200) << removed.body.dump();
  EXPECT_EQ(Watches(), json::array());
  EXPECT_EQ(Get("/api/search?q=title%3Amamba").body["total"], 2);
  EXPECT_EQ(Send("DELETE", "/api/watches/mamba", "", {"Host: " + self_, "Content-Type: application/json"}).status,
            404);
  EXPECT_EQ(Get("/api/watches/mamba/feed").status, 404);
}

TEST_F(WatchApiTest, NamesAreUniqueAnyCaseAndBadOnesAreRefused) {
  ASSERT_EQ(Write("POST", "/api/watches", {{"name", "Long context"}, {"query", "longformer"}, {"pull", false}}).status,
            201);
  Answer taken = Write("POST", "/api/watches", {{"name", "LONG CONTEXT"}, {"query", "attention"}});
  EXPECT_EQ(taken.status, 409);
  EXPECT_EQ(taken.body["param"], "name");
  EXPECT_EQ(taken.body["watch"]["query"], "longformer");  // the one kept
  json list = Watches();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["pull"], false);
  // A name with a space reaches its feed percent-encoded.
  EXPECT_EQ(Get("/api/watches/" + PercentEncode("Long context") + "/feed").status, 200);

  for (const json& bad : {json{{"name", "a/b"}, {"query", "x"}}, json{{"name", ""}, {"query", "x"}},
                          json{{"name", "ok"}, {"query", ""}}, json{{"name", "ok"}},
                          json{{"query", "x"}}, json{{"name", "ok"}, {"query", "x"}, {"pull", "yes"}}}) {
    Answer a = Write("POST", "/api/watches", bad);
    EXPECT_EQ(a.status, 400) << bad.dump() << " " << a.body.dump();
  }
  EXPECT_EQ(Watches().size(), 1u);
  EXPECT_EQ(Get("/api/watches/nope/feed").status, 404);
  EXPECT_EQ(Get("/api/watches/" + PercentEncode("Long context") + "/feed?limit=500").status, 400);
  EXPECT_EQ(Get("/api/watches/" + PercentEncode("Long context") + "/feed?peek=0").status, 400);
  // No revision beyond the corpus's: papers not stored yet cannot have been seen.
  EXPECT_EQ(Write("POST", "/api/watches/" + PercentEncode("Long context") + "/seen", {{"revision", 999999}}).status, 400);
  EXPECT_EQ(Write("POST", "/api/watches/" + PercentEncode("Long context") + "/seen", {{"revision", "1"}}).status, 400);
  EXPECT_EQ(Write("POST", "/api/watches/nope/seen", {{"revision", 1}}).status, 404);
}

TEST_F(WatchApiTest, WritesAHostilePageCouldSendChangeNoSavedSearch) {
  ASSERT_EQ(Write("POST", "/api/watches", {{"name", "mamba"}, {"query", "title:mamba"}}).status, 201);
  const std::string body = json{{"name", "pwned"}, {"query", "x"}}.dump();
  EXPECT_EQ(Send("POST", "/api/watches", body,
                 {"Host: " + self_, "Origin: http://evil.example", "Content-Type: application/json"}).status,
            403);
  EXPECT_EQ(Send("POST", "/api/watches", body,
                 {"Host: evil.example:" + std::to_string(port_), "Content-Type: application/json"}).status,
            403);
  EXPECT_EQ(Send("POST", "/api/watches", "name=pwned&query=x",
                 {"Host: " + self_, "Content-Type: application/x-www-form-urlencoded"}).status,
            415);
  EXPECT_EQ(Send("DELETE", "/api/watches/mamba", "",
                 {"Host: " + self_, "Origin: http://evil.example", "Content-Type: application/json"}).status,
            403);
  EXPECT_EQ(Send("POST", "/api/watches/mamba/seen", json{{"revision", 1}}.dump(),
                 {"Host: " + self_, "Origin: http://evil.example", "Content-Type: application/json"}).status,
            403);
  json list = Watches();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["name"], "mamba");
  EXPECT_EQ(list[0]["new"], 1);
  EXPECT_EQ(list[0]["looked_at"], nullptr);
}

}  // namespace
}  // namespace paperdeck::http
