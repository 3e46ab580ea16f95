#include "cite/latex_text.h"

#include <gtest/gtest.h>

namespace paperdeck::cite {
namespace {

TEST(LatexTextTest, SpecialCharactersAreEscaped) {
  EXPECT_EQ(LatexEscape("R&D 100% #1 a_b {x} ~ ^"),
            "R\\&D 100\\% \\#1 a\\_b \\{x\\} \\textasciitilde{} \\textasciicircum{}");
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
