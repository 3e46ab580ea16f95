// `paperdeck tag ID... +NAME... -NAME...`: adds (+) and removes (-) tags on papers, all in one
// transaction; every id is checked first and nothing changes if any is wrong.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct TagOptions {
  std::filesystem::path data;
  std::vector<std::string> args;  // ids and tag changes, in any order
  bool json = false;
};

int RunTag(const TagOptions& options);

}  // namespace paperdeck::cli
