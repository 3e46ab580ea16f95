// Authors by any spelling: `author:` words and phrases over an index of names written as sources
// write them (text/author_name_analyzer.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "search/searcher.h"
#include "test_index.h"

namespace paperdeck::search {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

enum Key : uint64_t {
  kYoshua = 1, kYBengio, kSamy, kYannBengio, kLeCun, kLeCunSpaced, kLecunLower, kMaaten,
  kMaatenInitial, kScholkopf, kSchoelkopf, kLeSong, kQuocLe, kBoAn, kTeh, kSchmidhuber, kPaper,
};

std::vector<TestPaper> Papers() {
  auto paper = [](uint64_t key, std::vector<std::string> authors) {
    return TestPaper{key, "Paper " + std::to_string(key), "An abstract.", std::move(authors)};
  };
  return {
      paper(kYoshua, {"Ian Goodfellow", "Yoshua Bengio", "Aaron Courville"}),
      paper(kYBengio, {"Y. Bengio", "P. Simard"}),
      paper(kSamy, {"Samy Bengio"}),
      paper(kYannBengio, {"Yann Bengio"}),
      paper(kLeCun, {"Yann LeCun", "Léon Bottou"}),
      paper(kLeCunSpaced, {"Y. Le Cun", "B. Boser"}),
      paper(kLecunLower, {"Yann Lecun"}),
      paper(kMaaten, {"Laurens van der Maaten", "Geoffrey Hinton"}),
      paper(kMaatenInitial, {"L. Van Der Maaten"}),
      paper(kScholkopf, {"Bernhard Schölkopf"}),
      paper(kSchoelkopf, {"Bernhard Schoelkopf"}),
      paper(kLeSong, {"Le Song"}),
      paper(kQuocLe, {"Quoc V. Le"}),
      paper(kBoAn, {"Bo An", "Bo Li"}),
      paper(kTeh, {"Yee-Whye Teh"}),
      paper(kSchmidhuber, {"Jürgen Schmidhuber"}),
      // A paper that names an author in its text but is not by them.
      TestPaper{kPaper, "Deep learning of representations", "As LeCun and Bengio showed.",
                {"Ada Lovelace"}},
  };
}

class AuthorSearchTest : public ::testing::Test {
 protected:
  void SetUp() override { index_.Add(Papers()); }

  std::set<uint64_t> Keys(const std::string& query) {
    SearchRequest r;
    r.query = query;
    r.limit = 100;
    r.exact = true;
    Searcher searcher(index_.Reader());
    Result<SearchResponse> response = searcher.Search(r);
    EXPECT_TRUE(response.ok()) << query;
    std::set<uint64_t> keys;
    if (!response.ok()) return keys;
    for (const SearchHit& h : response->hits) keys.insert(h.paper_key);
    EXPECT_EQ(response->total, keys.size()) << query;
    return keys;
  }

