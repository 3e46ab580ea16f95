// biblatex (`--format biblatex`, docs/export-formats.md): `@article` with `journaltitle` or
// `@inproceedings` with `booktitle` for published papers, `@online` otherwise; `date` as
// YYYY-MM-DD when known; an arXiv paper also carries `eprint`, `eprinttype = {arxiv}` and
// `eprintclass`, published or not.
//
// Threading: pure functions.
#pragma once

#include <span>
#include <string>

#include "cite/cited_paper.h"

namespace paperdeck::cite {

// One entry, ending in "}\n".
std::string BiblatexEntryOf(const CitedPaper& paper);
// Every entry, separated by blank lines.
std::string WriteBiblatex(std::span<const CitedPaper> papers);

}  // namespace paperdeck::cite
