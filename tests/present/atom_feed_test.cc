#include "present/atom_feed.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "ingest/record_reader.h"
#include "library/corpus.h"
#include "support/temp_dir.h"

namespace paperdeck::present {
namespace {

using ::testing::ElementsAre;

AtomFeedFacts Facts() {
  AtomFeedFacts facts;
  facts.id = SavedSearchFeedId(7, "2026-11-30T08:15:00Z");
  facts.title = "PaperDeck: mamba — title:mamba";
  facts.self_url = "http://127.0.0.1:8080/feeds/mamba.atom";
  facts.page_url = "http://127.0.0.1:8080/?q=title%3Amamba&sort=added";
  facts.base_url = "http://127.0.0.1:8080";
  facts.updated_when_empty = "2026-11-30T08:15:00Z";
  return facts;
}

library::StoredPaper ArxivPaper() {
  library::StoredPaper p;
  p.key = 1;
  PaperRecord& r = p.record;
  r.id = "2405.16605";
  r.arxiv_id = "2405.16605";
  r.title = "Demystify Mamba in Vision: A Linear Attention Perspective";
  r.authors = {"Dongchen Han", "Ziyi Wang", "Zhuofan Xia", "Yizeng Han"};
  r.abstract = "Mamba is an effective state space model with linear computation complexity.";
  r.categories = {"cs.CV", "cs.LG"};
  r.published = "2024-05-26";
  r.updated = "2024-06-02";
  return p;
}

library::StoredPaper DoiPaper() {
  library::StoredPaper p;
  p.key = 2;
  PaperRecord& r = p.record;
  r.id = "doi:10.1145/3292500.3330701";
  r.doi = "10.1145/3292500.3330701";
  r.title = "Optuna: A Next-generation Hyperparameter Optimization Framework";
  r.authors = {"Takuya Akiba"};
  r.published = "2019-07-25";
  return p;
}

pugi::xml_document Parse(const std::string& xml) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  EXPECT_TRUE(parsed) << parsed.description() << " at byte " << parsed.offset << " of\n" << xml;
  return doc;
}

std::vector<pugi::xml_node> Children(pugi::xml_node node, const char* name) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c : node.children(name)) out.push_back(c);
  return out;
}

// RFC 3339 as RFC 4287 3.3 restricts it (an upper-case T and Z, or an offset).
bool IsAtomDate(const std::string& s) {
  static const std::regex kDate(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
  return std::regex_match(s, kDate);
}

bool IsAbsoluteIri(const std::string& s) {
  static const std::regex kIri(R"([A-Za-z][A-Za-z0-9+.-]*:[^\s<>"]+)");
  return std::regex_match(s, kIri);
}