  TestIndex index_;
};

TEST_F(AuthorSearchTest, AnInitialFindsTheGivenNameAFullNameOnlyItself) {
  EXPECT_THAT(Keys("author:\"y bengio\""), UnorderedElementsAre(kYoshua, kYBengio, kYannBengio));
  EXPECT_THAT(Keys("author:\"Y. Bengio\""), UnorderedElementsAre(kYoshua, kYBengio, kYannBengio));
  EXPECT_THAT(Keys("author:\"yoshua bengio\""), ElementsAre(kYoshua));
  EXPECT_THAT(Keys("author:\"Yoshua Bengio\""), ElementsAre(kYoshua));
  EXPECT_THAT(Keys("author:\"samy bengio\""), ElementsAre(kSamy));
  EXPECT_THAT(Keys("author:bengio"),
              UnorderedElementsAre(kYoshua, kYBengio, kSamy, kYannBengio));
  // The phrase stays within one author: "Bengio" then the next author's "Aaron".
  EXPECT_THAT(Keys("author:\"bengio aaron\""), IsEmpty());
  EXPECT_THAT(Keys("author:\"y w teh\""), ElementsAre(kTeh));
  EXPECT_THAT(Keys("author:\"y.-w. teh\""), ElementsAre(kTeh));
}

TEST_F(AuthorSearchTest, ANameTypedFamilyNameFirst) {
  EXPECT_THAT(Keys("author:\"bengio y\""), UnorderedElementsAre(kYoshua, kYBengio, kYannBengio));
  EXPECT_THAT(Keys("author:\"Bengio, Yoshua\""), ElementsAre(kYoshua));
  EXPECT_THAT(Keys("author:\"van der maaten, l\""), UnorderedElementsAre(kMaaten, kMaatenInitial));
  EXPECT_THAT(Keys("author:\"teh y.-w.\""), ElementsAre(kTeh));
  // A name given first is not turned around: "yoshua bengio" is not "Bengio Yoshua".
  EXPECT_THAT(Keys("author:\"bengio yoshua\""), IsEmpty());
}

TEST_F(AuthorSearchTest, JoinedAndSpacedFamilyNames) {
  EXPECT_THAT(Keys("author:lecun"), UnorderedElementsAre(kLeCun, kLeCunSpaced, kLecunLower));
  EXPECT_THAT(Keys("author:LeCun"), UnorderedElementsAre(kLeCun, kLeCunSpaced, kLecunLower));
  EXPECT_THAT(Keys("author:\"y lecun\""), UnorderedElementsAre(kLeCun, kLeCunSpaced, kLecunLower));
  EXPECT_THAT(Keys("author:\"le cun\""), UnorderedElementsAre(kLeCun, kLeCunSpaced));
  EXPECT_THAT(Keys("author:\"yann le cun\""), ElementsAre(kLeCun));
  // A bare word meets the names as before, in the title and abstract too.
  EXPECT_THAT(Keys("lecun"), UnorderedElementsAre(kLeCun, kLeCunSpaced, kLecunLower, kPaper));
}

TEST_F(AuthorSearchTest, Particles) {
  EXPECT_THAT(Keys("author:\"van der maaten\""), UnorderedElementsAre(kMaaten, kMaatenInitial));
  EXPECT_THAT(Keys("author:vandermaaten"), UnorderedElementsAre(kMaaten, kMaatenInitial));
  EXPECT_THAT(Keys("author:maaten"), UnorderedElementsAre(kMaaten, kMaatenInitial));
  EXPECT_THAT(Keys("author:\"l van der maaten\""), UnorderedElementsAre(kMaaten, kMaatenInitial));
  EXPECT_THAT(Keys("author:\"laurens van der maaten\""), ElementsAre(kMaaten));
  // "Le" first is a given name, last a family name.
  EXPECT_THAT(Keys("author:\"l song\""), ElementsAre(kLeSong));
  EXPECT_THAT(Keys("author:\"q v le\""), ElementsAre(kQuocLe));
  EXPECT_THAT(Keys("author:\"quoc le\""), IsEmpty());  // the V. between them
}

TEST_F(AuthorSearchTest, DiacriticsAndGermanTransliteration) {
  EXPECT_THAT(Keys("author:scholkopf"), ElementsAre(kScholkopf));
  EXPECT_THAT(Keys("author:schölkopf"), ElementsAre(kScholkopf));
  EXPECT_THAT(Keys("author:schoelkopf"), UnorderedElementsAre(kScholkopf, kSchoelkopf));
  EXPECT_THAT(Keys("author:\"b schoelkopf\""), UnorderedElementsAre(kScholkopf, kSchoelkopf));
  EXPECT_THAT(Keys("author:\"jurgen schmidhuber\""), ElementsAre(kSchmidhuber));
  EXPECT_THAT(Keys("author:\"juergen schmidhuber\""), ElementsAre(kSchmidhuber));
  EXPECT_THAT(Keys("author:\"leon bottou\""), ElementsAre(kLeCun));
}

TEST_F(AuthorSearchTest, StopWordsAreNamesInTheAuthors) {
  EXPECT_THAT(Keys("author:\"bo an\""), ElementsAre(kBoAn));
  EXPECT_THAT(Keys("author:an"), ElementsAre(kBoAn));
  // Elsewhere "an" is still a stop word: a bare `an` searches nothing.
  EXPECT_THAT(Keys("an"), IsEmpty());
}

TEST_F(AuthorSearchTest, PrefixesAndFuzzyWordsKeepWorking) {
  EXPECT_THAT(Keys("author:schmidh*"), ElementsAre(kSchmidhuber));
  EXPECT_THAT(Keys("author:schmidhuber~"), ElementsAre(kSchmidhuber));
  EXPECT_THAT(Keys("author:schmidhubr~1"), ElementsAre(kSchmidhuber));
  EXPECT_THAT(Keys("author:vanderm*"), UnorderedElementsAre(kMaaten, kMaatenInitial));
}

}  // namespace
}  // namespace paperdeck::search
