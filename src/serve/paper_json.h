// The JSON shape of a paper for scripts (`search --json`, `show --json`, later the HTTP API).
#pragma once

#include <nlohmann/json.hpp>

#include "library/corpus.h"

namespace paperdeck::serve {

// {"id","title","authors","authors_complete","abstract","categories","date","venue","year",
//  "citations","upvotes","new"}; unknown values are null.
nlohmann::json PaperJson(const library::StoredPaper& paper);

}  // namespace paperdeck::serve
