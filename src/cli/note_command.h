// `paperdeck note ID [TEXT...]`: adds a Markdown note to a paper. TEXT `-` reads standard input;
// no TEXT opens $VISUAL or $EDITOR (else vi) on an empty temporary file. A blank note stores
// nothing (exit 1).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct NoteOptions {
  std::filesystem::path data;
  std::string id;
  std::vector<std::string> text;  // words joined by spaces; {"-"}: standard input
  bool json = false;
};

int RunNote(const NoteOptions& options);

}  // namespace paperdeck::cli
