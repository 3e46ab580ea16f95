#include "library/paper_merge.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/paper_id.h"

namespace paperdeck::library {
namespace {

using ::testing::ElementsAre;

PaperRecord Stored() {
  PaperRecord s;
  s.title = "Longformer: The Long-Document Transformer";
  s.authors = {"Iz Beltagy", "Matthew E. Peters", "Arman Cohan"};
  s.abstract = "Transformer-based models are unable to process long sequences.";
  s.venue = "arXiv";
  s.year = 2020;
  s.citations = 5600;
  s.badges = {"paper"};
  s.categories = {"cs.CL"};
  s.links = {"https://example.org/a"};
  s.versions = {{"v1", "Fri, 10 Apr 2020"}, {"v2", ""}};
  return NormalizeForCorpus(s);
}

std::vector<std::string> VersionNames(const PaperRecord& r) {
  std::vector<std::string> names;
  for (const PaperVersion& v : r.versions) names.push_back(v.name + "@" + v.date);
  return names;
}

TEST(PaperMergeTest, FactsGivenReplaceAndFactsMissingAreKept) {
  PaperRecord stored = Stored();
  PaperRecord in;
  in.title = stored.title;
  in.citations = 5700;
  in.venue = "";  // not given
  in.year = 0;    // not given
  ASSERT_TRUE(MergeInto(NormalizeForCorpus(in), false, &stored));
  EXPECT_EQ(stored.citations, 5700);
  EXPECT_EQ(stored.venue, "arXiv");
  EXPECT_EQ(stored.year, 2020);
  EXPECT_EQ(stored.abstract, "Transformer-based models are unable to process long sequences.");
  EXPECT_EQ(stored.authors.size(), 3u);
}

TEST(PaperMergeTest, NothingNewIsNoChange) {
  PaperRecord stored = Stored();
  PaperRecord in;
  in.title = stored.title;
  in.citations = 5600;
  in.badges = {"paper"};
  in.versions = {{"v2", ""}};
  EXPECT_FALSE(MergeInto(NormalizeForCorpus(in), false, &stored));
  EXPECT_TRUE(SameFacts(stored, Stored()));
}

TEST(PaperMergeTest, ListsAreUnitedAndTheRecordsPrimaryCategoryLeads) {
  PaperRecord stored = Stored();
  PaperRecord in;
  in.title = stored.title;
  in.categories = {"cs.LG", "cs.CL"};
  in.badges = {"arxiv", "paper"};
  in.links = {"https://arxiv.org/abs/2004.05150"};
  in.versions = {{"v10", "x"}, {"v2", "Mon, 4 May 2020"}, {"v3", ""}};
  ASSERT_TRUE(MergeInto(NormalizeForCorpus(in), false, &stored));
  EXPECT_THAT(stored.categories, ElementsAre("cs.LG", "cs.CL"));
  EXPECT_THAT(stored.badges, ElementsAre("paper", "arxiv"));
  EXPECT_THAT(stored.links, ElementsAre("https://example.org/a", "https://arxiv.org/abs/2004.05150"));
  EXPECT_THAT(VersionNames(stored),
              ElementsAre("v1@Fri, 10 Apr 2020", "v2@Mon, 4 May 2020", "v3@", "v10@x"));
}

TEST(PaperMergeTest, AnEtAlListNeverReplacesAFullList) {
  PaperRecord stored = Stored();
  PaperRecord in;
  in.title = stored.title;
  in.authors = {"Iz Beltagy", "M. Peters"};
  in.authors_complete = false;
  EXPECT_FALSE(MergeInto(NormalizeForCorpus(in), false, &stored));
  EXPECT_THAT(stored.authors, ElementsAre("Iz Beltagy", "Matthew E. Peters", "Arman Cohan"));

  // The other way round: a full list replaces an "et al." one.
  PaperRecord partial = in;
  PaperRecord full = Stored();
  ASSERT_TRUE(MergeInto(full, false, &partial));
  EXPECT_EQ(partial.authors.size(), 3u);
  EXPECT_TRUE(partial.authors_complete);
}

TEST(PaperMergeTest, IdImprovesButNeverFallsBack) {
  PaperRecord stored = Stored();
  const std::string title_key = TitleKey(stored.title, stored.authors[0]);
  EXPECT_EQ(stored.id, title_key);

  PaperRecord with_doi;
  with_doi.title = stored.title;
  with_doi.doi = "https://doi.org/10.48550/arXiv.2004.05150";
  ASSERT_TRUE(MergeInto(NormalizeForCorpus(with_doi), false, &stored));
  EXPECT_EQ(stored.id, "doi:10.48550/arxiv.2004.05150");

  PaperRecord with_arxiv;
  with_arxiv.title = stored.title;
  with_arxiv.arxiv_id = "arXiv:2004.05150v2";
  ASSERT_TRUE(MergeInto(NormalizeForCorpus(with_arxiv), false, &stored));
  EXPECT_EQ(stored.id, "2004.05150");
  EXPECT_EQ(stored.doi, "10.48550/arxiv.2004.05150");

  PaperRecord renamed;
  renamed.title = "Longformer (renamed)";
  ASSERT_TRUE(MergeInto(NormalizeForCorpus(renamed), false, &stored));
  EXPECT_EQ(stored.id, "2004.05150");
}

TEST(PaperMergeTest, NewMarkFollowsTheSourceThatReportsIt) {
  PaperRecord stored = Stored();
  PaperRecord in;
  in.title = stored.title;
  in.is_new = true;
  ASSERT_TRUE(MergeInto(in, false, &stored));
  EXPECT_TRUE(stored.is_new);
  in.is_new = false;
  EXPECT_FALSE(MergeInto(in, /*source_reports_new=*/false, &stored));
  EXPECT_TRUE(stored.is_new);
  ASSERT_TRUE(MergeInto(in, /*source_reports_new=*/true, &stored));
  EXPECT_FALSE(stored.is_new);
}

TEST(PaperMergeTest, NormalizingDropsIdsThatDoNotParseAndDuplicates) {
  PaperRecord r;
  r.title = "T";
  r.arxiv_id = "not an id";
  r.doi = "DOI:10.1000/XYZ";
  r.categories = {"cs.LG", "cs.LG", "", "cs.AI"};
  PaperRecord n = NormalizeForCorpus(r);
  EXPECT_EQ(n.arxiv_id, "");
  EXPECT_EQ(n.doi, "10.1000/xyz");
  EXPECT_EQ(n.id, "doi:10.1000/xyz");
  EXPECT_THAT(n.categories, ElementsAre("cs.LG", "cs.AI"));
}

TEST(PaperMergeTest, IdRankOrdersArxivOverDoiOverTitleKey) {
  EXPECT_GT(IdRank("2401.12345"), IdRank("doi:10.1/x"));
  EXPECT_GT(IdRank("hep-th/9901001"), IdRank("doi:10.1/x"));
  EXPECT_GT(IdRank("doi:10.1/x"), IdRank("h:0123456789abcdef"));
}

}  // namespace
}  // namespace paperdeck::library
