#include "text/author_name_analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace paperdeck::text {
namespace {

class AuthorNameAnalyzerTest : public ::testing::Test {
 protected:
  std::vector<Token> Tokens(std::string_view name, uint32_t first_position = 0) {
    std::vector<Token> tokens;
    size_t stopped_at = 0;
    names_.AnalyzeUpTo(&analyzer_, name, SIZE_MAX, &tokens, first_position, &stopped_at);
    EXPECT_EQ(stopped_at, name.size());
    return tokens;
  }

  // "term@position" for each token, ordered by position then term.
  std::string Render(std::string_view name) {
    std::vector<Token> tokens = Tokens(name);
    std::sort(tokens.begin(), tokens.end(), [](const Token& a, const Token& b) {
      return std::tie(a.position, a.term) < std::tie(b.position, b.term);
    });
    std::string out;
    for (const Token& t : tokens) {
      if (!out.empty()) out += ' ';
      out += t.term + "@" + std::to_string(t.position);
    }
    return out;
  }

  // Whether `author:"query"` finds the name: the query's words as the planner reads them in the
  // authors (a compound's parts at successive positions, other words one position each) all at
  // one starting position of the name's tokens.
  bool Finds(std::string_view query, std::string_view name) {
    std::vector<std::pair<std::string, uint32_t>> terms;
    uint32_t position = 0;
    for (const QueryWord& w : AuthorQueryWords(&analyzer_, query)) {
      if (!w.parts.empty()) {
        for (const std::string& part : w.parts) {
          if (!part.empty()) terms.emplace_back(part, position);
          ++position;
        }
      } else {
        if (!w.whole.empty()) terms.emplace_back(w.whole, position);
        ++position;
      }
    }
    if (terms.empty()) return false;
    const std::vector<Token> tokens = Tokens(name);
    auto has = [&](const std::string& term, uint32_t at) {
      return std::any_of(tokens.begin(), tokens.end(),
                         [&](const Token& t) { return t.term == term && t.position == at; });
    };
    for (const Token& start : tokens) {
      if (start.term != terms[0].first) continue;
      const uint32_t base = start.position - terms[0].second;
      if (std::all_of(terms.begin(), terms.end(),
                      [&](const auto& t) { return has(t.first, base + t.second); })) {
        return true;
      }
    }
    return false;
  }

