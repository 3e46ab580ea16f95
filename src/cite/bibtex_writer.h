// BibTeX (`--format bibtex`, docs/export-formats.md): `@article` with `journal` or
// `@inproceedings` with `booktitle` for published papers, `@misc` otherwise; an arXiv paper also
// carries `eprint`, `archivePrefix = {arXiv}` and `primaryClass`, published or not.
//
// Threading: pure functions.
#pragma once

#include <span>
#include <string>

#include "cite/cited_paper.h"

namespace paperdeck::cite {

// One entry, ending in "}\n".
std::string BibtexEntryOf(const CitedPaper& paper);
// Every entry, separated by blank lines.
std::string WriteBibtex(std::span<const CitedPaper> papers);

}  // namespace paperdeck::cite
