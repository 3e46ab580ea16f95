#include "cli/notes_command.h"

#include <cstdio>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "present/library_json.h"

namespace paperdeck::cli {

int RunNotes(const NotesOptions& options) {
  auto workspace = OpenWorkspace(options.data, "notes");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck notes: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto found = (*corpus)->Find(options.id);
  if (!found.ok()) {
    fmt::print(stderr, "paperdeck notes: {}\n", found.status().message());
    return kExitFailed;
  }
  if (!*found) {
    fmt::print(stderr, "paperdeck notes: no paper with id '{}' in the corpus\n", options.id);
    return kExitFailed;
  }
  auto notes = (*corpus)->NotesOf((*found)->key);
  if (!notes.ok()) {
    fmt::print(stderr, "paperdeck notes: {}\n", notes.status().message());
    return kExitFailed;
  }
  if (options.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const library::Note& n : *notes) out.push_back(present::NoteJson(n));
    fmt::print("{}\n", out.dump(2));
    return kExitOk;
  }
  if (notes->empty()) fmt::print("no notes on {}\n", (*found)->record.id);
  for (size_t i = 0; i < notes->size(); ++i) {
    const library::Note& n = (*notes)[i];
    if (i > 0) fmt::print("\n");
    fmt::print("--- note {}, {}\n{}", n.id, n.created_at, n.text);
    if (!n.text.ends_with('\n')) fmt::print("\n");
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
