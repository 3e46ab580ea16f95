// PrintPulledPaper: one line on stdout for a paper a pull from arXiv added ("+") or updated
// ("~", with the version it was), as `paperdeck pull` and a sync through a server print them;
// nothing for one unchanged.
#pragma once

#include "feed/arxiv_pull.h"

namespace paperdeck::cli {

void PrintPulledPaper(const feed::PulledPaper& paper);

}  // namespace paperdeck::cli
