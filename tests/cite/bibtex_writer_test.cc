#include "cite/bibtex_writer.h"

#include <gtest/gtest.h>

#include "cite/biblatex_writer.h"
#include "cite_test_support.h"

namespace paperdeck::cite {
namespace {

using testing::InAJournal;
using testing::Preprint;
using testing::Published;

TEST(BibtexWriterTest, AnArxivPreprintIsMiscWithItsEprint) {
  EXPECT_EQ(BibtexEntryOf(Preprint()),
            "@misc{vaswani2017attention,\n"
            "  title = {Attention Is All You Need},\n"
            "  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},\n"
            "  year = {2017},\n"
            "  month = {jun},\n"
            "  eprint = {1706.03762},\n"
            "  archivePrefix = {arXiv},\n"
            "  primaryClass = {cs.CL},\n"
            "  url = {https://arxiv.org/abs/1706.03762},\n"
            "  abstract = {The dominant sequence transduction models are based on $O(n^2)$ "
            "attention.}\n"
            "}\n");
}

TEST(BibtexWriterTest, APublishedPaperKeepsItsEprintBesideVenueAndDoi) {
  const std::string entry = BibtexEntryOf(Published());
  EXPECT_TRUE(entry.starts_with("@inproceedings{vaswani2017attention,\n")) << entry;
  EXPECT_NE(entry.find("  booktitle = {NeurIPS 2017},\n"), std::string::npos) << entry;
  EXPECT_NE(entry.find("  doi = {10.5555/3295222.3295349},\n"), std::string::npos);
  EXPECT_NE(entry.find("  eprint = {1706.03762},\n"), std::string::npos);
  EXPECT_NE(entry.find("  archivePrefix = {arXiv},\n"), std::string::npos);
  EXPECT_EQ(entry.find("month"), std::string::npos);

  const std::string article = BibtexEntryOf(InAJournal());
  EXPECT_TRUE(article.starts_with("@article{balazs2007calculation,\n")) << article;
  EXPECT_NE(article.find("  journal = {Phys.Rev.D76:013009,2007},\n"), std::string::npos);
  EXPECT_NE(article.find("  author = {Balázs, C. and Berger, E. L. and Nadolsky, P. M. and "
                         "Yuan, C.-P.},\n"),
            std::string::npos)
      << article;
  EXPECT_NE(article.find("  primaryClass = {hep-ph},\n"), std::string::npos);
}

TEST(BibtexWriterTest, TitlesAndNamesAreEscapedAndIncompleteListsEndInOthers) {
  CitedPaper p = Preprint();
  p.paper.record.title = "R&D on 100% of GPT_4 {outputs}";
  p.paper.record.authors = {"Martin Luther King Jr.", "OpenAI"};
  p.paper.record.authors_complete = false;
  const std::string entry = BibtexEntryOf(p);
  EXPECT_NE(entry.find("  title = {{R\\&D} on 100\\% of {GPT\\_4} "
                       "\\textbraceleft{}outputs\\textbraceright{}},\n"),
            std::string::npos)
      << entry;
  EXPECT_NE(entry.find("  author = {King, Jr., Martin Luther and {OpenAI} and others},\n"),
            std::string::npos)
      << entry;
}

TEST(BiblatexWriterTest, EprintTypeAndClassAndOnlineForPreprints) {
  const std::string entry = BiblatexEntryOf(Preprint());
  EXPECT_TRUE(entry.starts_with("@online{vaswani2017attention,\n")) << entry;
  EXPECT_NE(entry.find("  date = {2017-06-12},\n"), std::string::npos);
  EXPECT_NE(entry.find("  eprint = {1706.03762},\n"), std::string::npos);
  EXPECT_NE(entry.find("  eprinttype = {arxiv},\n"), std::string::npos);
  EXPECT_NE(entry.find("  eprintclass = {cs.CL},\n"), std::string::npos);
  EXPECT_EQ(entry.find("archivePrefix"), std::string::npos);

  const std::string published = BiblatexEntryOf(Published());
  EXPECT_TRUE(published.starts_with("@inproceedings{")) << published;
  EXPECT_NE(published.find("  booktitle = {NeurIPS 2017},\n"), std::string::npos);
  EXPECT_NE(published.find("  date = {2017},\n"), std::string::npos);
  EXPECT_NE(published.find("  eprinttype = {arxiv},\n"), std::string::npos);
  const std::string article = BiblatexEntryOf(InAJournal());
  EXPECT_NE(article.find("  journaltitle = {Phys.Rev.D76:013009,2007},\n"), std::string::npos);
}

TEST(BibtexWriterTest, EntriesAreSeparatedByBlankLines) {
  std::vector<CitedPaper> papers = {Preprint(), InAJournal()};
  const std::string file = WriteBibtex(papers);
  EXPECT_NE(file.find("}\n\n@article{balazs2007calculation,"), std::string::npos) << file;
}

}  // namespace
}  // namespace paperdeck::cite
