// QuestionWords: the words that frame a question in natural language rather than name its topic
// ("what", "which", "how", "does", "been", "known"...). The index keeps them (they are not the
// index's stop words: "How to train..." is a title one may search for), but a ranked question
// (QueryMode::kPlainTextAny) drops them, so that "what problems of heat conduction have been
// solved" is ranked by heat, conduction, problems and solved alone.
//
// Threading: pure; the list is immutable.
#pragma once

#include <string_view>

namespace paperdeck::search {

// True for a question word written in any letter case.
bool IsQuestionWord(std::string_view word);

}  // namespace paperdeck::search
