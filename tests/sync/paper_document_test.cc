// PaperDocument is built from a scan that reads only the indexed columns
// (library::PaperFields::kIndexed): the document must be the one a fully read paper gives, for
// papers with every fact and with as few as a paper can have.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "e2e/cli_runner.h"
#include "library/corpus.h"
#include "sync/paper_document.h"

namespace paperdeck::sync {
namespace {

using e2e::TempDir;

std::vector<PaperRecord> Records() {
  PaperRecord full;
  full.arxiv_id = "2401.00001";
  full.doi = "10.1000/xyz";
  full.title = "Sparse attention über alles";
  full.abstract = "We make attention sparse.";
  full.authors = {"Ada Lovelace", "Li Wéi"};
  full.authors_complete = false;
  full.categories = {"cs.LG", "stat.ML"};
  full.published = "2024-01-15";
  full.updated = "2024-02-01";
  full.venue = "ICML 2024";
  full.year = 2024;
  full.citations = 0;
  full.upvotes = 17;
  full.is_new = true;
  full.badges = {"paper"};
  full.links = {"https://example.org"};
  full.versions = {{"v1", "Mon, 15 Jan 2024 10:00:00 GMT"}};
  full.comments = "9 pages";
  full.journal_ref = "PMLR 235";
  PaperRecord dated_only;  // the year comes from the date
  dated_only.arxiv_id = "2401.00002";
  dated_only.title = "Dated";
  dated_only.published = "2023-12-30";
  PaperRecord bare;  // a title and nothing else
  bare.title = "Bare";
  return {full, dated_only, bare};
}

std::vector<library::StoredPaper> Scan(library::Corpus& corpus, library::PaperFields fields) {
  std::vector<library::StoredPaper> papers;
  Status s = corpus.ChangedSince(
      0,
      [&](const library::StoredPaper& p) {
        papers.push_back(p);
        return true;
      },
      fields);
  EXPECT_TRUE(s.ok()) << s.message();
  return papers;
}

TEST(PaperDocument, AnIndexedScanGivesTheDocumentOfAFullyReadPaper) {
  TempDir dir;
  auto corpus = library::Corpus::Open(dir.path() / "data");
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  ASSERT_TRUE((*corpus)->Upsert(Records()).ok());
  std::vector<library::StoredPaper> full = Scan(**corpus, library::PaperFields::kAll);
  std::vector<library::StoredPaper> lean = Scan(**corpus, library::PaperFields::kIndexed);
  ASSERT_EQ(full.size(), 3u);
  ASSERT_EQ(lean.size(), full.size());
  for (size_t i = 0; i < full.size(); ++i) {
    SCOPED_TRACE(full[i].record.title);
    PaperDocument want_doc(full[i]);
    PaperDocument got_doc(lean[i]);
    const index::IndexDocument& want = want_doc.document();
    const index::IndexDocument& got = got_doc.document();
    EXPECT_EQ(got.paper_key, want.paper_key);
    EXPECT_EQ(got.title, want.title);
    EXPECT_EQ(got.abstract, want.abstract);
    EXPECT_EQ(got.authors, want.authors);
    EXPECT_EQ(got.venue, want.venue);
    EXPECT_EQ(got.categories, want.categories);
    EXPECT_EQ(got.date, want.date);
    EXPECT_EQ(got.year, want.year);
    EXPECT_EQ(got.citations, want.citations);
    EXPECT_EQ(got.upvotes, want.upvotes);
    EXPECT_EQ(got.is_new, want.is_new);
  }
  PaperDocument first(lean[0]);
  EXPECT_EQ(first.document().upvotes, 17);
  EXPECT_EQ(first.document().citations, 0);
  EXPECT_TRUE(first.document().is_new);
  PaperDocument dated(lean[1]);
  EXPECT_EQ(dated.document().year, 2023);
}

}  // namespace
}  // namespace paperdeck::sync
