// `paperdeck watch`: saved searches. `watch add NAME QUERY [--no-pull]`, `watch add NAME
// --recommend QUERY` (a recommendation: papers like those QUERY selects, workspace/
// saved_search_feed.h), `watch list` (each with its count of papers new since its user last
// looked), `watch rm NAME`, `watch rename OLD NEW`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct WatchOptions {
  std::filesystem::path data;
  std::vector<std::string> args;  // the action, then its names and the query's words
  bool no_pull = false;
  bool recommend = false;  // add: a recommendation saved search
  bool json = false;
};

int RunWatch(const WatchOptions& options);

}  // namespace paperdeck::cli
