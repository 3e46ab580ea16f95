// LatexText: a paper's text (a title, an abstract, a name) as the value of a BibTeX or biblatex
// field. Characters LaTeX gives a meaning to are escaped (`& % $ # _ { } ~ ^ \`; braces as
// `\textbraceleft{}`: BibTeX counts even escaped braces to find where a value ends), except where
// the text already is LaTeX: math between `$...$` and commands (`\alpha`, `\"o`, `\&`,
// `\emph{...}`) are copied as they are, so a title written with LaTeX prints as its author meant,
// unless its braces do not balance (then it is escaped as text).
// Titles also get braces around words with capitals after their first letter ("{BERT}",
// "{GPT-3}", "{LaTeX}"), which bibliography styles would otherwise lowercase.
//
// Threading: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace paperdeck::cite {

// text escaped for a field value written between braces.
std::string LatexEscape(std::string_view text);

// A title escaped as LatexEscape does, with the capitals of acronyms and mixed-case words
// protected by braces.
std::string LatexTitle(std::string_view title);

}  // namespace paperdeck::cite
