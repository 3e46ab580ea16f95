#include "cite/latex_text.h"

#include <gtest/gtest.h>

namespace paperdeck::cite {
namespace {

TEST(LatexTextTest, SpecialCharactersAreEscaped) {
  EXPECT_EQ(LatexEscape("R&D 100% #1 a_b {x} ~ ^"),
            "R\\&D 100\\% \\#1 a\\_b \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} "
            "\\textasciicircum{}");
  EXPECT_EQ(LatexEscape("costs $5"), "costs \\$5");
  EXPECT_EQ(LatexEscape("a \\ b"), "a \\textbackslash{} b");
}

TEST(LatexTextTest, LatexAlreadyInTheTextIsKept) {
  EXPECT_EQ(LatexEscape("an $O(n^2)$ method"), "an $O(n^2)$ method");
  EXPECT_EQ(LatexEscape("$$a_1 + b$$ and $x_i$"), "$$a_1 + b$$ and $x_i$");
  EXPECT_EQ(LatexEscape("\\emph{fast} \\alpha-nets and Schr\\\"odinger"),
            "\\emph{fast} \\alpha-nets and Schr\\\"odinger");
  EXPECT_EQ(LatexEscape("already \\& escaped"), "already \\& escaped");
  EXPECT_EQ(LatexEscape("\\frac{a}{b}_x"), "\\frac{a}{b}\\_x");
}

// BibTeX finds a value's end by counting braces, escaped or not: a value it reads must balance.
TEST(LatexTextTest, BracesNeverUnbalanceAValue) {
  EXPECT_EQ(LatexEscape("CASME}^2 and code}."),
            "CASME\\textbraceright{}\\textasciicircum{}2 and code\\textbraceright{}.");
  EXPECT_EQ(LatexEscape("sets \\{a, b\\}"), "sets \\textbraceleft{}a, b\\textbraceright{}");
  EXPECT_EQ(LatexEscape("$a}$ b"), "\\$a\\textbraceright{}\\$ b");
  EXPECT_EQ(LatexEscape("$\\{x\\}$"), "$\\{x\\}$");  // balanced math is kept
}

TEST(LatexTextTest, TitlesProtectCapitalsInsideWords) {
  EXPECT_EQ(LatexTitle("BERT: Pre-training of Deep Bidirectional Transformers"),
            "{BERT:} Pre-training of Deep Bidirectional Transformers");
  EXPECT_EQ(LatexTitle("Scaling GPT-3 with LoRA on iPhone"),
            "Scaling {GPT-3} with {LoRA} on {iPhone}");
  EXPECT_EQ(LatexTitle("Q&A for LLMs"), "{Q\\&A} for {LLMs}");
  // Words holding LaTeX are left as they are.
  EXPECT_EQ(LatexTitle("$\\mathcal{O}(N)$ Attention"), "$\\mathcal{O}(N)$ Attention");
}

}  // namespace
}  // namespace paperdeck::cite
