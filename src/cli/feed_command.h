// `paperdeck feed [NAME]`: per saved search, the papers new since its user last looked, newest
// first, with counts; looking marks them seen (`--peek` does not).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct FeedOptions {
  std::filesystem::path data;
  std::string name;  // empty: every saved search
  bool peek = false;
  bool json = false;
  uint32_t limit = 20;  // papers shown per saved search
};

int RunFeed(const FeedOptions& options);

}  // namespace paperdeck::cli
