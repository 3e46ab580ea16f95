// Formulas from arXiv titles and abstracts read as the plain text a terminal shows.
#include "text/latex_math.h"

#include <gtest/gtest.h>

#include <string>

namespace paperdeck::text {
namespace {

TEST(LatexMathTest, SignsAndLettersBecomeUnicode) {
  EXPECT_EQ(MathAsText("\\times"), "×");
  EXPECT_EQ(MathAsText("3.46\\times"), "3.46×");
  EXPECT_EQ(MathAsText("\\alpha + \\beta \\leq \\Omega"), "α + β ≤ Ω");
  EXPECT_EQ(MathAsText("\\mathcal{O}(n \\log n)"), "O(n log n)");
  EXPECT_EQ(MathAsText("x \\in \\mathbb{R}^d"), "x ∈ ℝ^d");
  EXPECT_EQ(MathAsText("\\sim 2\\%"), "∼ 2%");
  EXPECT_EQ(MathAsText("\\unicode{x2013}"), "–");
  EXPECT_EQ(MathAsText("\\unicode{8211}"), "–");
  EXPECT_EQ(MathAsText("\\unicode{xD800}"), "\\unicodexD800");
}

TEST(LatexMathTest, ScriptsUseUnicodeWhereItHasThem) {
  EXPECT_EQ(MathAsText("O(n^2)"), "O(n²)");
  EXPECT_EQ(MathAsText("^{2}"), "²");
  EXPECT_EQ(MathAsText("10^{-3}"), "10⁻³");
  EXPECT_EQ(MathAsText("\\ell_1"), "ℓ₁");
  EXPECT_EQ(MathAsText("g_i^{-1} g_j"), "gᵢ⁻¹ gⱼ");
  EXPECT_EQ(MathAsText("W^\\top"), "Wᵀ");
  EXPECT_EQ(MathAsText("^\\text{T}"), "ᵀ");
  // No Unicode letter for it: written as a script.
  EXPECT_EQ(MathAsText("^K"), "^K");
  EXPECT_EQ(MathAsText("x^{Kq}"), "x^(Kq)");
  EXPECT_EQ(MathAsText("s_{\\mathrm{max}}"), "sₘₐₓ");
}

TEST(LatexMathTest, FontsAccentsAndFractionsKeepTheirArguments) {
  EXPECT_EQ(MathAsText("\\mathbf{x}"), "x");
  EXPECT_EQ(MathAsText("\\hat{y} = \\textit{Agents}"), "y = Agents");
  EXPECT_EQ(MathAsText("\\frac{1}{2}"), "1/2");
  EXPECT_EQ(MathAsText("\\frac{a+b}{n}"), "(a+b)/n");
  EXPECT_EQ(MathAsText("\\mathtt{[M]}"), "[M]");
}

TEST(LatexMathTest, WhatItDoesNotKnowIsKeptAsWritten) {
  EXPECT_EQ(MathAsText("\\foo{x}"), "\\foox");
  EXPECT_EQ(MathAsText("μ"), "μ");
  EXPECT_EQ(MathAsText("top"), "top");
  EXPECT_EQ(MathAsText(""), "");
  EXPECT_EQ(MathAsText("x^"), "x^");
  EXPECT_EQ(MathAsText("\\"), "\\");
}

TEST(LatexMathTest, DeepNestingIsReadInBoundedStack) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "^{";
  deep += "x";
  EXPECT_FALSE(MathAsText(deep).empty());
  std::string hats;
  for (int i = 0; i < 100000; ++i) hats += "\\hat";
  EXPECT_FALSE(MathAsText(hats + "x").empty());
}

}  // namespace
}  // namespace paperdeck::text
