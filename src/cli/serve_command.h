// `paperdeck serve`: the web page and the JSON API over the data directory, on 127.0.0.1 unless
// told otherwise, until Ctrl-C (SIGINT) or SIGTERM.
#pragma once

#include <filesystem>
#include <string>

namespace paperdeck::cli {

struct ServeOptions {
  std::filesystem::path data;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed)
};

int RunServe(const ServeOptions& options);

}  // namespace paperdeck::cli
