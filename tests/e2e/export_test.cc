// Citing through the real binary: `export` in every format, read back by independent parsers
// (Debian's python3-bibtexparser for BibTeX, a JSON parser for CSL JSON); citation keys pinned
// across exports and accepted as ids; the JSON lines export restoring a library into an empty
// data directory exactly; `backup` copying the corpus while another process imports.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::HasSubstr;

// The Python with Debian's packages (python3-bibtexparser), whatever python3 is first on PATH.
constexpr const char* kDebianPython = "/usr/bin/python3";

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    CliResult r = RunPaperdeck(Data(), {"import", TestData("seed-page.jsonl")});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    longformer_ = IdOf(Data(), "longformer");
    ASSERT_FALSE(longformer_.empty());
  }
  std::filesystem::path Data() const { return dir_.path() / "data"; }

  static std::string IdOf(const std::filesystem::path& data, const std::string& query) {
    CliResult r = RunPaperdeck(data, {"search", query, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out);
    return j["results"].empty() ? std::string() : j["results"][0]["id"].get<std::string>();
  }
  static nlohmann::json Show(const std::filesystem::path& data, const std::string& id) {
    CliResult r = RunPaperdeck(data, {"show", id, "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
  }
  // Every entry of a BibTeX file as Debian's bibtexparser reads it: key, title, author, year.
  nlohmann::json ParsedByBibtexparser(const std::filesystem::path& bib) {
    const std::filesystem::path script = dir_.path() / "read.py";
    std::ofstream(script) << "import bibtexparser, json, sys\n"
                             "db = bibtexparser.loads(open(sys.argv[1], encoding='utf-8').read())\n"
                             "print(json.dumps([{'key': e['ID'], 'type': e['ENTRYTYPE'],\n"
                             "  'title': e.get('title'), 'author': e.get('author'),\n"
                             "  'year': e.get('year'), 'eprint': e.get('eprint'),\n"
                             "  'archiveprefix': e.get('archiveprefix')} for e in db.entries]))\n";
    const std::filesystem::path out = dir_.path() / "parsed.json";
    const std::string cmd = ShellQuote(kDebianPython) + " " + ShellQuote(script.string()) + " " +
                            ShellQuote(bib.string()) + " > " + ShellQuote(out.string());
    EXPECT_EQ(std::system(cmd.c_str()), 0) << cmd;
    return nlohmann::json::parse(ReadFile(out));
  }

  TempDir dir_;
  std::string longformer_;
};

TEST_F(ExportTest, BibtexIsReadBackByAnIndependentParserWithTheSameTitleAuthorsAndYear) {
  const std::filesystem::path bib = dir_.path() / "refs.bib";
  CliResult r = RunPaperdeck(Data(), {"export", "longformer", "--format", "bibtex", "--out",
                                      bib.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("exported 1 paper to"));
  nlohmann::json entries = ParsedByBibtexparser(bib);
  ASSERT_EQ(entries.size(), 1u) << ReadFile(bib);
  const nlohmann::json paper = Show(Data(), longformer_);

  std::string title = entries[0]["title"];
  // Braces protect capitals ("{BERT}"); the words are the paper's.
  std::erase(title, '{');
  std::erase(title, '}');
  EXPECT_EQ(title, paper["title"].get<std::string>());
  std::string authors;
  for (const auto& a : paper["authors"]) {
    const std::string name = a;
    const size_t space = name.rfind(' ');
    if (!authors.empty()) authors += " and ";
    authors += name.substr(space + 1) + ", " + name.substr(0, space);
  }
  if (!paper["authors_complete"].get<bool>()) authors += " and others";
  EXPECT_EQ(entries[0]["author"], authors);
  EXPECT_EQ(entries[0]["year"], paper["year"].is_null()
                                    ? paper["date"].get<std::string>().substr(0, 4)
                                    : std::to_string(paper["year"].get<int>()));
  EXPECT_EQ(entries[0]["key"], Show(Data(), longformer_)["library"]["citation_key"]);
}

TEST_F(ExportTest, AKeyOncePinnedIsTheSameInAnExportAlongsideAHundredOtherPapers) {
  CliResult first = RunPaperdeck(Data(), {"export", "longformer", "--format", "bibtex"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const std::string key = first.out.substr(first.out.find('{') + 1,
                                           first.out.find(',') - first.out.find('{') - 1);
  ASSERT_FALSE(key.empty());

  CliResult more = RunPaperdeck(Data(), {"import", TestData("arxiv-sample.jsonl.gz")});
  ASSERT_EQ(more.exit_code, 0) << more.err;
  // A hundred papers and the Longformer paper in the library, the others first.
  CliResult page = RunPaperdeck(Data(), {"search", "model OR learning OR network OR data OR method", "--limit", "150",
                                         "--json"});
  ASSERT_EQ(page.exit_code, 0) << page.err;
  std::vector<std::string> args = {"tag"};
  const nlohmann::json found = nlohmann::json::parse(page.out);
  for (const auto& result : found["results"]) {
    if (result["id"] != longformer_) args.push_back(result["id"]);
  }
  ASSERT_GE(args.size(), 100u);
  args.push_back(longformer_);
  args.push_back("+cited");
  ASSERT_EQ(RunPaperdeck(Data(), args).exit_code, 0);

  const std::filesystem::path bib = dir_.path() / "all.bib";
  CliResult second = RunPaperdeck(Data(), {"export", "--format", "bibtex", "--out", bib.string()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  nlohmann::json entries = ParsedByBibtexparser(bib);
  ASSERT_GE(entries.size(), 101u);
  std::set<std::string> keys;
  std::string longformer_key;
  for (const auto& e : entries) {
    keys.insert(e["key"].get<std::string>());
    if (e["title"].get<std::string>().starts_with("Longformer:")) longformer_key = e["key"];
  }
  EXPECT_EQ(keys.size(), entries.size()) << "citation keys are unique";
  EXPECT_EQ(longformer_key, key);
  // And a third time, alone again.
  CliResult third = RunPaperdeck(Data(), {"export", "longformer", "--format", "biblatex"});
  EXPECT_THAT(third.out, HasSubstr("{" + key + ","));
}

TEST_F(ExportTest, CitationKeysAreIdsAndAWrongOneChangesNothing) {
  CliResult exported = RunPaperdeck(Data(), {"export", "longformer", "--format", "csl-json"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string key = nlohmann::json::parse(exported.out)[0]["id"];

  ASSERT_EQ(RunPaperdeck(Data(), {"tag", key, "+thesis"}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"mark", key, "reading"}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"note", key, "cited in chapter 2"}).exit_code, 0);
  CliResult notes = RunPaperdeck(Data(), {"notes", key});
  EXPECT_THAT(notes.out, HasSubstr("cited in chapter 2"));
  // Citation keys match without regard to case, as BibTeX's do.
  std::string upper = key;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  nlohmann::json shown = Show(Data(), upper);
  EXPECT_EQ(shown["id"], longformer_);
  EXPECT_EQ(shown["library"]["tags"], nlohmann::json::array({"thesis"}));

  CliResult wrong = RunPaperdeck(Data(), {"tag", key + "zz", longformer_, "+other"});
  EXPECT_NE(wrong.exit_code, 0);
  EXPECT_THAT(wrong.err, HasSubstr(key + "zz"));
  EXPECT_EQ(Show(Data(), longformer_)["library"]["tags"], nlohmann::json::array({"thesis"}));
  // A paper holding a citation key is the user's: remove asks for --force.
  CliResult removed = RunPaperdeck(Data(), {"remove", key});
  EXPECT_NE(removed.exit_code, 0);
  EXPECT_THAT(removed.err, HasSubstr("citation key " + key));
}

TEST_F(ExportTest, CslJsonHasTheFieldsProcessorsRequire) {
  ASSERT_EQ(RunPaperdeck(Data(), {"tag", longformer_, IdOf(Data(), "mamba"), "+x"}).exit_code, 0);
  CliResult r = RunPaperdeck(Data(), {"export", "--format", "csl-json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json items = nlohmann::json::parse(r.out);
  ASSERT_EQ(items.size(), 2u);
  for (const auto& item : items) {
    EXPECT_TRUE(item["id"].is_string() && !item["id"].get<std::string>().empty()) << item;
    EXPECT_TRUE(item["type"].is_string()) << item;
    EXPECT_TRUE(item["title"].is_string()) << item;
    ASSERT_TRUE(item["author"].is_array() && !item["author"].empty()) << item;
    for (const auto& a : item["author"]) {
      EXPECT_TRUE((a.contains("family") && a.contains("given")) || a.contains("literal")) << a;
    }
    EXPECT_TRUE(item["issued"]["date-parts"][0][0].is_number_integer()) << item;
  }
  EXPECT_NE(items[0]["id"], items[1]["id"]);
}

TEST_F(ExportTest, RisAndUsageErrors) {
  CliResult ris = RunPaperdeck(Data(), {"export", "longformer", "--format", "ris"});
  ASSERT_EQ(ris.exit_code, 0) << ris.err;
  EXPECT_THAT(ris.out, HasSubstr("TY  - "));
  EXPECT_THAT(ris.out, HasSubstr("ER  - \n"));
  CliResult bad = RunPaperdeck(Data(), {"export", "--format", "endnote"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bibtex, biblatex, csl-json, ris, jsonl"));
  CliResult empty = RunPaperdeck(Data(), {"export", "--format", "bibtex"});
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_EQ(empty.out, "");
  EXPECT_THAT(empty.err, HasSubstr("library is empty"));
}

// The JSON lines export, imported into an empty data directory, gives back the same papers,
// tags, states, notes, times and keys: exporting the restored library writes the same bytes.
TEST_F(ExportTest, AJsonLinesExportRestoresTheLibraryIntoAnEmptyDataDirectory) {
  const std::string mamba = IdOf(Data(), "demystify mamba");
  const std::string vortex = IdOf(Data(), "vortex programmable");
  ASSERT_EQ(RunPaperdeck(Data(), {"tag", longformer_, "+thesis", "+Thesis/related-work"})
                .exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"tag", mamba, "+Straße"}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"mark", longformer_, "read"}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"mark", vortex, "to-read"}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"note", longformer_, "# Method\n\nsliding *window*"}).exit_code,
            0);
  ASSERT_EQ(RunPaperdeck(Data(), {"note", longformer_, "second note"}).exit_code, 0);
  // A paper exported once has a pinned key, though it is not in the library.
  ASSERT_EQ(RunPaperdeck(Data(), {"export", "chiaroscuro", "--format", "bibtex"}).exit_code, 0);

  const std::filesystem::path file = dir_.path() / "library.jsonl";
  CliResult exported =
      RunPaperdeck(Data(), {"export", "--format", "jsonl", "--out", file.string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string original = ReadFile(file);
  ASSERT_EQ(std::count(original.begin(), original.end(), '\n'), 3) << original;

  const std::filesystem::path restored = dir_.path() / "restored";
  CliResult imported = RunPaperdeck(restored, {"import", file.string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.out << imported.err;

  for (const std::string& id : {longformer_, mamba, vortex}) {
    nlohmann::json before = Show(Data(), id), after = Show(restored, id);
    EXPECT_EQ(after["library"], before["library"]) << id;
    EXPECT_EQ(after["title"], before["title"]);
    EXPECT_EQ(after["authors"], before["authors"]);
    EXPECT_EQ(after["abstract"], before["abstract"]);
  }
  EXPECT_EQ(RunPaperdeck(restored, {"queue", "--json"}).out,
            RunPaperdeck(Data(), {"queue", "--json"}).out);
  EXPECT_EQ(RunPaperdeck(restored, {"tags"}).out, RunPaperdeck(Data(), {"tags"}).out);

  CliResult again = RunPaperdeck(restored, {"export", "--format", "jsonl"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(again.out, original);
  // Importing the file a second time adds nothing: no note twice, no tag twice.
  ASSERT_EQ(RunPaperdeck(restored, {"import", file.string()}).exit_code, 0);
  EXPECT_EQ(RunPaperdeck(restored, {"export", "--format", "jsonl"}).out, original);
}

// Rows of a query over a database file, joined by '|'.
std::vector<std::string> Rows(const std::filesystem::path& db_file, const std::string& sql) {
  std::vector<std::string> out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return {"cannot open"};
  }
  sqlite3_stmt* q = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &q, nullptr) != SQLITE_OK) {
    out.push_back(std::string("error: ") + sqlite3_errmsg(db));
  }
  while (q && sqlite3_step(q) == SQLITE_ROW) {
    std::string line;
    for (int c = 0; c < sqlite3_column_count(q); ++c) {
      if (c > 0) line += "|";
      const unsigned char* text = sqlite3_column_text(q, c);
      if (text) line += reinterpret_cast<const char*>(text);
    }
    out.push_back(line);
  }
  sqlite3_finalize(q);
  sqlite3_close(db);
  return out;
}

TEST_F(ExportTest, ABackupTakenDuringAnImportHoldsEveryCommittedPaperAndLibraryRow) {
  ASSERT_EQ(RunPaperdeck(Data(), {"tag", longformer_, "+thesis"}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"note", longformer_, "kept"}).exit_code, 0);
  ASSERT_EQ(RunPaperdeck(Data(), {"export", "longformer", "--format", "bibtex"}).exit_code, 0);
  const std::filesystem::path db = Data() / "corpus.db";
  const std::vector<std::string> library_before =
      Rows(db, "SELECT (SELECT COUNT(*) FROM paper_tags), (SELECT COUNT(*) FROM notes), "
               "(SELECT COUNT(*) FROM citation_keys), (SELECT COUNT(*) FROM library_papers)");
  ASSERT_EQ(library_before, std::vector<std::string>{"1|1|1|1"});

  // A file big enough that the import is still writing while the backups are taken.
  const std::filesystem::path big = dir_.path() / "big.jsonl";
  {
    std::ofstream out(big);
    for (int i = 0; i < 40000; ++i) {
      out << nlohmann::json{{"id", "2401." + std::to_string(10000 + i)},
                            {"title", "Backup paper number " + std::to_string(i)},
                            {"authors", {"Ada Lovelace"}},
                            {"published", "2024-01-01"},
                            {"abstract", std::string(300, 'x')}}
                 .dump()
          << "\n";
    }
  }
  const std::filesystem::path done = dir_.path() / "import.done";
  const std::string import = "(" + ShellQuote(PAPERDECK_BINARY) + " --data " +
                             ShellQuote(Data().string()) + " import " + ShellQuote(big.string()) +
                             " >/dev/null 2>&1; touch " + ShellQuote(done.string()) + ") &";
  ASSERT_EQ(std::system(import.c_str()), 0);

  uint64_t previous = 0;
  int taken = 0;
  // At least one backup, however fast the import; as many as fit while it runs.
  for (int i = 0; i < 200; ++i) {
    const bool import_done = std::filesystem::exists(done);
    const std::filesystem::path copy = dir_.path() / ("backup" + std::to_string(i) + ".db");
    CliResult r = RunPaperdeck(Data(), {"backup", copy.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ++taken;
    EXPECT_EQ(Rows(copy, "PRAGMA integrity_check"), std::vector<std::string>{"ok"});
    const uint64_t papers = std::stoull(Rows(copy, "SELECT COUNT(*) FROM papers").at(0));
    // Every paper committed before the backup began: the seed page, and never fewer than an
    // earlier backup held.
    EXPECT_GE(papers, 35u);
    EXPECT_GE(papers, previous);
    previous = papers;
    EXPECT_EQ(Rows(copy, "SELECT (SELECT COUNT(*) FROM paper_tags), (SELECT COUNT(*) FROM notes), "
                         "(SELECT COUNT(*) FROM citation_keys), "
                         "(SELECT COUNT(*) FROM library_papers)"),
              library_before);
    std::filesystem::remove(copy);
    if (import_done) break;
  }
  for (int i = 0; i < 600 && !std::filesystem::exists(done); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_TRUE(std::filesystem::exists(done));
  EXPECT_GE(taken, 1);

  // The last backup holds everything, and is a corpus paperdeck opens as it is.
  const std::filesystem::path restored = dir_.path() / "restored";
  std::filesystem::create_directories(restored);
  ASSERT_EQ(RunPaperdeck(Data(), {"backup", (restored / "corpus.db").string()}).exit_code, 0);
  EXPECT_EQ(Rows(restored / "corpus.db", "SELECT COUNT(*) FROM papers"),
            std::vector<std::string>{std::to_string(35 + 40000)});
  ASSERT_EQ(RunPaperdeck(restored, {"reindex"}).exit_code, 0);
  EXPECT_EQ(Show(restored, longformer_)["library"]["tags"], nlohmann::json::array({"thesis"}));
}

}  // namespace
}  // namespace paperdeck::e2e
