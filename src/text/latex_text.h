// LatexText: the text a BibTeX field holds, written in LaTeX, turned into the Unicode a person
// reads and the index searches. "Schr{\"o}dinger" -> "Schrödinger", "{\ss}" -> "ß",
// "Fr\'{e}chet" -> "Fréchet", "\v{S}ediv\'y" -> "Šedivý", "A \& B" -> "A & B", "1--10" ->
// "1–10" (en dash), "---" -> em dash, "~" -> a space, "{BERT}" -> "BERT" (protective braces go),
// "\emph{x}" and the other text-style commands keep their argument.
//
// Math is left as written: "$O(n^2)$" and "$\mathcal{L}$" stay, braces and all, so the analyzer
// reads them the way it reads arXiv abstracts. A command this does not know ("\cite{x}",
// "\LaTeX") is kept as written rather than dropped: nothing the source wrote is lost.
//
// LatexAsPlainText is the same reading for a paper's title or abstract shown where nothing
// typesets math (a terminal): the math too becomes text (text/latex_math: "$3.46\times$" ->
// "3.46×", "M$^2$CD" -> "M²CD"), and a "~" before a number stays, as arXiv's abstracts write
// "about" ("~50%").
//
// Threading: pure functions, safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::text {

// The Unicode (NFC) reading of LaTeX text. Invalid UTF-8 is passed through unchanged.
std::string DecodeLatex(std::string_view latex);

// The plain-text reading of a title or an abstract. Invalid UTF-8 is passed through unchanged.
std::string LatexAsPlainText(std::string_view text);

}  // namespace paperdeck::text
