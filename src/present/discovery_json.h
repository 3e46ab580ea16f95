// The JSON shapes of related papers and recommendations, the same for scripts (`related --json`,
// `recommend --json`) and the HTTP API (docs/http-api.md).
//
// Threading: functions of their arguments only.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "workspace/recommendations.h"
#include "workspace/related_papers.h"

namespace paperdeck::present {

// {"paper": PaperJson of the paper asked about, "related": [PaperJson + "url", "score",
//  "reason": [words]], "candidates", "took_ms"}.
nlohmann::json RelatedJson(const workspace::RelatedPapers& related, double took_ms);

// {"query", "method": "svm" | "centroid", "selected", "words": [the model's heaviest words],
//  "papers": [PaperJson + "url", "score", "reason", the library's "tags" and "state", and the
//  "card" as on the day today (days since 1970)], "train_ms", "score_ms", "took_ms"}.
nlohmann::json RecommendationsJson(const workspace::Recommendations& recommendations,
                                   std::string_view query, workspace::RecommendMethod method,
                                   double took_ms, int32_t today);

}  // namespace paperdeck::present
