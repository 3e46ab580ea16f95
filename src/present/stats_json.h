// The JSON shape of what a data directory holds, the same for `paperdeck stats --json` and
// `GET /api/stats`: {"papers","revision","earliest","latest","categories","sources",
// "database_bytes","index":{"documents","segments","bytes","revision","behind",
// "not_yet_searchable","removed_still_found","being_written","catch_up_bytes","free_bytes"}}
// (the last five as workspace::IndexState says: counted only when behind, else 0 and false).
//
// Threading: a function of its arguments only.
#pragma once

#include <nlohmann/json.hpp>

#include "library/corpus.h"
#include "workspace/workspace.h"

namespace paperdeck::present {

nlohmann::json StatsJson(const library::CorpusStats& corpus, const workspace::IndexState& index);

}  // namespace paperdeck::present
