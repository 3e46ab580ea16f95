// LatexMath: a formula as it stands between `$...$` in a title or an abstract, written as the
// plain text a terminal can show: "\times" -> "×", "O(n^2)" -> "O(n²)", "\ell_1" -> "ℓ₁",
// "\mathcal{O}(n \log n)" -> "O(n log n)", "\mathbb{R}^d" -> "ℝ^d", "\frac{a}{b}" -> "a/b",
// "\alpha" -> "α", "\leq" -> "≤", "10^{-3}" -> "10⁻³", "g_{ij}" -> "gᵢⱼ", MathJax's
// "\unicode{x2013}" -> "–".
// A superscript or subscript Unicode cannot write as one is written "^x" / "^(xy)"; a font or
// accent command keeps its argument ("\mathbf{x}" -> "x", "\hat{y}" -> "y"); a command this does
// not know is kept as written ("\foo"). Braces that only group are dropped.
//
// The page typesets the same source with KaTeX; this is for where there is no typesetting.
//
// Threading: a pure function, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::text {

// The plain-text reading of formula (the text between the dollars, without them).
std::string MathAsText(std::string_view formula);

}  // namespace paperdeck::text
