#include "text/latex_accents.h"

#include <gtest/gtest.h>

#include <string>

namespace paperdeck::text {
namespace {

std::string Plain(std::string_view text) {
  std::string out;
  AppendWithoutLatexAccents(text, &out);
  return out;
}

TEST(LatexAccentsTest, SymbolAccents) {
  EXPECT_EQ(Plain("Schr\\\"odinger"), "Schrodinger");
  EXPECT_EQ(Plain("Fr\\'echet B\\'ezier na\\\"ive \\`a \\^o \\~n \\=a \\.z"),
            "Frechet Bezier naive a o n a z");
}

TEST(LatexAccentsTest, BracedForms) {
  EXPECT_EQ(Plain("Fr{\\'e}chet"), "Frechet");
  EXPECT_EQ(Plain("Fr\\'{e}chet"), "Frechet");
  EXPECT_EQ(Plain("\\v{S}ediv\\'y"), "Sedivy");
  EXPECT_EQ(Plain("Gar\\c{c}on"), "Garcon");
  EXPECT_EQ(Plain("{\\v{z}}"), "z");
}

TEST(LatexAccentsTest, SpecialLetters) {
  EXPECT_EQ(Plain("Przemys{\\l}aw"), "Przemyslaw");
  EXPECT_EQ(Plain("{\\AA}ngstr{\\\"o}m"), "Angstrom");
  EXPECT_EQ(Plain("Stra{\\ss}e"), "Strasse");
}

TEST(LatexAccentsTest, OtherCommandsAreLeftAlone) {
  EXPECT_EQ(Plain("3.46\\times \\cite{x} {\\rho} \\vec{x} \\' \\\"1 {\\l"),
            "3.46\\times \\cite{x} {\\rho} \\vec{x} \\' \\\"1 {\\l");
}

TEST(LatexAccentsTest, MatchReportsLengthAndLetter) {
  const LatexLetter l = MatchLatexLetter("x{\\'E}y", 1);
  EXPECT_EQ(l.length, 5u);
  EXPECT_EQ(l.plain, "E");
  EXPECT_EQ(MatchLatexLetter("x{\\'E}y", 0).length, 0u);
  EXPECT_EQ(MatchLatexLetter("\\'", 0).length, 0u);  // cut short at the end
}

}  // namespace
}  // namespace paperdeck::text