  Analyzer analyzer_;
  AuthorNameAnalyzer names_;
};

TEST_F(AuthorNameAnalyzerTest, GivenNamesAlsoTakeTheirInitials) {
  EXPECT_EQ(Render("Yoshua Bengio"), "y@0 yoshua@0 bengio@1");
  EXPECT_EQ(Render("Diederik P. Kingma"), "d@0 diederik@0 p@1 kingma@2");
  // A hyphenated given name: each part's initial at the part's position.
  EXPECT_EQ(Render("Jean-Baptiste Alayrac"),
            "j@0 jean@0 jean-baptist@0 b@1 baptist@1 alayrac@2");
}

TEST_F(AuthorNameAnalyzerTest, InitialsMatchGivenNamesButFullNamesStayExact) {
  EXPECT_TRUE(Finds("y bengio", "Yoshua Bengio"));
  EXPECT_TRUE(Finds("Y. Bengio", "Yoshua Bengio"));
  EXPECT_TRUE(Finds("y bengio", "Y. Bengio"));
  EXPECT_TRUE(Finds("yoshua bengio", "Yoshua Bengio"));
  EXPECT_TRUE(Finds("YOSHUA BENGIO", "Yoshua Bengio"));
  EXPECT_FALSE(Finds("yoshua bengio", "Yann Bengio"));
  EXPECT_FALSE(Finds("yoshua bengio", "Samy Bengio"));
  EXPECT_FALSE(Finds("s bengio", "Yoshua Bengio"));
  // The family name is not given an initial.
  EXPECT_FALSE(Finds("yoshua b", "Yoshua Bengio"));
}

TEST_F(AuthorNameAnalyzerTest, InitialsWrittenWithDotsAndHyphens) {
  EXPECT_TRUE(Finds("y w teh", "Yee Whye Teh"));
  EXPECT_TRUE(Finds("y w teh", "Yee-Whye Teh"));
  EXPECT_TRUE(Finds("y.-w. teh", "Yee-Whye Teh"));
  EXPECT_TRUE(Finds("y.-w. teh", "Y.-W. Teh"));
  EXPECT_TRUE(Finds("yee whye teh", "Yee-Whye Teh"));
  EXPECT_TRUE(Finds("j.r.r. tolkien", "John Ronald Reuel Tolkien"));
  EXPECT_TRUE(Finds("j r r tolkien", "J.R.R. Tolkien"));
  EXPECT_TRUE(Finds("jean-baptiste alayrac", "Jean-Baptiste Alayrac"));
  EXPECT_TRUE(Finds("j.-b. alayrac", "Jean-Baptiste Alayrac"));
  EXPECT_FALSE(Finds("j.-b. alayrac", "Jean Alayrac"));
}

TEST_F(AuthorNameAnalyzerTest, JoinedAndSpacedFamilyNames) {
  EXPECT_EQ(Render("Y. Le Cun"), "y@0 le@1 lecun@1 cun@2");
  for (std::string_view name : {"Yann LeCun", "Y. Le Cun", "Yann Lecun", "YANN LECUN"}) {
    EXPECT_TRUE(Finds("lecun", name)) << name;
    EXPECT_TRUE(Finds("y lecun", name)) << name;
    EXPECT_TRUE(Finds("yann lecun", name) || name == "Y. Le Cun") << name;
  }
  EXPECT_TRUE(Finds("le cun", "Yann LeCun"));
  EXPECT_TRUE(Finds("le cun", "Y. Le Cun"));
  EXPECT_TRUE(Finds("yann le cun", "Yann LeCun"));
  // "Lecun" was written as one word: nothing says where "Le Cun" would split it.
  EXPECT_FALSE(Finds("le cun", "Yann Lecun"));
}

TEST_F(AuthorNameAnalyzerTest, Particles) {
  EXPECT_EQ(Render("Laurens van der Maaten"), "l@0 lauren@0 van@1 vandermaaten@1 der@2 maaten@3");
  EXPECT_TRUE(Finds("van der maaten", "Laurens van der Maaten"));
  EXPECT_TRUE(Finds("vandermaaten", "Laurens van der Maaten"));
  EXPECT_TRUE(Finds("maaten", "Laurens van der Maaten"));
  EXPECT_TRUE(Finds("l van der maaten", "Laurens van der Maaten"));
  EXPECT_TRUE(Finds("vandermaaten", "L. van der Maaten"));
  EXPECT_TRUE(Finds("van gemert", "Jan van Gemert"));
  EXPECT_TRUE(Finds("vangemert", "Jan van Gemert"));
  EXPECT_TRUE(Finds("vanwallendael", "Glenn Van Wallendael"));
  EXPECT_TRUE(Finds("delatorre", "Fernando De la Torre"));
  EXPECT_TRUE(Finds("h le borgne", "Hervé Le Borgne"));
  // The first word is a given name even when it could be a particle: "Le Song" is Le, Song.
  EXPECT_EQ(Render("Le Song"), "l@0 le@0 song@1");
  EXPECT_TRUE(Finds("l song", "Le Song"));
  // A last word that could be a particle is the family name: "Quoc V. Le".
  EXPECT_EQ(Render("Quoc V. Le"), "q@0 quoc@0 v@1 le@2");
  EXPECT_TRUE(Finds("q v le", "Quoc V. Le"));
}

TEST_F(AuthorNameAnalyzerTest, SuffixesAreNotTheFamilyName) {
  EXPECT_TRUE(Finds("r m cesar", "Roberto M. Cesar Jr."));
  EXPECT_TRUE(Finds("m l king", "Martin Luther King Jr"));
  EXPECT_FALSE(Finds("m l k jr", "Martin Luther King Jr"));
}

TEST_F(AuthorNameAnalyzerTest, DiacriticsFoldedAndGermanTransliterated) {
  EXPECT_EQ(Render("Bernhard Schölkopf"), "b@0 bernhard@0 schoelkopf@1 scholkopf@1");
  for (std::string_view query : {"schölkopf", "scholkopf", "schoelkopf", "SCHÖLKOPF",
                                 "b schölkopf", "bernhard scholkopf"}) {
    EXPECT_TRUE(Finds(query, "Bernhard Schölkopf")) << query;
  }
  // Decomposed: o and U+0308.
  EXPECT_TRUE(Finds("schoelkopf", "Bernhard Scho\xCC\x88lkopf"));
  // Written without the umlaut, only as written ("oe" is usually just "oe").
  EXPECT_TRUE(Finds("schoelkopf", "Bernhard Schoelkopf"));
  EXPECT_FALSE(Finds("scholkopf", "Bernhard Schoelkopf"));
  EXPECT_TRUE(Finds("joel", "Joël Ouaknine"));
  EXPECT_TRUE(Finds("przemyslaw", "Przemysław Biecek"));
  EXPECT_TRUE(Finds("p biecek", "Przemysław Biecek"));
  EXPECT_TRUE(Finds("l kaiser", "Łukasz Kaiser"));
  EXPECT_TRUE(Finds("herve le borgne", "Hervé Le Borgne"));
  EXPECT_TRUE(Finds("torbjorn nordling", "Torbjörn Nordling"));
  EXPECT_TRUE(Finds("torbjorn e m nordling", "Torbjörn E. M. Nordling"));
  EXPECT_TRUE(Finds("torbjoern e m nordling", "Torbjörn E. M. Nordling"));
}

TEST_F(AuthorNameAnalyzerTest, StopWordsAreNamesHere) {
  EXPECT_EQ(Render("Bo An"), "b@0 bo@0 an@1");
  EXPECT_TRUE(Finds("bo an", "Bo An"));
  EXPECT_FALSE(Finds("bo an", "Bo Li"));
  EXPECT_TRUE(Finds("a smith", "Alice Smith"));
  EXPECT_TRUE(Finds("a smith", "A. Smith"));
  EXPECT_FALSE(Finds("a smith", "Bob Smith"));
  EXPECT_TRUE(Finds("will smith", "Will Smith"));
}

TEST_F(AuthorNameAnalyzerTest, KeepsTheAnalyzersTermsAndPositions) {
  // Whatever a bare word finds in a name through the Analyzer, the name's tokens still hold.
  for (std::string_view name : {"Yann LeCun", "Jürgen Schmidhuber", "Ashish Vaswani", "Tri Dao",
                                "Anton van den Hengel", "Roberto M. Cesar Jr.", "AbCd-Ef Gh",
                                "Öx Üy", "A de Xy", "Ab An"}) {
    std::vector<Token> plain;
    const uint32_t end = analyzer_.Analyze(name, &plain, 7);
    std::vector<Token> tokens;
    size_t stopped_at = 0;
    EXPECT_EQ(names_.AnalyzeUpTo(&analyzer_, name, SIZE_MAX, &tokens, 7, &stopped_at), end);
    for (const Token& p : plain) {
      EXPECT_TRUE(std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
        return t.term == p.term && t.position == p.position;
      })) << name << ": " << p.term;
    }
    EXPECT_LE(tokens.size(), 2 * name.size()) << name;
    for (const Token& t : tokens) {
      EXPECT_GE(t.position, 7u) << name;
      EXPECT_LT(t.position, end) << name;
    }
  }
}

