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

TEST(LatexTextTest, TitlesAndAbstractsReadAsPlainText) {
  EXPECT_EQ(LatexAsPlainText("reaching up to $3.46\\times$ higher throughput"),
            "reaching up to 3.46× higher throughput");
  EXPECT_EQ(LatexAsPlainText("M$^2$CD: A Unified Framework"), "M²CD: A Unified Framework");
  EXPECT_EQ(LatexAsPlainText("the $\\ell_1$ regularization"), "the ℓ₁ regularization");
  EXPECT_EQ(LatexAsPlainText("$\\textit{Agents Under Siege}$: Breaking"), "Agents Under Siege: Breaking");
  EXPECT_EQ(LatexAsPlainText("a \\emph{surprising} and \\textbf{bold} result, 50\\% less"),
            "a surprising and bold result, 50% less");
  EXPECT_EQ(LatexAsPlainText("Do\\~nana National Park"), "Doñana National Park");
  // arXiv's "about" stays; TeX's tie is a space.
  EXPECT_EQ(LatexAsPlainText("by ~20% at 0.35~m/s, see https://a.org/~vgg"),
            "by ~20% at 0.35 m/s, see https://a.org/~vgg");
  // Nothing to read: the text as it is; an unclosed formula as written.
  EXPECT_EQ(LatexAsPlainText("Attention Is All You Need"), "Attention Is All You Need");
  EXPECT_EQ(LatexAsPlainText("costs $5 and more"), "costs $5 and more");
}

TEST(LatexTextTest, PlainUnicodePassesThrough) {
  EXPECT_EQ(DecodeLatex("Schrödinger — ünïcode 日本語"), "Schrödinger — ünïcode 日本語");
}

}  // namespace
}  // namespace paperdeck::text
