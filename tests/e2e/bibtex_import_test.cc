// Importing references through the binary: a .bib entry whose eprint is an arXiv paper already in
// the corpus adds no paper but its venue and DOI, and both ids show the same paper; a malformed
// entry is named FILE:LINE and the entries around it are stored; CSL JSON joins the same way.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e/cli_runner.h"

namespace paperdeck::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

class BibtexImportTest : public ::testing::Test {
 protected:
  std::filesystem::path Data() const { return dir_.path() / "data"; }
  std::string Write(const std::string& name, const std::string& content) {
    std::filesystem::path p = dir_.path() / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  nlohmann::json ShowJson(const std::string& id) {
    CliResult r = RunPaperdeck(Data(), {"show", id, "--json"});
    EXPECT_EQ(r.exit_code, 0) << id << ": " << r.err;
    return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
  }
  nlohmann::json Stats() {
    CliResult r = RunPaperdeck(Data(), {"stats", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
  // The arXiv preprint, as simple arXiv JSON lines give it.
  void ImportPreprint() {
    std::string preprint = Write(
        "arxiv.jsonl",
        R"({"id": "1706.03762", "title": "Attention Is All You Need", )"
        R"("authors": ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"], )"
        R"("abstract": "The dominant sequence transduction models are based on complex )"
        R"(recurrent networks.", "categories": ["cs.CL", "cs.LG"], "published": "2017-06-12"})"
        "\n");
    CliResult r = RunPaperdeck(Data(), {"import", preprint});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  TempDir dir_;
};

TEST_F(BibtexImportTest, AnEntryWhoseEprintIsInTheCorpusAddsItsVenueAndDoiAndNoPaper) {
  ImportPreprint();
  std::string bib = Write("refs.bib",
                          "@inproceedings{vaswani2017attention,\n"                   // 1
                          "  title = {Attention is {All} You Need},\n"               // 2
                          "  author = {Vaswani, Ashish and Shazeer, Noam and others},\n"
                          "  booktitle = {Advances in Neural Information Processing Systems},\n"
                          "  year = {2017},\n"                                      // 5
                          "  doi = {10.5555/3295222.3295349},\n"
                          "  eprint = {1706.03762},\n"
                          "  archivePrefix = {arXiv},\n"
                          "  primaryClass = {cs.CL},\n"
                          "}\n");                                                   // 10
  CliResult imported = RunPaperdeck(Data(), {"import", bib});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("1 records (0 added, 1 updated"));
  EXPECT_EQ(Stats()["papers"], 1);
  EXPECT_EQ(Stats()["index"]["documents"], 1);

  nlohmann::json by_doi = ShowJson("10.5555/3295222.3295349");
  nlohmann::json by_arxiv = ShowJson("1706.03762");
  nlohmann::json by_doi_url = ShowJson("https://doi.org/10.5555/3295222.3295349");
  EXPECT_EQ(by_doi["id"], "1706.03762");
  EXPECT_EQ(by_arxiv["id"], "1706.03762");
  EXPECT_EQ(by_doi_url["id"], "1706.03762");
  EXPECT_EQ(by_arxiv["venue"], "Advances in Neural Information Processing Systems");
  EXPECT_EQ(by_arxiv["doi"], "10.5555/3295222.3295349");
  EXPECT_EQ(by_arxiv["title"], "Attention Is All You Need");  // arXiv's words stay
  EXPECT_EQ(by_arxiv["authors"].size(), 3u);
  EXPECT_THAT(by_arxiv["categories"].get<std::vector<std::string>>(),
              ElementsAre("cs.CL", "cs.LG"));
  std::vector<std::string> sources;
  for (const auto& row : by_arxiv["provenance"]) {
    sources.push_back(row["source"].get<std::string>() + " " + row["field"].get<std::string>());
  }
  EXPECT_THAT(sources, ::testing::Contains("bibtex venue"));
  EXPECT_THAT(sources, ::testing::Contains("arxiv-jsonl title"));

  // The card shows the categories and the venue; show names each source.
  CliResult shown = RunPaperdeck(Data(), {"show", "10.5555/3295222.3295349"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("cs.CL · cs.LG"));
  EXPECT_THAT(shown.out, HasSubstr("Advances in Neural Information Processing Systems"));
  EXPECT_THAT(shown.out, HasSubstr("bibtex"));
  EXPECT_THAT(shown.out, HasSubstr("arxiv-jsonl"));

  // The venue is searchable, and a second import of the same file changes nothing.
  CliResult search = RunPaperdeck(Data(), {"search", "venue:neural", "--json"});
  ASSERT_EQ(search.exit_code, 0) << search.err;
  EXPECT_EQ(nlohmann::json::parse(search.out)["total"], 1);
  CliResult again = RunPaperdeck(Data(), {"import", bib});
  EXPECT_THAT(again.out, HasSubstr("1 unchanged"));
  EXPECT_EQ(Stats()["papers"], 1);

  // The entry's key is the paper's citation key, and names it.
  EXPECT_EQ(by_arxiv["library"]["citation_key"], "vaswani2017attention");
  EXPECT_EQ(ShowJson("vaswani2017attention")["id"], "1706.03762");
}

