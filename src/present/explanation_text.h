// A hit's score explanation (search/score_explanation.h) as lines for the terminal
// (`paperdeck search --explain`): the score and its sum, then each scored piece of the query with
// its idf and score and, under it, each field's share with tf, length, norm and weight, then the
// proximity bonus per term.
//
// Threading: a function of its argument only.
#pragma once

#include <string>
#include <vector>

#include "search/score_explanation.h"

namespace paperdeck::present {

std::vector<std::string> ExplanationLines(const search::ScoreExplanation& explanation);

}  // namespace paperdeck::present
