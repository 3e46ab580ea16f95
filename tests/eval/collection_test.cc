// Loading a collection: the three files as the format says, and errors that name file and line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "eval/collection.h"
#include "support/temp_dir.h"

namespace paperdeck::eval {
namespace {

const std::filesystem::path kTiny = std::filesystem::path(PAPERDECK_TEST_DATA) / "eval" / "tiny";

// A collection directory written by the test, removed after it.
class CollectionDir {
 public:
  CollectionDir(const std::string& docs, const std::string& queries, const std::string& qrels) {
    std::ofstream(dir_ / "docs.jsonl") << docs;
    std::ofstream(dir_ / "queries.jsonl") << queries;
    std::ofstream(dir_ / "qrels.tsv") << qrels;
  }
  const std::filesystem::path& path() const { return dir_.path(); }

 private:
  ::paperdeck::testing::TempDir dir_;
};

const char* kDocs = "{\"id\": \"d1\", \"title\": \"T\", \"text\": \"x\"}\n";
const char* kQueries = "{\"id\": \"q1\", \"text\": \"x\"}\n";
const char* kQrels = "q1\td1\t1\n";

std::string LoadError(const std::string& docs, const std::string& queries,
                      const std::string& qrels) {
  CollectionDir dir(docs, queries, qrels);
  Result<Collection> c = LoadCollection(dir.path());
  EXPECT_FALSE(c.ok());
  std::string message = c.status().message();
  const std::string prefix = dir.path().string() + "/";
  if (message.rfind(prefix, 0) == 0) message = message.substr(prefix.size());
  return message;
}

TEST(Collection, LoadsTheTinyCollection) {
  Result<Collection> c = LoadCollection(kTiny);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->docs.size(), 8u);
  EXPECT_EQ(c->docs[0].id, "1");
  EXPECT_EQ(c->docs[0].title, "Sparse attention for long documents");
  EXPECT_EQ(c->docs[6].id, "7");  // a number in the JSON is its decimal text
  EXPECT_EQ(c->docs[7].title, "");
  ASSERT_EQ(c->queries.size(), 5u);
  EXPECT_EQ(c->queries[4].id, "q5");
  EXPECT_EQ(c->qrels.at("q1").at("2"), 3);
  EXPECT_EQ(c->qrels.at("q1").at("3"), 0);
  EXPECT_EQ(c->qrels.size(), 5u);
}

TEST(Collection, BlankLinesAndWindowsLineEndsAreAccepted) {
  CollectionDir dir(std::string("\n") + kDocs + "\n", "{\"id\":\"q1\",\"text\":\"x\"}\r\n",
                    "q1\td1\t2\r\n\n");
  Result<Collection> c = LoadCollection(dir.path());
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->qrels.at("q1").at("d1"), 2);
}

TEST(Collection, ErrorsNameTheFileAndLine) {
  EXPECT_EQ(LoadError(std::string(kDocs) + "{\"id\": \"d2\", \"text\": \n", kQueries, kQrels),
            "docs.jsonl:2: not valid JSON");
  EXPECT_EQ(LoadError("[1, 2]\n", kQueries, kQrels), "docs.jsonl:1: not a JSON object");
  EXPECT_EQ(LoadError("{\"title\": \"T\", \"text\": \"x\"}\n", kQueries, kQrels),
            "docs.jsonl:1: no \"id\" (a non-empty string)");
  EXPECT_EQ(LoadError("{\"id\": \"d1\", \"title\": \"T\"}\n", kQueries, kQrels),
            "docs.jsonl:1: no \"text\" (a string)");
  EXPECT_EQ(LoadError("{\"id\": \"d1\", \"title\": 5, \"text\": \"x\"}\n", kQueries, kQrels),
            "docs.jsonl:1: \"title\" is not a string");
  EXPECT_EQ(LoadError(std::string(kDocs) + "\n" + kDocs, kQueries, kQrels),
            "docs.jsonl:3: document id \"d1\" appears twice");
  EXPECT_EQ(LoadError(kDocs, "{\"id\": \"q1\"}\n", kQrels), "queries.jsonl:1: no \"text\" (a string)");
  EXPECT_EQ(LoadError(kDocs, std::string(kQueries) + kQueries, kQrels),
            "queries.jsonl:2: query id \"q1\" appears twice");
  EXPECT_EQ(LoadError(kDocs, kQueries, "q1 d1 1\n"),
            "qrels.tsv:1: expected qid<TAB>docid<TAB>rel, found 1 column(s)");
  EXPECT_EQ(LoadError(kDocs, kQueries, "q1\td1\t1\nq1\td2\thigh\n"),
            "qrels.tsv:2: relevance \"high\" is not an integer");
  EXPECT_EQ(LoadError(kDocs, kQueries, "q1\t\t1\n"), "qrels.tsv:1: empty query or document id");
}

TEST(Collection, AMissingFileIsNamed) {
  CollectionDir dir(kDocs, kQueries, kQrels);
  std::filesystem::remove(dir.path() / "qrels.tsv");
  Result<Collection> c = LoadCollection(dir.path());
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(),
            (dir.path() / "qrels.tsv").string() + ": cannot open (missing or unreadable)");
}

}  // namespace
}  // namespace paperdeck::eval
