// LaTeX in BibTeX fields read as Unicode for display and search.
#include "text/latex_text.h"

#include <gtest/gtest.h>

namespace paperdeck::text {
namespace {

TEST(LatexTextTest, AccentsInEverySpellingBecomeComposedLetters) {
  EXPECT_EQ(DecodeLatex("Schr{\\\"o}dinger"), "Schrödinger");
  EXPECT_EQ(DecodeLatex("Schr\\\"odinger"), "Schrödinger");
  EXPECT_EQ(DecodeLatex("Fr\\'{e}chet"), "Fréchet");
  EXPECT_EQ(DecodeLatex("{\\'E}mile"), "Émile");
  EXPECT_EQ(DecodeLatex("\\v{S}ediv\\'y"), "Šedivý");
  EXPECT_EQ(DecodeLatex("Gar\\c{c}on, Gar\\c con"), "Garçon, Garçon");
  EXPECT_EQ(DecodeLatex("Erd\\H{o}s"), "Erdős");
  EXPECT_EQ(DecodeLatex("na\\\"{\\i}ve"), "naïve");
  EXPECT_EQ(DecodeLatex("\\~n \\^o \\`a \\=a \\.z \\r{a} \\k{e} \\u{g}"), "ñ ô à ā ż å ę ğ");
}

TEST(LatexTextTest, SpecialLetters) {
  EXPECT_EQ(DecodeLatex("Stra{\\ss}e"), "Straße");
  EXPECT_EQ(DecodeLatex("{\\L}ukasz Przemys{\\l}aw"), "Łukasz Przemysław");
  EXPECT_EQ(DecodeLatex("{\\O}rsted {\\aa}r {\\AE}sop {\\oe}uvre"), "Ørsted år Æsop œuvre");
  EXPECT_EQ(DecodeLatex("\\ss{}e \\o\\ and"), "ße ø and");
}

TEST(LatexTextTest, EscapesDashesTiesAndQuotes) {
  EXPECT_EQ(DecodeLatex("A \\& B, 50\\% of \\$5 \\#1 a\\_b"), "A & B, 50% of $5 #1 a_b");
  EXPECT_EQ(DecodeLatex("pages 1--10"), "pages 1–10");
  EXPECT_EQ(DecodeLatex("yes---no"), "yes—no");
  EXPECT_EQ(DecodeLatex("state-of-the-art"), "state-of-the-art");
  EXPECT_EQ(DecodeLatex("Fig.~3"), "Fig. 3");
  EXPECT_EQ(DecodeLatex("``quoted''"), "“quoted”");
}

TEST(LatexTextTest, ProtectiveBracesAndStyleCommandsGo) {
  EXPECT_EQ(DecodeLatex("{{BERT}}: Pre-training of {D}eep Transformers"),
            "BERT: Pre-training of Deep Transformers");
  EXPECT_EQ(DecodeLatex("a \\emph{surprising} and \\textbf{bold} {\\em result}"),
            "a surprising and bold result");
}

TEST(LatexTextTest, MathStaysAsWritten) {
  EXPECT_EQ(DecodeLatex("costs $\\mathcal{O}(n^{2})$ in {T}ime"),
            "costs $\\mathcal{O}(n^{2})$ in Time");
  EXPECT_EQ(DecodeLatex("$$x_{1} \\$ y$$ and {z}"), "$$x_{1} \\$ y$$ and z");
  EXPECT_EQ(DecodeLatex("an unclosed $x {y"), "an unclosed $x {y");
}

TEST(LatexTextTest, UnknownCommandsAreKept) {
  EXPECT_EQ(DecodeLatex("see \\cite{x} and \\LaTeX"), "see \\citex and \\LaTeX");
  EXPECT_EQ(DecodeLatex("a trailing \\"), "a trailing \\");
  EXPECT_EQ(DecodeLatex("\\'"), "\\'");
}

TEST(LatexTextTest, PlainUnicodePassesThrough) {
  EXPECT_EQ(DecodeLatex("Schrödinger — ünïcode 日本語"), "Schrödinger — ünïcode 日本語");
}

}  // namespace
}  // namespace paperdeck::text
