// GET /api/suggest over loopback, on the reference page's papers: words shown as papers write
// them, the rest of the box kept, authors' full names, titles, the user's tags and saved
// searches, a field completing its own kind, and bad parameters.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "http/loopback_api.h"
#include "support/quoting.h"

namespace paperdeck::http {
namespace {

using ::paperdeck::testing::PercentEncode;
using json = nlohmann::json;

class SuggestApiTest : public LoopbackApiTest {
 protected:
  json Suggest(const std::string& q, const std::string& extra = "") {
    Answer a = Get("/api/suggest?q=" + PercentEncode(q) + extra);
    EXPECT_EQ(a.status, 200) << q << ": " << a.body.dump();
    EXPECT_EQ(a.body["q"], q);
    return a.body["suggestions"];
  }
  // The first suggestion of kind, or null.
  static json First(const json& list, const std::string& kind) {
    for (const json& s : list) {
      if (s["kind"] == kind) return s;
    }
    return nullptr;
  }
  uint64_t Total(const std::string& q) {
    Answer a = Get("/api/search?exact=1&q=" + PercentEncode(q));
    EXPECT_EQ(a.status, 200);
    return a.body["total"].get<uint64_t>();
  }
};

TEST_F(SuggestApiTest, ALastWordIsCompletedAsPapersWriteItAndTheRestIsKept) {
  json list = Suggest("atten");
  ASSERT_FALSE(list.empty());
  // The index holds the stem "attent"; the list shows the word, and counts its papers.
  EXPECT_EQ(list[0], (json{{"kind", "word"}, {"text", "attention"}, {"query", "attention"},
                           {"papers", Total("attention")}}));
  EXPECT_EQ(Total("attention"), 35u);

  // A whole word is still offered (its term no longer begins with it), and a prefix that is
  // also a stem is shown as the papers write it.
  EXPECT_EQ(First(Suggest("attention"), "word")["text"], "attention");
  EXPECT_EQ(First(Suggest("attent"), "word")["text"], "attention");
  // The whole of a compound is not offered for a plain word ("Attention-Guided").
  for (const json& s : Suggest("atten")) {
    if (s["kind"] != "word") continue;
    EXPECT_EQ(s["text"].get<std::string>().find('-'), std::string::npos) << s.dump();
  }
  // Earlier words are kept byte for byte; a word's own capitals (MiniMax) are kept.
  json two = Suggest("Sparse  transf");
  ASSERT_FALSE(First(two, "word").is_null());
  EXPECT_EQ(First(two, "word")["query"], "Sparse  " + First(two, "word")["text"].get<std::string>());
  EXPECT_THAT(First(two, "word")["text"].get<std::string>(), ::testing::StartsWith("transf"));
  std::vector<std::string> minim;
  for (const json& s : Suggest("minim")) minim.push_back(s["text"]);
  EXPECT_THAT(minim, ::testing::Contains("MiniMax"));
  EXPECT_THAT(minim, ::testing::Not(::testing::Contains("minimax")));

  // Nothing for an empty box or one ending in a space (the next word is not begun).
  EXPECT_TRUE(Suggest("").empty());
  EXPECT_TRUE(Suggest("attention ").empty());
  EXPECT_TRUE(Suggest("qqqzz").empty());
}

TEST_F(SuggestApiTest, AuthorsByFullNameAndTitlesByTheirPhrase) {
  json author = First(Suggest("beltag"), "author");
  ASSERT_FALSE(author.is_null());
  EXPECT_EQ(author, (json{{"kind", "author"}, {"text", "Iz Beltagy"},
                          {"query", "author:\"Iz Beltagy\""}}));
  EXPECT_GE(Total(author["query"]), 1u);
  // An author's field completes authors only, and keeps the words before it.
  json only = Suggest("longformer author:beltag");
  ASSERT_EQ(only.size(), 1u) << only.dump();
  EXPECT_EQ(only[0]["query"], "longformer author:\"Iz Beltagy\"");
  EXPECT_EQ(Total(only[0]["query"]), 1u);

  json title = First(Suggest("longfor"), "title");
  ASSERT_FALSE(title.is_null());
  EXPECT_EQ(title["text"], "Longformer: The Long-Document Transformer");
  EXPECT_EQ(title["query"], "title:\"Longformer: The Long-Document Transformer\"");
  EXPECT_EQ(Total(title["query"]), 1u);
  // Titles hold the box's earlier words too.
  json titles = Suggest("transformer attent");
  for (const json& s : titles) {
    if (s["kind"] != "title") continue;
    std::string t = s["text"];
    EXPECT_THAT(t, ::testing::ContainsRegex("[Tt]ransformer")) << t;
    EXPECT_THAT(t, ::testing::ContainsRegex("[Aa]ttenti")) << t;
  }
}

TEST_F(SuggestApiTest, TheUsersTagsAndSavedSearches) {
  Answer found = Get("/api/search?q=longformer");
  ASSERT_EQ(found.status, 200);
  const std::string id = found.body["results"][0]["id"];
  Answer tagged = Write("POST", "/api/papers/" + PercentEncode(id) + "/tags",
                        json{{"add", {"reading-list", "Long-docs"}}});
  ASSERT_EQ(tagged.status, 200) << tagged.body.dump();
  Answer saved = Write("POST", "/api/watches",
                       json{{"name", "readers"}, {"query", "longformer OR reformer"}, {"pull", false}});
  ASSERT_EQ(saved.status, 201) << saved.body.dump();

  json list = Suggest("rea");
  EXPECT_EQ(First(list, "tag"),
            (json{{"kind", "tag"}, {"text", "reading-list"}, {"query", "tag:reading-list"}, {"papers", 1}}));
  EXPECT_EQ(First(list, "saved-search"),
            (json{{"kind", "saved-search"}, {"text", "readers"}, {"query", "longformer OR reformer"}}));
  // A saved search also answers the start of its query; a tag's field gives tags only, as
  // first written.
  EXPECT_EQ(First(Suggest("longformer OR"), "saved-search")["text"], "readers");
  json tags = Suggest("attention tag:lo");
  ASSERT_EQ(tags.size(), 1u) << tags.dump();
  EXPECT_EQ(tags[0]["query"], "attention tag:Long-docs");
  EXPECT_EQ(Total(tags[0]["query"]), 1u);
}

TEST_F(SuggestApiTest, LimitsAndBadParameters) {
  EXPECT_LE(Suggest("a", "&limit=2").size(), 2u);
  EXPECT_GT(Suggest("a").size(), 2u);
  for (const char* bad : {"&limit=0", "&limit=21", "&limit=x"}) {
    Answer a = Get(std::string("/api/suggest?q=atten") + bad);
    EXPECT_EQ(a.status, 400) << bad;
    EXPECT_EQ(a.body["param"], "limit");
  }
  Answer long_q = Get("/api/suggest?q=" + std::string(1025, 'a'));
  EXPECT_EQ(long_q.status, 400);
  EXPECT_EQ(long_q.body["param"], "q");
  Answer invalid = Get("/api/suggest?q=%ff");
  EXPECT_EQ(invalid.status, 400);
}

}  // namespace
}  // namespace paperdeck::http