// Every element RFC 4287 requires of a feed and its entries, with the cardinalities it sets.
void ExpectValidAtom(const pugi::xml_document& doc) {
  pugi::xml_node feed = doc.child("feed");
  ASSERT_TRUE(feed) << "the root is atom:feed";
  EXPECT_STREQ(feed.attribute("xmlns").value(), "http://www.w3.org/2005/Atom");
  ASSERT_EQ(Children(feed, "id").size(), 1u);
  EXPECT_TRUE(IsAbsoluteIri(feed.child_value("id"))) << feed.child_value("id");
  ASSERT_EQ(Children(feed, "title").size(), 1u);
  ASSERT_EQ(Children(feed, "updated").size(), 1u);
  EXPECT_TRUE(IsAtomDate(feed.child_value("updated"))) << feed.child_value("updated");
  EXPECT_LE(Children(feed, "generator").size(), 1u);
  EXPECT_LE(Children(feed, "subtitle").size(), 1u);
  const bool feed_has_author = !Children(feed, "author").empty();
  for (pugi::xml_node author : feed.children("author")) {
    EXPECT_EQ(Children(author, "name").size(), 1u);
  }
  // A feed should have a self link (4.2.7.2 recommends it) and at most one alternate per type.
  std::multiset<std::string> feed_alternates;
  bool self = false;
  for (pugi::xml_node link : feed.children("link")) {
    EXPECT_TRUE(IsAbsoluteIri(link.attribute("href").value())) << link.attribute("href").value();
    std::string rel = link.attribute("rel").value();
    if (rel == "self") self = true;
    if (rel == "alternate" || rel.empty()) feed_alternates.insert(link.attribute("type").value());
  }
  EXPECT_TRUE(self);
  for (const std::string& type : feed_alternates) EXPECT_EQ(feed_alternates.count(type), 1u);

  std::set<std::string> ids;
  for (pugi::xml_node entry : feed.children("entry")) {
    ASSERT_EQ(Children(entry, "id").size(), 1u);
    std::string id = entry.child_value("id");
    EXPECT_TRUE(IsAbsoluteIri(id)) << id;
    EXPECT_TRUE(ids.insert(id).second) << "two entries share the id " << id;
    ASSERT_EQ(Children(entry, "title").size(), 1u);
    ASSERT_EQ(Children(entry, "updated").size(), 1u);
    EXPECT_TRUE(IsAtomDate(entry.child_value("updated"))) << entry.child_value("updated");
    EXPECT_LE(Children(entry, "published").size(), 1u);
    if (pugi::xml_node published = entry.child("published")) {
      EXPECT_TRUE(IsAtomDate(published.child_value()));
    }
    EXPECT_LE(Children(entry, "summary").size(), 1u);
    EXPECT_TRUE(feed_has_author || !Children(entry, "author").empty())
        << "an entry without an author needs the feed's (4.1.1)";
    for (pugi::xml_node author : entry.children("author")) {
      EXPECT_EQ(Children(author, "name").size(), 1u);
      EXPECT_STRNE(author.child_value("name"), "");
    }
    for (pugi::xml_node category : entry.children("category")) {
      EXPECT_STRNE(category.attribute("term").value(), "");
    }
    // No content: an alternate link is required, and at most one per type (4.1.1, 4.1.2).
    EXPECT_FALSE(entry.child("content"));
    std::multiset<std::string> alternates;
    for (pugi::xml_node link : entry.children("link")) {
      EXPECT_TRUE(IsAbsoluteIri(link.attribute("href").value())) << link.attribute("href").value();
      std::string rel = link.attribute("rel").value();
      if (rel == "alternate" || rel.empty()) alternates.insert(link.attribute("type").value());
    }
    EXPECT_FALSE(alternates.empty()) << "entry " << id << " has no alternate link";
    for (const std::string& type : alternates) EXPECT_EQ(alternates.count(type), 1u);
  }
}

// href of the entry's link with rel (and type, when given).
std::string LinkHref(pugi::xml_node entry, const std::string& rel, const std::string& type = {}) {
  for (pugi::xml_node link : entry.children("link")) {
    if (link.attribute("rel").value() == rel &&
        (type.empty() || link.attribute("type").value() == type)) {
      return link.attribute("href").value();
    }
  }
  return {};
}

