// What `--expand` (`expand=1`) did to a query, for the person who asked: the terms feedback added
// (search/feedback.h) with their weights, or why the query was searched as written. The same for
// scripts (`search --expand --json`), the HTTP API (`/api/search?expand=1`) and the terminal;
// docs/http-api.md describes the JSON.
//
// Threading: functions of their arguments only.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "search/searcher.h"

namespace paperdeck::present {

// {"terms":[{"term","form","weight"}],"not_expanded":null|"why"}: the added index terms (stems),
// heaviest first, each as the papers found write it (the term itself when none does) and with
// what its idf is multiplied by.
nlohmann::json ExpansionJson(const search::SearchResponse& response);

// One line: "Expanded with (word, weight): myocardial 0.100, infarction 0.080" (the forms) or
// "Not expanded: why" (or "Expanded
// with no terms: ..." when the best hits shared nothing new).
std::string ExpansionLine(const search::SearchResponse& response);

}  // namespace paperdeck::present
