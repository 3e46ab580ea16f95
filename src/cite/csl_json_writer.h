// CSL JSON (`--format csl-json`, docs/export-formats.md): the citation data of Citation Style
// Language processors (citeproc, Pandoc, Zotero): one array of items, each with `id` (the
// citation key), `type` (`article-journal`, `paper-conference` or `article` for a preprint),
// `title`, `author` as family/given, `issued` date parts, and venue, DOI, URL, arXiv id.
//
// Threading: pure functions.
#pragma once

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "cite/cited_paper.h"

namespace paperdeck::cite {

nlohmann::json CslItemOf(const CitedPaper& paper);
// The array, pretty-printed, ending in "\n".
std::string WriteCslJson(std::span<const CitedPaper> papers);

}  // namespace paperdeck::cite
