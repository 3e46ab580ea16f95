// One paper however many records: an arXiv preprint and its published version (a .bib entry, a
// Zotero item) are joined on the arXiv id, the DOI, or the title and first author with a year
// within one; the stored paper gains the published facts and keeps arXiv's.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus_test_support.h"
#include "library/corpus.h"
#include "library/paper_match.h"

namespace paperdeck::library {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using testing::ScratchDir;

std::unique_ptr<Corpus> OpenCorpus(const ScratchDir& dir) {
  Result<std::unique_ptr<Corpus>> corpus = Corpus::Open(dir.path() / "data");
  EXPECT_TRUE(corpus.ok()) << corpus.status().message();
  return corpus.ok() ? std::move(corpus).value() : nullptr;
}

void MustUpsert(Corpus& corpus, const std::vector<PaperRecord>& records) {
  Result<UpsertResult> result = corpus.Upsert(records);
  EXPECT_TRUE(result.ok()) << result.status().message();
}

StoredPaper MustFind(Corpus& corpus, std::string_view id) {
  Result<std::optional<StoredPaper>> found = corpus.Find(id);
  EXPECT_TRUE(found.ok() && found->has_value()) << "no paper for " << id;
  return found.ok() && found->has_value() ? **found : StoredPaper{};
}

uint64_t PaperCount(Corpus& corpus) {
  Result<CorpusStats> stats = corpus.Stats();
  return stats.ok() ? stats->papers : 0;
}

// The preprint as arXiv describes it.
PaperRecord Preprint() {
  PaperRecord r;
  r.arxiv_id = "1706.03762";
  r.title = "Attention Is All You Need";
  r.authors = {"Ashish Vaswani", "Noam Shazeer", "Niki Parmar"};
  r.abstract = "The dominant sequence transduction models are based on recurrent networks.";
  r.categories = {"cs.CL", "cs.LG"};
  r.published = "2017-06-12";
  r.versions = {{"v1", "Mon, 12 Jun 2017 17:57:34 GMT"}};
  r.source = "arxiv-snapshot";
  r.origin = "arxiv-metadata.json";
  return r;
}

// The published version as a .bib entry gives it.
PaperRecord BibEntry() {
  PaperRecord r;
  r.title = "Attention is all you need";
  r.authors = {"Ashish Vaswani", "Noam Shazeer"};
  r.authors_complete = false;
  r.abstract = "A shorter abstract from the proceedings.";
  r.venue = "Advances in Neural Information Processing Systems";
  r.doi = "10.5555/3295222.3295349";
  r.year = 2017;
  r.categories = {"cs.AI"};
  r.citation_key = "vaswani2017attention";
  r.source = "bibtex";
  r.origin = "refs.bib";
  return r;
}

TEST(PaperJoinTest, ABibEntryWithTheArxivIdJoinsThePreprintAndAddsWhereItWasPublished) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {Preprint()});
  PaperRecord entry = BibEntry();
  entry.arxiv_id = "1706.03762";
  MustUpsert(*corpus, {entry});

  EXPECT_EQ(PaperCount(*corpus), 1u);
  StoredPaper by_doi = MustFind(*corpus, "10.5555/3295222.3295349");
  StoredPaper by_arxiv = MustFind(*corpus, "1706.03762");
  StoredPaper by_url = MustFind(*corpus, "https://doi.org/10.5555/3295222.3295349");
  EXPECT_EQ(by_doi.key, by_arxiv.key);
  EXPECT_EQ(by_url.key, by_arxiv.key);
  const PaperRecord& p = by_arxiv.record;
  EXPECT_EQ(p.id, "1706.03762");
  // Where it was published comes from the entry...
  EXPECT_EQ(p.venue, "Advances in Neural Information Processing Systems");
  EXPECT_EQ(p.doi, "10.5555/3295222.3295349");
  EXPECT_EQ(p.year, 2017);
  // ...and what arXiv says of it stays.
  EXPECT_EQ(p.title, "Attention Is All You Need");
  EXPECT_EQ(p.abstract, Preprint().abstract);
  EXPECT_EQ(p.authors, Preprint().authors);
  EXPECT_TRUE(p.authors_complete);
  EXPECT_EQ(p.published, "2017-06-12");
  EXPECT_THAT(p.categories, ElementsAre("cs.CL", "cs.LG", "cs.AI"));
}

TEST(PaperJoinTest, EachSourcesFactsKeepTheirProvenance) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {Preprint()});
  PaperRecord entry = BibEntry();
  entry.arxiv_id = "1706.03762";
  MustUpsert(*corpus, {entry});
  StoredPaper p = MustFind(*corpus, "1706.03762");
  Result<std::vector<Corpus::Provenance>> rows = corpus->ProvenanceOf(p.key);
  ASSERT_TRUE(rows.ok());
  std::vector<std::string> facts;
  for (const Corpus::Provenance& row : *rows) facts.push_back(row.source + " " + row.field);
  EXPECT_THAT(facts, Contains("arxiv-snapshot title"));
  EXPECT_THAT(facts, Contains("arxiv-snapshot categories"));
  EXPECT_THAT(facts, Contains("bibtex venue"));
  EXPECT_THAT(facts, Contains("bibtex doi"));
  EXPECT_THAT(facts, Contains("bibtex title"));  // said, though arXiv's words are shown
}

