// A data directory written by an older build opens, migrates and keeps everything, above all
// what the user cannot fetch again: papers, fetch marks, pulls and feed state. The fixture
// (tests/data/library/corpus-schema2.sql, see tests/data/README.md) is the `.dump` of a corpus
// written at schema version 2 with `fetched:` marks in meta, two of them for papers removed
// since. The expected values below are what that build answered before the dump.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <sqlite3.h>

#include "corpus_test_support.h"
#include "library/corpus.h"
#include "library/schema.h"
#include "library/sqlite_handle.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;
using testing::ScratchDir;

// Writes data_dir/corpus.db from the schema-2 dump, as `sqlite3 corpus.db < dump` would.
void LoadSchemaTwoCorpus(const std::filesystem::path& data_dir) {
  std::filesystem::create_directories(data_dir);
  std::ifstream in(std::string(PAPERDECK_TEST_DATA) + "/library/corpus-schema2.sql");
  ASSERT_TRUE(in) << "missing fixture corpus-schema2.sql";
  const std::string dump((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Result<std::unique_ptr<Database>> db = Database::Open(data_dir / "corpus.db");
  ASSERT_TRUE(db.ok()) << db.status().message();
  Status loaded = (*db)->Exec(dump);
  ASSERT_TRUE(loaded.ok()) << loaded.message();
}

std::unique_ptr<Corpus> OpenMigrated(const ScratchDir& dir) {
  LoadSchemaTwoCorpus(dir.path());
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path());
  EXPECT_TRUE(corpus.ok()) << corpus.status().message();
  return corpus.ok() ? std::move(corpus).value() : nullptr;
}

// Every row of a query on a connection of its own, its columns joined by '|'.
std::vector<std::string> Rows(const std::filesystem::path& data_dir, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open((data_dir / "corpus.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* query = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &query, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db) << " in " << sql;
  while (query && sqlite3_step(query) == SQLITE_ROW) {
    std::string line;
    for (int c = 0; c < sqlite3_column_count(query); ++c) {
      if (c > 0) line += "|";
      const unsigned char* text = sqlite3_column_text(query, c);
      if (text) line += reinterpret_cast<const char*>(text);
    }
    out.push_back(std::move(line));
  }
  sqlite3_finalize(query);
  sqlite3_close(db);
  return out;
}

std::map<int64_t, std::string> Sorted(const std::unordered_map<int64_t, std::string>& m) {
  return std::map<int64_t, std::string>(m.begin(), m.end());
}

constexpr const char* kMarkTime = "2026-12-02T07:42:25Z";
constexpr const char* kLaterTime = "2026-12-02T07:42:27Z";

TEST(MigrationTest, ASchemaTwoCorpusKeepsItsPapersMarksPullsAndState) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = OpenMigrated(dir);
  ASSERT_TRUE(corpus);

  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(SchemaVersion(**db).value(), kSchemaVersion);
    EXPECT_EQ(kSchemaVersion, 8);
  }

  // Every paper, in key order; 8 and 24 were removed before the dump.
  std::vector<int64_t> keys;
  std::vector<std::string> ids;
  ASSERT_TRUE(corpus
                  ->ChangedSince(0,
                                 [&](const StoredPaper& p) {
                                   keys.push_back(p.key);
                                   ids.push_back(p.record.id);
                                   return true;
                                 })
                  .ok());
  std::vector<int64_t> expected_keys;
  for (int64_t k = 1; k <= 30; ++k) {
    if (k != 8 && k != 24) expected_keys.push_back(k);
  }
  EXPECT_EQ(keys, expected_keys);
  EXPECT_EQ(ids.front(), "2503.11731");
  EXPECT_EQ(ids[21], "h:0d8ba070e5fc86fd");  // key 23
  EXPECT_EQ(ids.back(), "doi:10.5555/example.2025.42");
  EXPECT_EQ(corpus->Revision().value(), 8);
  EXPECT_EQ(corpus->Stats().value().papers, 28u);
  EXPECT_FALSE(corpus->Find("2503.11794").value().has_value());

  // Every kind of column reads back as the old build stored it.
  StoredPaper splatting = corpus->Find("2503.11731").value().value();
  EXPECT_EQ(splatting.key, 1);
  EXPECT_EQ(splatting.record.title,
            "Industrial-Grade Sensor Simulation via Gaussian Splatting: A Modular Framework for "
            "Scalable Editing and Full-Stack Validation");
  EXPECT_EQ(splatting.record.authors.size(), 16u);
  EXPECT_EQ(splatting.record.authors.front(), "Xianming Zeng");
  EXPECT_THAT(splatting.record.categories, ElementsAre("cs.CV", "cs.RO"));
  EXPECT_EQ(splatting.record.published, "2025-03-18");
  EXPECT_EQ(splatting.record.venue, "CVPR 2025");
  EXPECT_EQ(splatting.record.year, 2025);
  EXPECT_EQ(splatting.record.citations, 3);
  EXPECT_EQ(splatting.record.upvotes, std::nullopt);
  EXPECT_THAT(splatting.record.badges, ElementsAre("arxiv"));

  StoredPaper color = corpus->Find("2503.11781").value().value();
  EXPECT_EQ(color.record.upvotes, 12);
  EXPECT_THAT(color.record.badges, ElementsAre("arxiv", "paper"));

  StoredPaper mamba = corpus->Find("h:bd2e685213392f0a").value().value();
  EXPECT_EQ(mamba.record.title, "Demystify Mamba in Vision: A Linear Attention Perspective");
  EXPECT_FALSE(mamba.record.authors_complete);
  EXPECT_EQ(mamba.record.citations, 237);
  EXPECT_EQ(mamba.record.venue, "NeurIPS 2024");

  StoredPaper diphoton = corpus->Find("0704.0001").value().value();
  EXPECT_EQ(diphoton.record.doi, "10.1103/physrevd.76.013009");
  EXPECT_EQ(diphoton.record.authors.front(), "C. Balázs");
  ASSERT_EQ(diphoton.record.versions.size(), 2u);
  EXPECT_EQ(diphoton.record.versions[1].name, "v2");
  EXPECT_EQ(diphoton.record.versions[1].date, "Tue, 24 Jul 2007 20:10:27 GMT");
  EXPECT_EQ(diphoton.record.comments, "37 pages, 15 figures; published version");
  EXPECT_EQ(diphoton.record.journal_ref, "Phys.Rev.D76:013009,2007");
  EXPECT_EQ(diphoton.record.updated, "2008-11-13");

  StoredPaper unicode = corpus->Find("10.5555/example.2025.42").value().value();
  EXPECT_EQ(unicode.record.title, "Größenordnungen: 注意力 is all you need, again");
  EXPECT_THAT(unicode.record.authors, ElementsAre("Zoë Ångström", "Li Wéi", "Ada Lovelace"));
  EXPECT_FALSE(unicode.record.authors_complete);
  EXPECT_THAT(unicode.record.links,
              ElementsAre("https://example.org/paper", "https://example.org/code"));
  EXPECT_TRUE(unicode.record.is_new);
  EXPECT_EQ(unicode.record.citations, 0);

  // Provenance is untouched.
  EXPECT_EQ(Rows(dir.path(), "SELECT COUNT(*) FROM provenance"),
            std::vector<std::string>{"281"});
  EXPECT_EQ(corpus->ProvenanceOf(5).value().back().source, "huggingface");

  // The fetch marks answer as before, but for the two removed papers.
  std::map<int64_t, std::string> scholar;
  for (int64_t k = 1; k <= 7; ++k) scholar[k] = kMarkTime;
  EXPECT_EQ(Sorted(corpus->LastFetched("semantic-scholar").value()), scholar);
  // 5: a provenance row newer than its mark; 6: marked twice.
  std::map<int64_t, std::string> hugging = {
      {4, kMarkTime}, {5, kLaterTime}, {6, kLaterTime}, {23, kMarkTime}};
  EXPECT_EQ(Sorted(corpus->LastFetched("huggingface").value()), hugging);
  // From provenance alone.
  std::map<int64_t, std::string> imported;
  for (int64_t k = 1; k <= 22; ++k) {
    if (k != 8) imported[k] = "2026-12-02T07:42:23Z";
  }
  EXPECT_EQ(Sorted(corpus->LastFetched("arxiv-jsonl").value()), imported);

  // The marks moved out of meta, and those of removed papers are gone; schema 6 added the
  // library's revision.
  EXPECT_EQ(Rows(dir.path(), "SELECT name FROM meta ORDER BY name"),
            (std::vector<std::string>{"library_revision", "revision", "schema_version",
                                      "state:oai:arXiv", "state:oai:arXiv:cs"}));
  EXPECT_EQ(Rows(dir.path(), "SELECT source, COUNT(*) FROM fetch_marks GROUP BY source "
                             "ORDER BY source"),
            (std::vector<std::string>{"huggingface|4", "semantic-scholar|7"}));
  EXPECT_TRUE(Rows(dir.path(), "PRAGMA foreign_key_check").empty());

  // Pulls, imports and state.
  std::vector<Corpus::Pull> pulls = corpus->RecentPulls(10).value();
  ASSERT_EQ(pulls.size(), 2u);
  EXPECT_EQ(pulls[0].source, "arxiv-api");
  EXPECT_EQ(pulls[0].query, "mamba --since 2025-03-01");
  EXPECT_EQ(pulls[0].remote_query, "all:mamba AND submittedDate:[202503010000 TO 209912312359]");
  EXPECT_EQ(pulls[0].started_at, kLaterTime);
  EXPECT_EQ(pulls[0].fetched, 0u);
  EXPECT_EQ(pulls[0].errors, 1u);
  EXPECT_EQ(pulls[0].message, "arXiv: HTTP 503 after 4 attempts");
  EXPECT_DOUBLE_EQ(pulls[0].seconds, 40.5);
  EXPECT_EQ(pulls[1].query, "cat:cs.CV splatting");
  EXPECT_EQ(pulls[1].remote_query, "cat:cs.CV AND all:splatting");
  EXPECT_EQ(pulls[1].fetched, 22u);
  EXPECT_EQ(pulls[1].added, 22u);
  EXPECT_EQ(pulls[1].updated, 0u);
  EXPECT_EQ(pulls[1].message, "");
  EXPECT_DOUBLE_EQ(pulls[1].seconds, 3.25);
  EXPECT_EQ(Rows(dir.path(), "SELECT file, format, added FROM imports ORDER BY id"),
            (std::vector<std::string>{"arxiv22.jsonl|arxiv-jsonl|22", "seed5.jsonl|paperdeck-jsonl|5",
                                      "snapshot2.jsonl|arxiv-snapshot|2",
                                      "extra1.jsonl|paperdeck-jsonl|1"}));
  EXPECT_EQ(corpus->State("oai:arXiv").value(), std::optional<std::string>("726959|1001"));
  EXPECT_EQ(corpus->State("oai:arXiv:cs").value(), std::optional<std::string>("496549|47001"));
}

TEST(MigrationTest, RemovingAMigratedPaperRemovesItsFetchMarks) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = OpenMigrated(dir);
  ASSERT_TRUE(corpus);
  ASSERT_TRUE(corpus->Remove("2503.11780").value());  // key 4: marked by both sources
  EXPECT_FALSE(corpus->LastFetched("semantic-scholar").value().contains(4));
  EXPECT_FALSE(corpus->LastFetched("huggingface").value().contains(4));
  EXPECT_TRUE(corpus->LastFetched("huggingface").value().contains(5));
  EXPECT_EQ(Rows(dir.path(), "SELECT COUNT(*) FROM fetch_marks WHERE paper_key = 4"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(Rows(dir.path(), "SELECT COUNT(*) FROM fetch_marks"), std::vector<std::string>{"9"});
}

// sqlite_schema without what differs between two files of one schema (root pages) or between
// two spellings of one statement (runs of white space).
std::vector<std::string> NormalisedSchema(const std::filesystem::path& data_dir) {
  std::vector<std::string> out;
  for (std::string row : Rows(data_dir, "SELECT type, name, tbl_name, sql FROM sqlite_schema")) {
    std::istringstream words(row);
    std::string word, line;
    while (words >> word) line += (line.empty() ? "" : " ") + word;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(MigrationTest, AMigratedCorpusHasTheSchemaOfANewOne) {
  ScratchDir migrated;
  ASSERT_TRUE(OpenMigrated(migrated));
  ScratchDir fresh;
  ASSERT_TRUE(Corpus::Open(fresh.path()).ok());
  std::vector<std::string> schema = NormalisedSchema(fresh.path());
  EXPECT_EQ(NormalisedSchema(migrated.path()), schema);
  EXPECT_TRUE(std::any_of(schema.begin(), schema.end(), [](const std::string& s) {
    return s.starts_with("table|fetch_marks|fetch_marks|CREATE TABLE fetch_marks");
  }));
  for (const char* table : {"library_papers", "tags", "paper_tags", "reading_states", "notes"}) {
    const std::string prefix = std::string("table|") + table + "|" + table + "|CREATE TABLE " + table;
    EXPECT_TRUE(std::any_of(schema.begin(), schema.end(),
                            [&](const std::string& s) { return s.starts_with(prefix); }))
        << table;
  }
}

// A migrated corpus takes the user's library at once: a paper of the old build gets tags, a
// state and a note, and keeps them across a re-import of what it was.
TEST(MigrationTest, AMigratedCorpusKeepsLibraryDataOnItsOldPapers) {
  ScratchDir dir;
  std::unique_ptr<Corpus> corpus = OpenMigrated(dir);
  ASSERT_TRUE(corpus);
  StoredPaper splatting = corpus->Find("2503.11731").value().value();
  ASSERT_TRUE(corpus->AddTags(splatting.key, std::vector<std::string>{"Splats"}).ok());
  ASSERT_TRUE(corpus->SetReadingState(std::vector<int64_t>{splatting.key}, ReadingState::kReading)
                  .ok());
  ASSERT_TRUE(corpus->AddNote(splatting.key, "note").ok());
  PaperRecord again = splatting.record;
  again.source = "arxiv-jsonl";
  again.citations = 4;
  ASSERT_EQ(corpus->Upsert(std::vector<PaperRecord>{again}).value().updated, 1u);
  LibraryEntry entry = corpus->LibraryOf(corpus->Find("2503.11731").value()->key).value();
  EXPECT_THAT(entry.tags, ElementsAre("Splats"));
  EXPECT_EQ(entry.notes.size(), 1u);
  EXPECT_TRUE(Rows(dir.path(), "PRAGMA foreign_key_check").empty());
}

// A version-2 database made by hand, with meta names the migration must read the way the old
// LastFetched did: the key after the last ':', the newest time of one paper and source.
TEST(MigrationTest, MarksAreSplitAtTheLastColonAndOrphansDropped) {
  ScratchDir dir;
  {
    Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path());
    ASSERT_TRUE(corpus.ok());
    PaperRecord a, b;
    a.arxiv_id = "2401.00001";
    a.title = "First";
    b.arxiv_id = "2401.00002";
    b.title = "Second";
    ASSERT_TRUE((*corpus)->Upsert(std::vector<PaperRecord>{a, b}).ok());
  }
  {
    Result<std::unique_ptr<Database>> db = Database::Open(dir.path() / "corpus.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec(R"sql(
DROP TABLE saved_search_shown;
DROP TABLE saved_searches;
DROP TABLE source_usage;
DROP INDEX papers_entered_revision;
DROP INDEX papers_added_at;
ALTER TABLE papers DROP COLUMN entered_revision;
DROP TABLE citation_keys;
DROP TABLE notes;
DROP TABLE reading_states;
DROP TABLE paper_tags;
DROP TABLE tags;
DROP TABLE library_papers;
DROP TABLE fetch_marks;
UPDATE meta SET value = '2' WHERE name = 'schema_version';
INSERT INTO meta(name, value) VALUES
  ('fetched:s2:1', '2026-01-01T00:00:00Z'),
  ('fetched:s2:01', '2026-01-02T00:00:00Z'),
  ('fetched:odd:source:2', '2026-01-03T00:00:00Z'),
  ('fetched:s2:99', '2026-01-04T00:00:00Z'),
  ('fetched:s2:', '2026-01-05T00:00:00Z'),
  ('fetched::2', '2026-01-06T00:00:00Z'),
  ('fetchedx:s2:2', '2026-01-07T00:00:00Z'),
  ('state:fetched:s2:2', 'kept');
)sql")
                    .ok());
  }
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path());
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  EXPECT_EQ(Rows(dir.path(), "SELECT paper_key, source, fetched_at FROM fetch_marks "
                             "ORDER BY paper_key, source"),
            (std::vector<std::string>{"1|s2|2026-01-02T00:00:00Z",
                                      "2|odd:source|2026-01-03T00:00:00Z"}));
  EXPECT_EQ(Rows(dir.path(), "SELECT name FROM meta ORDER BY name"),
            (std::vector<std::string>{"fetchedx:s2:2", "library_revision", "revision",
                                      "schema_version", "state:fetched:s2:2"}));
  EXPECT_EQ(Sorted((*corpus)->LastFetched("odd:source").value()),
            (std::map<int64_t, std::string>{{2, "2026-01-03T00:00:00Z"}}));
}

TEST(FetchMarksTest, MarksAreReplacedAndPapersNoLongerStoredAreSkipped) {
  ScratchDir dir;
  Result<std::unique_ptr<Corpus>> opened = Corpus::Open(dir.path());
  ASSERT_TRUE(opened.ok());
  Corpus& corpus = **opened;
  PaperRecord r;
  r.arxiv_id = "2401.00001";
  r.title = "Marked";
  ASSERT_TRUE(corpus.Upsert(std::vector<PaperRecord>{r}).ok());
  const std::vector<int64_t> keys = {1, 2};  // 2 was never stored
  Status marked = corpus.MarkFetched("huggingface", keys);
  ASSERT_TRUE(marked.ok()) << marked.message();
  ASSERT_TRUE(corpus.MarkFetched("huggingface", keys).ok());
  EXPECT_EQ(Rows(dir.path(), "SELECT paper_key, source FROM fetch_marks"),
            std::vector<std::string>{"1|huggingface"});
  std::unordered_map<int64_t, std::string> last = corpus.LastFetched("huggingface").value();
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[1].size(), std::string("2026-01-01T00:00:00Z").size());
  EXPECT_TRUE(corpus.LastFetched("semantic-scholar").value().empty());
}

}  // namespace
}  // namespace paperdeck::library
