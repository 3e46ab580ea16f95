// A full disk survived: the data directory is a small tmpfs. An import that fills it stops with a
// clear message, the corpus is whole, the index stays searchable at its last commit, the papers
// stored since are counted as not yet searchable with the space to free, `reindex` on the still
// full disk says how much it needs and loses nothing, `remove` says what it did and did not do,
// and once space is freed `reindex` indexes only what was missing. The user's library (tags,
// state, notes, saved searches, citation keys) is the same at every step.
//
// Needs root to mount the tmpfs (as here and on CI); elsewhere it is skipped, saying why.
#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kTmpfsSize[] = "size=24m";
// The papers of the import that fills the disk: more than it can hold.
constexpr int kFillingPapers = 6000;

// One SQL answer as text, rows on lines and columns tab-separated.
std::string Query(const std::filesystem::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(handle);
    return "cannot open " + db.string();
  }
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
    out = std::string("error: ") + sqlite3_errmsg(handle);
  } else {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(statement); ++c) {
        const unsigned char* text = sqlite3_column_text(statement, c);
        out += (c > 0 ? "\t" : "") + std::string(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      out += "\n";
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return out;
}

// Everything of the user's library, as text to compare.
std::string Library(const std::filesystem::path& data) {
  const std::filesystem::path db = data / "corpus.db";
  std::string out;
  for (const char* sql :
       {"SELECT p.id, t.name FROM paper_tags pt JOIN papers p ON p.key = pt.paper_key "
        "JOIN tags t ON t.id = pt.tag ORDER BY 1, 2",
        "SELECT p.id, r.state FROM reading_states r JOIN papers p ON p.key = r.paper_key "
        "ORDER BY 1",
        "SELECT p.id, n.text FROM notes n JOIN papers p ON p.key = n.paper_key ORDER BY 1, 2",
        "SELECT p.id, c.citation_key FROM citation_keys c JOIN papers p ON p.key = c.paper_key "
        "ORDER BY 1",
        "SELECT name, query FROM saved_searches ORDER BY 1"}) {
    out += Query(db, sql) + "--\n";
  }
  return out;
}

int64_t Count(const std::filesystem::path& data, const std::string& sql) {
  return std::stoll("0" + Query(data / "corpus.db", sql));
}

uint64_t SearchTotal(const std::filesystem::path& data, const std::string& query) {
  CliResult r = RunPaperdeck(data, {"search", query, "--json", "--limit", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  return j.is_discarded() ? 0 : j.value("total", uint64_t{0});
}

// kFillingPapers arXiv papers, each with "zebrafinch" in its abstract and about a kilobyte of
// words from a vocabulary large enough that the index is not trivially small.
void WriteFillingFile(const std::filesystem::path& path) {
  std::mt19937 rng(13);
  auto word = [&] {
    std::string w;
    for (uint32_t n = 3 + rng() % 6; n > 0; --n) w += static_cast<char>('a' + rng() % 26);
    return w;
  };
  std::ofstream out(path);
  for (int i = 0; i < kFillingPapers; ++i) {
    std::string abstract = "zebrafinch";
    while (abstract.size() < 1000) abstract += " " + word();
    nlohmann::json j;
    j["id"] = "2601." + std::to_string(10000 + i);
    j["title"] = "Filling study " + std::to_string(i) + " of " + word() + " " + word();
    j["authors"] = {"Fay Filler", "Sam Spacewell"};
    j["abstract"] = abstract;
    j["categories"] = {"cs.LG"};
    j["published"] = "2026-01-15";
    out << j.dump() << "\n";
  }
}

// A file of `bytes` bytes really allocated on its filesystem.
bool WriteFiller(const std::filesystem::path& path, uint64_t bytes) {
  std::ofstream out(path, std::ios::binary);
  std::string chunk(1 << 16, 'x');
  for (uint64_t left = bytes; left > 0 && out;) {
    const uint64_t n = std::min<uint64_t>(left, chunk.size());
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    left -= n;
  }
  out.close();
  return static_cast<bool>(out);
}

uint64_t FreeBytes(const std::filesystem::path& dir) {
  return std::filesystem::space(dir).available;
}

class FullDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root; the full-disk test did not run";
    data_ = tmp_.path() / "data";
    std::filesystem::create_directories(data_);
    if (::mount("tmpfs", data_.c_str(), "tmpfs", 0, kTmpfsSize) != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs on " << data_ << ": " << std::strerror(errno)
                   << "; the full-disk test did not run";
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount2(data_.c_str(), MNT_DETACH);
  }

  CliResult Run(const std::vector<std::string>& args) { return RunPaperdeck(data_, args); }

  TempDir tmp_;
  std::filesystem::path data_;
  bool mounted_ = false;
};

TEST_F(FullDisk, AnImportThatFillsTheDiskKeepsTheIndexSearchableAndReindexFinishesOnceFreed) {
  // A corpus, indexed, with a library of the user's own.
  CliResult base = Run({"import", TestData("arxiv-sample.jsonl.gz")});
  ASSERT_EQ(base.exit_code, 0) << base.err;
  const std::string kept = "2503.11731";
  ASSERT_EQ(Run({"tag", kept, "+thesis"}).exit_code, 0);
  ASSERT_EQ(Run({"mark", kept, "to-read"}).exit_code, 0);
  ASSERT_EQ(Run({"note", kept, "Splatting for *sensors*"}).exit_code, 0);
  ASSERT_EQ(Run({"watch", "add", "splat", "gaussian splatting", "--no-pull"}).exit_code, 0);
  // No query: the library's papers, whose citation keys are pinned by their first export.
  CliResult cited =
      Run({"export", "--format", "bibtex", "--out", (tmp_.path() / "kept.bib").string()});
  ASSERT_EQ(cited.exit_code, 0) << cited.err;
  const std::string library = Library(data_);
  ASSERT_THAT(library, HasSubstr("thesis"));
  ASSERT_THAT(library, HasSubstr("Splatting for *sensors*"));
  ASSERT_THAT(library, HasSubstr("splat\tgaussian splatting"));
  ASSERT_EQ(Count(data_, "SELECT count(*) FROM citation_keys"), 1);
  const uint64_t splatting = SearchTotal(data_, "splatting");
  ASSERT_GT(splatting, 0u);

  // The disk nearly full: a little room for part of the next import, and a small file to free
  // later so that a removal can reach the corpus but not the index.
  const std::filesystem::path filling = tmp_.path() / "filling.jsonl";
  WriteFillingFile(filling);
  const uint64_t small_filler = 400 << 10;
  const uint64_t room = 3 << 20;
  ASSERT_GT(FreeBytes(data_), room + small_filler + (1 << 20));
  ASSERT_TRUE(WriteFiller(data_ / "filler", FreeBytes(data_) - room - small_filler));
  ASSERT_TRUE(WriteFiller(data_ / "small-filler", small_filler));

  // The import stores what fits, then stops; the index cannot take the new papers.
  CliResult import = Run({"import", filling.string()});
  EXPECT_EQ(import.exit_code, 4) << import.out << import.err;
  EXPECT_THAT(import.out, HasSubstr("stopped early, records stored before the problem are kept"));
  EXPECT_THAT(import.err, HasSubstr("the index could not be updated: "));
  EXPECT_THAT(import.err, HasSubstr("needs about"));
  EXPECT_THAT(import.err, HasSubstr("free on " + (data_ / "index").string()));
  const int64_t stored = Count(data_, "SELECT count(*) FROM papers WHERE id LIKE '2601.%'");
  ASSERT_GT(stored, 0);
  ASSERT_LT(stored, kFillingPapers);
  EXPECT_THAT(import.err, HasSubstr("not yet searchable: " + std::to_string(stored) + " papers"));
  EXPECT_THAT(import.err, HasSubstr("; free that space and run `paperdeck reindex`"));
  EXPECT_EQ(Query(data_ / "corpus.db", "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(Library(data_), library);
  EXPECT_EQ(std::filesystem::exists(data_ / "index" / "MANIFEST.tmp"), false);

  // The index at its last commit: the papers before the import are found, with an honest note.
  CliResult search = Run({"search", "splatting"});
  EXPECT_EQ(search.exit_code, 0) << search.err;
  EXPECT_THAT(search.err, HasSubstr("not yet searchable: " + std::to_string(stored) + " papers"));
  EXPECT_THAT(search.err, Not(HasSubstr("did not finish")));
  EXPECT_EQ(SearchTotal(data_, "splatting"), splatting);
  EXPECT_EQ(SearchTotal(data_, "zebrafinch"), 0u);
  CliResult stats = Run({"stats", "--json"});
  ASSERT_EQ(stats.exit_code, 0) << stats.err;
  auto index = nlohmann::json::parse(stats.out)["index"];
  EXPECT_EQ(index["not_yet_searchable"], stored);
  EXPECT_EQ(index["behind"], true);
  EXPECT_EQ(index["being_written"], false);
  EXPECT_GT(index["catch_up_bytes"].get<uint64_t>(), index["free_bytes"].get<uint64_t>());
  EXPECT_THAT(Run({"stats"}).out, HasSubstr("not yet searchable: " + std::to_string(stored)));

  // reindex on the still-full disk: catches up only, says how much it needs, loses nothing.
  CliResult refused = Run({"reindex"});
  EXPECT_EQ(refused.exit_code, 4) << refused.out << refused.err;
  EXPECT_THAT(refused.out, HasSubstr("reindex: " + std::to_string(stored) + " papers to index"));
  EXPECT_THAT(refused.err, HasSubstr("writing an index segment of " + std::to_string(stored) +
                                     " papers needs about"));
  EXPECT_THAT(refused.err, HasSubstr("MB short"));
  EXPECT_EQ(SearchTotal(data_, "splatting"), splatting);
  EXPECT_EQ(Library(data_), library);
  CliResult full = Run({"reindex", "--full"});
  EXPECT_EQ(full.exit_code, 4) << full.out << full.err;
  EXPECT_THAT(full.err, HasSubstr("rebuilding the index of " + std::to_string(300 + stored) +
                                  " papers (the old index serves searches until the new one is "
                                  "done) needs about"));
  EXPECT_EQ(SearchTotal(data_, "splatting"), splatting);

  // remove: the corpus has room for it, the index has not (it leaves a reserve for the corpus).
  std::filesystem::remove(data_ / "small-filler");
  const std::string removed = "2503.11742";  // "Safe Vision-Language Models via Unsafe Weights..."
  const uint64_t unsafe = SearchTotal(data_, "unsafe weights manipulation");
  ASSERT_GT(unsafe, 0u);
  CliResult remove = Run({"remove", removed});
  EXPECT_EQ(remove.exit_code, 4) << remove.out << remove.err;
  EXPECT_THAT(remove.out, HasSubstr("removed " + removed));
  EXPECT_THAT(remove.err, HasSubstr("paperdeck remove: removed 1 paper from the corpus; the index "
                                    "could not be updated: "));
  EXPECT_THAT(remove.err, HasSubstr("needs about"));
  EXPECT_THAT(remove.err, HasSubstr("1 removed paper is still in the index"));
  EXPECT_EQ(Count(data_, "SELECT count(*) FROM papers WHERE id = '" + removed + "'"), 0);
  EXPECT_EQ(SearchTotal(data_, "unsafe weights manipulation"), unsafe) << "the index is unchanged";
  EXPECT_EQ(Library(data_), library);

  // Space freed: reindex indexes the papers it missed, and nothing else.
  std::filesystem::remove(data_ / "filler");
  CliResult reindex = Run({"reindex"});
  ASSERT_EQ(reindex.exit_code, 0) << reindex.out << reindex.err;
  EXPECT_THAT(reindex.out, HasSubstr("reindex: " + std::to_string(stored) +
                                     " papers to index, 1 to remove"));
  EXPECT_THAT(reindex.out, HasSubstr("index: " + std::to_string(stored) + " papers indexed, 1 removed"));
  EXPECT_EQ(SearchTotal(data_, "zebrafinch"), static_cast<uint64_t>(stored));
  EXPECT_EQ(SearchTotal(data_, "unsafe weights manipulation"), unsafe - 1);
  EXPECT_EQ(SearchTotal(data_, "splatting"), splatting);
  CliResult level = Run({"search", "zebrafinch"});
  EXPECT_THAT(level.err, Not(HasSubstr("behind")));
  auto after = nlohmann::json::parse(Run({"stats", "--json"}).out);
  EXPECT_EQ(after["index"]["documents"], after["papers"]);
  EXPECT_EQ(after["index"]["behind"], false);
  EXPECT_EQ(Query(data_ / "corpus.db", "PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(Library(data_), library);
  EXPECT_THAT(Run({"reindex"}).out, HasSubstr("the index is up to date"));
}

}  // namespace
}  // namespace paperdeck::e2e
