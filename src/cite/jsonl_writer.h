// PaperDeck JSON lines (`--format jsonl`, docs/export-formats.md): one paper per line, every fact
// the corpus holds in the fields `paperdeck-jsonl` import reads (docs/import-formats.md), with the
// paper's `citation_key` and a `library` object: tags, reading state and the time it was set,
// notes with their times, and when the paper entered the library. Importing the file into an
// empty data directory restores all of it.
//
// Threading: pure functions.
#pragma once

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "cite/cited_paper.h"
#include "library/corpus.h"

namespace paperdeck::cite {

nlohmann::json JsonlObjectOf(const CitedPaper& paper);
// One compact JSON object per line, each ending in "\n".
std::string WriteJsonl(std::span<const CitedPaper> papers);

// The user's saved searches, a line each after the papers (the library's export):
// {"saved_search": {"name", "query", "pull", "created_at"}}; importing the file restores them.
std::string WriteSavedSearchLines(std::span<const library::SavedSearch> searches);

}  // namespace paperdeck::cite