TEST_F(AuthorNameAnalyzerTest, NameFormsStayUnderTheTokenCap) {
  std::vector<Token> tokens;
  size_t stopped_at = 0;
  // Room for the Analyzer's two tokens but not the initial: the forms are left out whole.
  names_.AnalyzeUpTo(&analyzer_, "Yoshua Bengio", 2, &tokens, 0, &stopped_at);
  EXPECT_EQ(stopped_at, 13u);
  EXPECT_EQ(tokens.size(), 2u);
  // Cut inside the name: the Analyzer's cut, no forms.
  tokens.clear();
  names_.AnalyzeUpTo(&analyzer_, "Yoshua Bengio", 1, &tokens, 0, &stopped_at);
  EXPECT_EQ(stopped_at, 7u);
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].term, "yoshua");
}

TEST_F(AuthorNameAnalyzerTest, FamilyNameFirstIsReadGivenNamesFirst) {
  auto reordered = [&](std::string_view query) {
    std::string out;
    for (const QueryWord& w : GivenNamesFirst(AuthorQueryWords(&analyzer_, query), query)) {
      if (!out.empty()) out += ' ';
      out += w.whole;
    }
    return out;
  };
  EXPECT_EQ(reordered("bengio y"), "y bengio");
  EXPECT_EQ(reordered("Bengio, Yoshua"), "yoshua bengio");
  EXPECT_EQ(reordered("le cun y.-a."), "y.-a le cun");
  EXPECT_EQ(reordered("van der Maaten, L."), "l van der maaten");
  EXPECT_EQ(reordered("teh y w"), "y w teh");
  // Given names first already, or nothing to move.
  EXPECT_EQ(reordered("y bengio"), "");
  EXPECT_EQ(reordered("yoshua bengio"), "");
  EXPECT_EQ(reordered("q v le"), "");
  EXPECT_EQ(reordered("bengio"), "");
  EXPECT_EQ(reordered("y w"), "");
  EXPECT_EQ(reordered("bengio,"), "");
}

TEST_F(AuthorNameAnalyzerTest, NoNameNoTokens) {
  EXPECT_EQ(Render(""), "");
  EXPECT_EQ(Render("  ,. "), "");
  EXPECT_EQ(Render("Bengio"), "bengio@0");
  EXPECT_EQ(Render("Jr."), "jr@0");
}

}  // namespace
}  // namespace paperdeck::text
