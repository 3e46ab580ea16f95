// `paperdeck show ID`: everything the corpus knows of one paper (by canonical id, arXiv id with
// or without version, or DOI), with where each fact came from.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct ShowOptions {
  std::filesystem::path data;
  std::string id;
  bool json = false;
};

int RunShow(const ShowOptions& options);

}  // namespace paperdeck::cli
