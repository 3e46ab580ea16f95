// `paperdeck tags`: every tag with the number of papers carrying it.
#pragma once

#include <filesystem>

namespace paperdeck::cli {

struct TagsOptions {
  std::filesystem::path data;
  bool json = false;
};

int RunTags(const TagsOptions& options);

}  // namespace paperdeck::cli
