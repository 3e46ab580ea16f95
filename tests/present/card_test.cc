#include "present/card.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "model/calendar.h"
#include "present/paper_json.h"

namespace paperdeck::present {
namespace {

using ::testing::ElementsAre;

const int32_t kToday = *ParseIsoDate("2026-06-20");

TEST(FormatCountTest, ThousandsAndMillionsAsThePageWritesThem) {
  EXPECT_EQ(FormatCount(0), "0");
  EXPECT_EQ(FormatCount(237), "237");
  EXPECT_EQ(FormatCount(999), "999");
  EXPECT_EQ(FormatCount(1000), "1k");
  EXPECT_EQ(FormatCount(1600), "1.6k");
  EXPECT_EQ(FormatCount(4000), "4k");
  EXPECT_EQ(FormatCount(4400), "4.4k");
  EXPECT_EQ(FormatCount(5600), "5.6k");
  EXPECT_EQ(FormatCount(12345), "12.3k");
  EXPECT_EQ(FormatCount(999'999), "1M");
  EXPECT_EQ(FormatCount(1'250'000), "1.3M");
}

TEST(MakeCardTest, TheUserTagsAndStateAreOnTheCardAndBesideItsJson) {
  PaperRecord r;
  r.title = "Longformer";
  r.abstract = "Transformer-based models are unable to process long sequences.";
  r.authors = {"Iz Beltagy", "Matthew E. Peters", "Arman Cohan"};
  nlohmann::json plain = CardJson(MakeCard(r, kToday));
  // What the paper's own fields say is not said again by its card.
  EXPECT_EQ(plain, nlohmann::json({{"badge", "paper"},
                                   {"when", nlohmann::json::array()},
                                   {"signal", ""},
                                   {"authors", "Iz Beltagy, Matthew E. Peters, Arman Cohan"},
                                   {"version", nullptr}}));

  library::LibraryEntry entry;
  entry.tags = {"thesis", "Thesis/related-work"};
  entry.state = library::ReadingStateAt{library::ReadingState::kToRead, "2026-06-01T10:00:00Z"};
  Card card = MakeCard(r, entry, kToday);
  EXPECT_THAT(card.tags, ElementsAre("thesis", "Thesis/related-work"));
  EXPECT_EQ(card.state, "to-read");
  EXPECT_FALSE(CardJson(card).contains("tags"));
  EXPECT_EQ(LibraryFieldsJson(entry), nlohmann::json({{"tags", {"thesis", "Thesis/related-work"}},
                                                      {"state", "to-read"}}));
}

TEST(ShownAuthorsTest, FirstThreeThenEtAl) {
  EXPECT_EQ(ShownAuthors({"A"}, true), "A");
  EXPECT_EQ(ShownAuthors({"A", "B", "C"}, true), "A, B, C");
  EXPECT_EQ(ShownAuthors({"A", "B", "C", "D"}, true), "A, B, C et al.");
  EXPECT_EQ(ShownAuthors({"A", "B", "C"}, false), "A, B, C et al.");
  EXPECT_EQ(ShownAuthors({}, true), "");
}

TEST(MakeCardTest, HuggingFacePaperWithUpvotes) {
  PaperRecord r;
  r.badges = {"paper"};
  r.published = "2026-06-10";
  r.upvotes = 126;
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(), ElementsAre("paper", "Jun 10, 2026", "▲ 126"));
}

TEST(MakeCardTest, ArxivPaperShowsItsCategoriesAndNew) {
  PaperRecord r;
  r.badges = {"arxiv"};
  r.categories = {"cs.LG", "cs.CV"};
  r.published = "2026-06-18";
  r.is_new = true;
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(), ElementsAre("cs.LG · cs.CV", "Jun 18, 2026", "new"));
}

TEST(MakeCardTest, TheBadgeListsArxivsCategoriesNotTheClassesBesideThem) {
  PaperRecord r;
  r.categories = {"cs.LG", "68T10", "I.2.6; I.2.7"};
  EXPECT_EQ(MakeCard(r, kToday).badge, "cs.LG");
  r.categories = {"68T10"};  // nothing else to show
  EXPECT_EQ(MakeCard(r, kToday).badge, "68T10");
}

TEST(MakeCardTest, OlderCitedPaperShowsVenueAndYear) {
  PaperRecord r;
  r.badges = {"paper"};
  r.venue = "NeurIPS 2024";
  r.year = 2024;
  r.citations = 237;
  // The venue names the year: said once.
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(),
              ElementsAre("paper", "NeurIPS 2024", "237 citations"));
  r.published = "2024-05-01";  // a date more than a year old: venue and year still win
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(),
              ElementsAre("paper", "NeurIPS 2024", "237 citations"));
  r.venue = "ICLR";  // a venue without its year: the year beside it
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(), ElementsAre("paper", "ICLR", "2024", "237 citations"));
  r.venue = "ICLR 20245";  // digits around the year are another number
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(),
              ElementsAre("paper", "ICLR 20245", "2024", "237 citations"));
  r.venue = "NeurIPS 2024";
  r.published = "2026-05-01";  // a recent date comes first, and the venue still shows
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(),
              ElementsAre("paper", "May 1, 2026", "NeurIPS 2024", "237 citations"));
}

TEST(MakeCardTest, PublishedPreprintShowsCategoriesAndVenue) {
  PaperRecord r;
  r.categories = {"cs.CL", "cs.LG"};
  r.venue = "Advances in Neural Information Processing Systems";
  r.year = 2017;
  r.published = "2017-06-12";
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(),
              ElementsAre("cs.CL · cs.LG", "Advances in Neural Information Processing Systems",
                          "2017"));
}

TEST(MakeCardTest, YearOnlyWithThousandsOfCitations) {
  PaperRecord r;
  r.badges = {"paper"};
  r.year = 2021;
  r.citations = 4000;
  EXPECT_THAT(MakeCard(r, kToday).MetaParts(), ElementsAre("paper", "2021", "4k citations"));
}

TEST(MakeCardTest, UpvotesBeatCitationsBeatNew) {
  PaperRecord r;
  r.published = "2026-06-01";
  r.is_new = true;
  EXPECT_EQ(MakeCard(r, kToday).signal, "new");
  r.citations = 1;
  EXPECT_EQ(MakeCard(r, kToday).signal, "1 citation");
  r.upvotes = 0;
  EXPECT_EQ(MakeCard(r, kToday).signal, "▲ 0");
}

}  // namespace
}  // namespace paperdeck::present
