// .bib files as Zotero (Better BibTeX), JabRef, Google Scholar and arXiv export them.
#include "ingest/bibtex_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ingest_test_files.h"

namespace paperdeck::ingest {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using testing::ReadResult;
using testing::ScratchDir;
using testing::TestData;

ReadResult ReadBib(std::string_view name) {
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(TestData("ingest/" + std::string(name)));
  if (!reader.ok()) {
    ADD_FAILURE() << reader.status().message();
    return {};
  }
  EXPECT_EQ((*reader)->format(), InputFormat::kBibtex);
  return testing::ReadAll(**reader);
}

const PaperRecord* WithKey(const ReadResult& result, std::string_view key) {
  for (const PaperRecord& r : result.records) {
    if (r.citation_key == key) return &r;
  }
  ADD_FAILURE() << "no record with key " << key;
  return nullptr;
}

TEST(BibtexReaderTest, ZoteroBetterBibtex) {
  ReadResult result = ReadBib("zotero-better-bibtex.bib");
  EXPECT_THAT(result.bad, IsEmpty());
  ASSERT_EQ(result.records.size(), 3u);

  const PaperRecord* vaswani = WithKey(result, "vaswaniAttentionAllYou2017");
  ASSERT_NE(vaswani, nullptr);
  EXPECT_EQ(vaswani->title, "Attention Is All You Need");
  ASSERT_EQ(vaswani->authors.size(), 8u);
  EXPECT_EQ(vaswani->authors[0], "Ashish Vaswani");
  EXPECT_EQ(vaswani->authors[6], "Łukasz Kaiser");
  EXPECT_TRUE(vaswani->authors_complete);
  EXPECT_EQ(vaswani->arxiv_id, "1706.03762");
  EXPECT_EQ(vaswani->id, "1706.03762");
  EXPECT_THAT(vaswani->categories, ElementsAre("cs.CL"));
  EXPECT_EQ(vaswani->venue, "Advances in Neural Information Processing Systems");
  EXPECT_EQ(vaswani->year, 2017);
  EXPECT_EQ(vaswani->published, "");  // a year is not a date
  EXPECT_THAT(vaswani->abstract, HasSubstr("28.4 BLEU on the WMT 2014"));
  EXPECT_THAT(vaswani->abstract, HasSubstr("over 2 BLEU."));
  EXPECT_THAT(vaswani->keywords, ElementsAre("Computer Science - Computation and Language",
                                             "Computer Science - Machine Learning"));
  EXPECT_THAT(vaswani->links, ElementsAre(HasSubstr("proceedings.neurips.cc")));
  EXPECT_EQ(vaswani->source, "bibtex");
  EXPECT_EQ(vaswani->origin, TestData("ingest/zotero-better-bibtex.bib").string());

  const PaperRecord* schrodinger =
      WithKey(result, "schrodingerQuantisierungAlsEigenwertproblem1926");
  ASSERT_NE(schrodinger, nullptr);
  EXPECT_THAT(schrodinger->authors, ElementsAre("Erwin Schrödinger"));
  EXPECT_EQ(schrodinger->doi, "10.1002/andp.19263840404");
  EXPECT_EQ(schrodinger->id, "doi:10.1002/andp.19263840404");
  EXPECT_EQ(schrodinger->venue, "Annalen der Physik");
  EXPECT_THAT(schrodinger->keywords, ElementsAre("quantum mechanics", "history"));

  const PaperRecord* gemini = WithKey(result, "deepmindGemini2023");
  ASSERT_NE(gemini, nullptr);
  EXPECT_EQ(gemini->title, "Gemini: A Family of Highly Capable Multimodal Models");
  EXPECT_THAT(gemini->authors, ElementsAre("Gemini Team", "Rohan Anil", "Sebastian Borgeaud"));
  EXPECT_FALSE(gemini->authors_complete);
  EXPECT_EQ(gemini->arxiv_id, "2312.11805");
  EXPECT_EQ(gemini->published, "2023-12-19");
  EXPECT_EQ(gemini->year, 2023);
  EXPECT_EQ(gemini->venue, "");
}

TEST(BibtexReaderTest, JabRef) {
  ReadResult result = ReadBib("jabref.bib");
  EXPECT_THAT(result.bad, IsEmpty());
  ASSERT_EQ(result.records.size(), 2u);
  const PaperRecord* mueller = WithKey(result, "Mueller2019");
  ASSERT_NE(mueller, nullptr);
  EXPECT_THAT(mueller->authors, ElementsAre("Jörg Müller", "Anna van der Berg", "Émile Zola",
                                            "Martin Luther King, Jr."));
  EXPECT_EQ(mueller->title, "Fréchet Distances for Gaussian Processes: 1–10 & beyond");
  EXPECT_EQ(mueller->venue, "IEEE Transactions on Pattern Analysis and Machine Intelligence");
  EXPECT_EQ(mueller->doi, "10.1109/tpami.2019.0001");
  EXPECT_EQ(mueller->year, 2019);
  EXPECT_EQ(mueller->abstract,
            "We bound $\\mathcal{O}(n^{2})$ costs ßince 2010 — a surprising result.");
  EXPECT_THAT(mueller->keywords, ElementsAre("distances", "gaussian processes"));

  const PaperRecord* smith = WithKey(result, "Smith2020");
  ASSERT_NE(smith, nullptr);
  EXPECT_EQ(smith->title,
            "Learning to Rank with IEEE Transactions on Pattern Analysis and Machine Intelligence "
            "in Mind");
  EXPECT_EQ(smith->venue, "Proceedings of the 37th International Conference on Machine Learning");
  EXPECT_EQ(smith->year, 2020);
  EXPECT_EQ(smith->id.substr(0, 2), "h:");
}

TEST(BibtexReaderTest, GoogleScholarArxivPreprintJournal) {
  ReadResult result = ReadBib("google-scholar.bib");
  ASSERT_EQ(result.records.size(), 2u);
  const PaperRecord* bert = WithKey(result, "devlin2018bert");
  ASSERT_NE(bert, nullptr);
  EXPECT_EQ(bert->arxiv_id, "1810.04805");
  EXPECT_EQ(bert->venue, "");  // "arXiv preprint arXiv:..." is no venue
  EXPECT_THAT(bert->authors,
              ElementsAre("Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"));
  const PaperRecord* resnet = WithKey(result, "he2016deep");
  ASSERT_NE(resnet, nullptr);
  EXPECT_EQ(resnet->venue,
            "Proceedings of the IEEE conference on computer vision and pattern recognition");
  EXPECT_EQ(resnet->arxiv_id, "");
}

TEST(BibtexReaderTest, ArxivsOwnExport) {
  ReadResult result = ReadBib("arxiv.bib");
  ASSERT_EQ(result.records.size(), 1u);
  const PaperRecord& r = result.records[0];
  EXPECT_EQ(r.arxiv_id, "1706.03762");
  EXPECT_THAT(r.categories, ElementsAre("cs.CL"));
  EXPECT_EQ(r.authors.size(), 8u);
  EXPECT_EQ(r.citation_key, "vaswani2023attentionneed");
  EXPECT_THAT(r.links, ElementsAre("https://arxiv.org/abs/1706.03762"));
}

TEST(BibtexReaderTest, BadEntriesNameTheirLineAndTheGoodOnesAreRead) {
  ReadResult result = ReadBib("malformed.bib");
  ASSERT_EQ(result.records.size(), 2u);
  EXPECT_EQ(result.records[0].title, "The First Paper");
  EXPECT_EQ(result.records[1].title, "The Third Paper");
  ASSERT_EQ(result.bad.size(), 2u);
  EXPECT_EQ(result.bad[0].line, 7u);
  EXPECT_THAT(result.bad[0].ToString(),
              HasSubstr("malformed.bib:7: @article{broken: expected ',' or '}' after field "
                        "'title' (line 8)"));
  EXPECT_EQ(result.bad[1].line, 19u);
  EXPECT_THAT(result.bad[1].ToString(), HasSubstr("malformed.bib:19: @misc{notitle: no title"));
  EXPECT_FALSE(result.failure.has_value());
}

TEST(BibtexReaderTest, TextThatIsNotUtf8IsABadEntry) {
  ScratchDir dir;
  auto path = dir.Write("latin1.bib",
                        "@article{a, title = {Caf\xe9}}\n@article{b, title = {Fine}}\n");
  auto reader = RecordReader::Open(path);
  ASSERT_TRUE(reader.ok());
  ReadResult result = testing::ReadAll(**reader);
  ASSERT_EQ(result.records.size(), 1u);
  EXPECT_EQ(result.records[0].title, "Fine");
  ASSERT_EQ(result.bad.size(), 1u);
  EXPECT_THAT(result.bad[0].message, HasSubstr("not UTF-8"));
}

TEST(BibtexReaderTest, DetectedByContentWithoutTheExtension) {
  ScratchDir dir;
  auto path = dir.Write("refs.txt", "% exported\n\n@misc{k, title = {T}}\n");
  auto reader = RecordReader::Open(path);
  ASSERT_TRUE(reader.ok()) << reader.status().message();
  EXPECT_EQ((*reader)->format(), InputFormat::kBibtex);
  auto empty = RecordReader::Open(dir.Write("empty.bib", "\n  \n"));
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.status().message(), HasSubstr("empty file"));
}

}  // namespace
}  // namespace paperdeck::ingest
