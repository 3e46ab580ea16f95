// The JSON of a hit's score explanation (search/score_explanation.h), the same for scripts
// (`search --explain --json`) and the HTTP API (`/api/search?explain=1`); docs/http-api.md
// describes it.
//
// Threading: a function of its argument only.
#pragma once

#include <nlohmann/json.hpp>

#include "search/score_explanation.h"

namespace paperdeck::present {

// {"score","bm25f","terms":[{"kind","query","terms","idf","k1","pseudo_tf","score",
//  "expansions"?:[{"term","tf"}],"fields":[{"field","tf","length","average_length","b","weight",
//  "norm","weighted_tf","score"}]}],"proximity":{"weight","k","score","terms":[{"term","idf",
//  "nearness","score"}]}}
nlohmann::json ExplanationJson(const search::ScoreExplanation& explanation);

// "title", "abstract", "authors", "venue".
const char* FieldName(index::Field field);

}  // namespace paperdeck::present