TEST(AtomFeedTest, FeedAndEntriesCarryEveryRequiredElement) {
  std::vector<library::StoredPaper> papers = {ArxivPaper(), DoiPaper()};
  std::string xml = WriteAtomFeed(Facts(), papers);
  EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>", 0), 0u) << xml;
  pugi::xml_document doc = Parse(xml);
  ExpectValidAtom(doc);

  pugi::xml_node feed = doc.child("feed");
  EXPECT_STREQ(feed.child_value("id"),
               "tag:paperdeck.local,2026-11-30:saved-search:7:2026-11-30T08%3A15%3A00Z");
  EXPECT_STREQ(feed.child_value("title"), "PaperDeck: mamba — title:mamba");
  // The newest entry's time: the Mamba paper's v2 of June 2, 2024.
  EXPECT_STREQ(feed.child_value("updated"), "2024-06-02T00:00:00Z");
  EXPECT_EQ(LinkHref(feed, "self"), "http://127.0.0.1:8080/feeds/mamba.atom");
  EXPECT_EQ(LinkHref(feed, "alternate"), "http://127.0.0.1:8080/?q=title%3Amamba&sort=added");

  std::vector<pugi::xml_node> entries = Children(feed, "entry");
  ASSERT_EQ(entries.size(), 2u);
  pugi::xml_node mamba = entries[0];
  EXPECT_STREQ(mamba.child_value("id"), "https://arxiv.org/abs/2405.16605");
  EXPECT_STREQ(mamba.child_value("title"),
               "Demystify Mamba in Vision: A Linear Attention Perspective");
  std::vector<std::string> authors;
  for (pugi::xml_node a : mamba.children("author")) authors.push_back(a.child_value("name"));
  EXPECT_THAT(authors, ElementsAre("Dongchen Han", "Ziyi Wang", "Zhuofan Xia", "Yizeng Han"));
  EXPECT_STREQ(mamba.child_value("summary"),
               "Mamba is an effective state space model with linear computation complexity.");
  EXPECT_STREQ(mamba.child("summary").attribute("type").value(), "text");
  EXPECT_STREQ(mamba.child_value("published"), "2024-05-26T00:00:00Z");
  EXPECT_STREQ(mamba.child_value("updated"), "2024-06-02T00:00:00Z");
  std::vector<std::string> categories;
  for (pugi::xml_node c : mamba.children("category")) categories.push_back(c.attribute("term").value());
  EXPECT_THAT(categories, ElementsAre("cs.CV", "cs.LG"));
  EXPECT_EQ(LinkHref(mamba, "alternate"), "https://arxiv.org/abs/2405.16605");
  EXPECT_EQ(LinkHref(mamba, "related", "text/html"), "http://127.0.0.1:8080/paper/2405.16605");
  EXPECT_EQ(LinkHref(mamba, "related", "application/pdf"), "https://arxiv.org/pdf/2405.16605");

  // A paper without arXiv id or link: a tag IRI of its canonical id, its DOI as the alternate and
  // the server's page beside it; no abstract, no summary.
  pugi::xml_node optuna = entries[1];
  EXPECT_STREQ(optuna.child_value("id"),
               "tag:paperdeck.local,2026:paper:doi%3A10.1145%2F3292500.3330701");
  EXPECT_EQ(LinkHref(optuna, "alternate"), "https://doi.org/10.1145/3292500.3330701");
  EXPECT_EQ(LinkHref(optuna, "related", "text/html"),
            "http://127.0.0.1:8080/paper/doi%3A10.1145%2F3292500.3330701");
  EXPECT_FALSE(optuna.child("summary"));
}

TEST(AtomFeedTest, AnEmptyFeedIsStillValidAndDatedByItsFacts) {
  std::string xml = WriteAtomFeed(Facts(), {});
  pugi::xml_document doc = Parse(xml);
  ExpectValidAtom(doc);
  EXPECT_STREQ(doc.child("feed").child_value("updated"), "2026-11-30T08:15:00Z");
  EXPECT_FALSE(doc.child("feed").child("entry"));
}