TEST_F(BibtexImportTest, KeywordsBecomeTagsOnlyWhenAsked) {
  std::string bib = Write("tagged.bib",
                          "@article{tagged,\n"
                          "  title = {A Paper With Keywords},\n"
                          "  author = {Roe, Jane},\n"
                          "  doi = {10.1000/tagged},\n"
                          "  keywords = {sparse attention; thesis/related-work},\n"
                          "}\n");
  CliResult plain = RunPaperdeck(Data(), {"import", bib});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_TRUE(ShowJson("10.1000/tagged")["library"]["tags"].empty());

  CliResult tagged = RunPaperdeck(Data(), {"import", "--keywords-as-tags", bib});
  ASSERT_EQ(tagged.exit_code, 0) << tagged.err;
  EXPECT_THAT(ShowJson("10.1000/tagged")["library"]["tags"].get<std::vector<std::string>>(),
              ElementsAre("sparse-attention", "thesis/related-work"));
  CliResult tags = RunPaperdeck(Data(), {"tags", "--json"});
  ASSERT_EQ(tags.exit_code, 0) << tags.err;
  EXPECT_THAT(tags.out, HasSubstr("thesis/related-work"));
}

TEST_F(BibtexImportTest, AMalformedEntryIsNamedByFileAndLineAndTheOthersAreStored) {
  std::string bib = Write("refs.bib",
                          "@article{first,\n"                          // 1
                          "  title = {The First Paper},\n"
                          "  author = {One, Ann},\n"
                          "  doi = {10.1000/first},\n"
                          "}\n"                                        // 5
                          "\n"
                          "@article{broken,\n"                         // 7
                          "  title = {A Title Whose Brace Is Never Closed,\n"
                          "  author = {Two, Ben},\n"
                          "}\n"                                        // 10
                          "\n"
                          "@article{third,\n"                          // 12
                          "  title = {The Third Paper},\n"
                          "  author = {Three, Cy},\n"
                          "  doi = {10.1000/third},\n"
                          "}\n");
  CliResult r = RunPaperdeck(Data(), {"import", bib});
  EXPECT_EQ(r.exit_code, 3) << r.err;  // some records stored, some skipped
  EXPECT_THAT(r.err, HasSubstr(bib + ":7: @article{broken: expected ',' or '}' after field "
                                     "'title' (line 8)"));
  EXPECT_THAT(r.out, HasSubstr("2 records (2 added"));
  EXPECT_EQ(ShowJson("10.1000/first")["title"], "The First Paper");
  EXPECT_EQ(ShowJson("10.1000/third")["title"], "The Third Paper");
  EXPECT_EQ(Stats()["papers"], 2);
}

TEST_F(BibtexImportTest, ACslJsonItemJoinsThePreprintThroughArxivsDoi) {
  ImportPreprint();
  std::string json = Write("zotero.json",
                           R"([{"id": "vaswani2017", "type": "paper-conference",)"
                           R"( "title": "Attention is All you Need",)"
                           R"( "container-title": "NeurIPS 2017", "DOI": "10.48550/arXiv.1706.03762",)"
                           R"( "author": [{"family": "Vaswani", "given": "Ashish"}],)"
                           R"( "issued": {"date-parts": [[2017]]}}])");
  CliResult r = RunPaperdeck(Data(), {"import", json});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Stats()["papers"], 1);
  EXPECT_EQ(ShowJson("1706.03762")["venue"], "NeurIPS 2017");
}

}  // namespace
}  // namespace paperdeck::e2e
