// `paperdeck notes ID`: a paper's notes, oldest first.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct NotesOptions {
  std::filesystem::path data;
  std::string id;
  bool json = false;
};

int RunNotes(const NotesOptions& options);

}  // namespace paperdeck::cli
