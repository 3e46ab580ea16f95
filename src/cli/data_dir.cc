#include "cli/data_dir.h"

#include <cstdlib>

namespace paperdeck::cli {

std::filesystem::path ResolveDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("PAPERDECK_DATA"); env && *env) return env;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
    return std::filesystem::path(xdg) / "paperdeck";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : ".") / ".local" / "share" / "paperdeck";
}

}  // namespace paperdeck::cli