TEST(PaperJoinTest, TheSameDoiJoins) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  PaperRecord preprint = Preprint();
  preprint.doi = "10.5555/3295222.3295349";  // the snapshot knew the DOI
  MustUpsert(*corpus, {preprint});
  PaperRecord entry = BibEntry();
  entry.title = "A title the proceedings changed";
  MustUpsert(*corpus, {entry});
  EXPECT_EQ(PaperCount(*corpus), 1u);
  EXPECT_EQ(MustFind(*corpus, "1706.03762").record.venue, BibEntry().venue);
}

TEST(PaperJoinTest, TheSameTitleAndFirstAuthorJoinWithinAYear) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {Preprint()});  // 2017

  PaperRecord next_year = BibEntry();
  next_year.doi.clear();
  next_year.year = 2018;
  next_year.title = "Attention is all you need.";  // case and punctuation aside, the same
  MustUpsert(*corpus, {next_year});
  EXPECT_EQ(PaperCount(*corpus), 1u);
  EXPECT_EQ(MustFind(*corpus, "1706.03762").record.year, 2018);

  PaperRecord later = BibEntry();
  later.doi.clear();
  later.year = 2021;  // three years after the paper's 2018: another paper of the same name
  later.venue = "A Journal";
  MustUpsert(*corpus, {later});
  EXPECT_EQ(PaperCount(*corpus), 2u);
  EXPECT_EQ(MustFind(*corpus, "1706.03762").record.venue, BibEntry().venue);
}

TEST(PaperJoinTest, AnUnknownYearDoesNotKeepTitleMatchesApart) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {Preprint()});
  PaperRecord entry = BibEntry();
  entry.doi.clear();
  entry.year = 0;
  MustUpsert(*corpus, {entry});
  EXPECT_EQ(PaperCount(*corpus), 1u);
}

TEST(PaperJoinTest, DifferentIdsStillKeepPapersApart) {
  {
    ScratchDir dir;
    auto corpus = OpenCorpus(dir);
    PaperRecord preprint = Preprint();
    preprint.doi = "10.1000/one";
    MustUpsert(*corpus, {preprint});
    PaperRecord other_doi = BibEntry();
    other_doi.doi = "10.1000/two";  // same title, author and year, another DOI
    MustUpsert(*corpus, {other_doi});
    EXPECT_EQ(PaperCount(*corpus), 2u);
  }
  {
    ScratchDir dir;
    auto corpus = OpenCorpus(dir);
    MustUpsert(*corpus, {Preprint()});
    PaperRecord other_arxiv = BibEntry();
    other_arxiv.doi.clear();
    other_arxiv.arxiv_id = "1801.00001";  // same title, author and year, another arXiv id
    MustUpsert(*corpus, {other_arxiv});
    EXPECT_EQ(PaperCount(*corpus), 2u);
  }
}

TEST(PaperJoinTest, APaperFirstKnownFromABibFileTakesArxivsWordsWhenArxivComes) {
  ScratchDir dir;
  auto corpus = OpenCorpus(dir);
  MustUpsert(*corpus, {BibEntry()});
  StoredPaper first = MustFind(*corpus, "10.5555/3295222.3295349");
  EXPECT_EQ(first.record.title, "Attention is all you need");

  MustUpsert(*corpus, {Preprint()});  // joins on the title, first author and year
  EXPECT_EQ(PaperCount(*corpus), 1u);
  StoredPaper joined = MustFind(*corpus, "1706.03762");
  EXPECT_EQ(joined.key, first.key);
  EXPECT_EQ(joined.record.id, "1706.03762");
  EXPECT_EQ(joined.record.title, "Attention Is All You Need");
  EXPECT_EQ(joined.record.venue, BibEntry().venue);
  EXPECT_EQ(joined.record.doi, "10.5555/3295222.3295349");
  EXPECT_EQ(MustFind(*corpus, "10.5555/3295222.3295349").key, first.key);
}

TEST(PaperJoinTest, MatchKeysCarryTheYearOfTheRecordOrItsDate) {
  PaperRecord r = Preprint();
  EXPECT_EQ(MatchKeys::OfRecord(r, "").year, 2017);
  r.year = 2019;
  EXPECT_EQ(MatchKeys::OfRecord(r, "").year, 2019);
  EXPECT_EQ(MatchKeys::OfId("1706.03762").year, 0);
}

}  // namespace
}  // namespace paperdeck::library
