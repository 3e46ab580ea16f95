// RIS (`--format ris`, docs/export-formats.md): the tagged format EndNote, Mendeley and most
// reference managers import. One record per paper: `TY` (`JOUR`, `CPAPER`, or `UNPB` for a
// preprint), `ID` (the citation key), `TI`, one `AU` per author ("Family, Given"), `PY`, `DA`,
// `T2` (venue), `DO`, `UR`, `AB`, `KW` (the paper's tags), `ER`. Every value is on one line.
//
// Threading: pure functions.
#pragma once

#include <span>
#include <string>

#include "cite/cited_paper.h"

namespace paperdeck::cite {

std::string RisRecordOf(const CitedPaper& paper);
std::string WriteRis(std::span<const CitedPaper> papers);

}  // namespace paperdeck::cite
