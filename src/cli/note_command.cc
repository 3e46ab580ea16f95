#include "cli/note_command.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "cli/shell_quote.h"
#include "present/library_json.h"

namespace paperdeck::cli {
namespace {

// The text the person writes in their editor; nullopt (with the message printed) on failure.
std::optional<std::string> FromEditor() {
  const char* editor = std::getenv("VISUAL");
  if (editor == nullptr || *editor == '\0') editor = std::getenv("EDITOR");
  if (editor == nullptr || *editor == '\0') editor = "vi";
  std::filesystem::path dir = std::filesystem::temp_directory_path();
  std::string path = (dir / "paperdeck-note-XXXXXX.md").string();
  int fd = mkstemps(path.data(), 3);
  if (fd < 0) {
    fmt::print(stderr, "paperdeck note: cannot make a temporary file in {}\n", dir.string());
    return std::nullopt;
  }
  close(fd);
  // $EDITOR may hold arguments ("code --wait"), so the shell reads it.
  int status = std::system((std::string(editor) + " " + ShellQuote(path)).c_str());
  std::optional<std::string> text;
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    fmt::print(stderr, "paperdeck note: the editor ({}) failed; nothing stored\n", editor);
  } else {
    std::ifstream in(path, std::ios::binary);
    text = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::filesystem::remove(path);
  return text;
}

}  // namespace

int RunNote(const NoteOptions& options) {
  auto workspace = OpenWorkspace(options.data, "note");
  if (!workspace) return kExitFailed;
  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck note: {}\n", corpus.status().message());
    return kExitFailed;
  }
  // The paper first: a wrong id is told before anyone writes a note for nothing.
  auto found = (*corpus)->Find(options.id);
  if (!found.ok()) {
    fmt::print(stderr, "paperdeck note: {}\n", found.status().message());
    return kExitFailed;
  }
  if (!*found) {
    fmt::print(stderr, "paperdeck note: no paper with id '{}' in the corpus\n", options.id);
    return kExitFailed;
  }
  std::string text;
  if (options.text.size() == 1 && options.text[0] == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else if (!options.text.empty()) {
    for (const std::string& w : options.text) text += (text.empty() ? "" : " ") + w;
  } else {
    std::optional<std::string> written = FromEditor();
    if (!written) return kExitFailed;
    text = std::move(*written);
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    fmt::print(stderr, "paperdeck note: the note is empty; nothing stored\n");
    return kExitFailed;
  }
  auto id = (*corpus)->AddNote((*found)->key, text);
  if (!id.ok()) {
    fmt::print(stderr, "paperdeck note: {}\n", id.status().message());
    return kExitFailed;
  }
  if (options.json) {
    fmt::print("{}\n", nlohmann::json{{"id", (*found)->record.id}, {"note", *id}}.dump(2));
  } else {
    fmt::print("note {} added to {}\n", *id, (*found)->record.id);
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