TEST(AtomFeedTest, HostileTextComesOutAsText) {
  library::StoredPaper p = ArxivPaper();
  p.record.title = "<script>alert(1)</script> ]]> &amp; \x01\x0b\x1f ok\x7f";
  p.record.abstract = "<![CDATA[x]]> </summary><entry><id>forged</id>";
  p.record.authors = {"\"Quote\" & <Angle>", "\x02"};  // the second is nothing once cleaned
  p.record.categories = {"cs.\"LG\""};
  std::vector<library::StoredPaper> papers = {p};
  std::string xml = WriteAtomFeed(Facts(), papers);
  EXPECT_EQ(xml.find("<script>"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<![CDATA["), std::string::npos) << xml;
  EXPECT_EQ(xml.find('\x01'), std::string::npos);
  EXPECT_EQ(xml.find('\x0b'), std::string::npos);

  pugi::xml_document doc = Parse(xml);
  ExpectValidAtom(doc);
  pugi::xml_node feed = doc.child("feed");
  ASSERT_EQ(Children(feed, "entry").size(), 1u);
  pugi::xml_node entry = feed.child("entry");
  // The characters XML 1.0 forbids are gone; the rest is the title, character for character.
  EXPECT_STREQ(entry.child_value("title"), "<script>alert(1)</script> ]]> &amp;  ok\x7f");
  EXPECT_FALSE(entry.child("title").first_element_by_path("script"));
  EXPECT_STREQ(entry.child_value("summary"), "<![CDATA[x]]> </summary><entry><id>forged</id>");
  EXPECT_EQ(Children(entry, "id").size(), 1u);
  std::vector<std::string> authors;
  for (pugi::xml_node a : entry.children("author")) authors.push_back(a.child_value("name"));
  EXPECT_THAT(authors, ElementsAre("\"Quote\" & <Angle>"));
  EXPECT_STREQ(entry.child("category").attribute("term").value(), "cs.\"LG\"");
}

TEST(AtomFeedTest, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  library::StoredPaper p = ArxivPaper();
  p.record.title = std::string("caf\xC3\xA9 \xFF\xFE bad \xEF\xBF\xBE end");  // U+FFFE dropped
  std::vector<library::StoredPaper> papers = {p};
  pugi::xml_document doc = Parse(WriteAtomFeed(Facts(), papers));
  EXPECT_STREQ(doc.child("feed").child("entry").child_value("title"),
               "caf\xC3\xA9 \xEF\xBF\xBD\xEF\xBF\xBD bad  end");
}

TEST(AtomFeedTest, TheSamePapersGiveTheSameBytes) {
  std::vector<library::StoredPaper> papers = {ArxivPaper(), DoiPaper()};
  EXPECT_EQ(WriteAtomFeed(Facts(), papers), WriteAtomFeed(Facts(), papers));
  std::string before = WriteAtomFeed(Facts(), papers);
  papers[1].record.title += " (revised)";
  EXPECT_NE(WriteAtomFeed(Facts(), papers), before);
}

TEST(AtomFeedTest, FeedIdKeepsToTheSavedSearchNotItsName) {
  EXPECT_EQ(SavedSearchFeedId(3, "2026-12-01T10:00:00Z"),
            "tag:paperdeck.local,2026-12-01:saved-search:3:2026-12-01T10%3A00%3A00Z");
  EXPECT_NE(SavedSearchFeedId(3, "2026-12-01T10:00:00Z"),
            SavedSearchFeedId(4, "2026-12-01T10:00:00Z"));
  EXPECT_NE(SavedSearchFeedId(3, "2026-12-01T10:00:00Z"),
            SavedSearchFeedId(3, "2026-12-01T10:00:01Z"));
}

TEST(AtomFeedTest, PercentEncodeKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(PercentEncode("diffusion models"), "diffusion%20models");
  EXPECT_EQ(PercentEncode("hep-th/9901001"), "hep-th%2F9901001");
  EXPECT_EQ(PercentEncode("a~b_c.d"), "a~b_c.d");
  EXPECT_EQ(PercentEncode("é"), "%C3%A9");
}

// Every paper of the reference page, stored and read back from a corpus, makes a valid entry.
TEST(AtomFeedTest, EveryStoredPaperOfTheSeedPageMakesAValidEntry) {
  testing::TempDir dir("atom-feed");
  Result<std::unique_ptr<library::Corpus>> corpus = library::Corpus::Open(dir.path());
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  Result<std::unique_ptr<ingest::RecordReader>> reader =
      ingest::RecordReader::Open(std::string(PAPERDECK_TEST_DATA) + "/seed-page.jsonl");
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  std::vector<PaperRecord> records;
  PaperRecord record;
  ingest::ReadIssue issue;
  for (ingest::ReadOutcome outcome; (outcome = (*reader)->Next(&record, &issue)) !=
                                    ingest::ReadOutcome::kEnd;) {
    ASSERT_EQ(outcome, ingest::ReadOutcome::kRecord) << issue.ToString();
    records.push_back(record);
  }
  ASSERT_TRUE((*corpus)->Upsert(records).ok());
  std::vector<library::StoredPaper> papers;
  ASSERT_TRUE((*corpus)
                  ->ChangedSince(0, [&](const library::StoredPaper& p) {
                    papers.push_back(p);
                    return true;
                  })
                  .ok());
  ASSERT_EQ(papers.size(), records.size());

  std::string xml = WriteAtomFeed(Facts(), papers);
  pugi::xml_document doc = Parse(xml);
  ExpectValidAtom(doc);
  std::vector<pugi::xml_node> entries = Children(doc.child("feed"), "entry");
  ASSERT_EQ(entries.size(), papers.size());
  for (size_t i = 0; i < papers.size(); ++i) {
    EXPECT_EQ(entries[i].child_value("title"), papers[i].record.title);
    EXPECT_EQ(entries[i].child_value("id"), AtomEntryId(papers[i].record));
  }
}

}  // namespace
}  // namespace paperdeck::present
