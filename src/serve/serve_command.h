// `paperdeck serve`: the web page and the JSON API over the data directory, on 127.0.0.1 unless
// told otherwise, until Ctrl-C (SIGINT) or SIGTERM.
#pragma once

#include <string>

#include "serve/data_dir.h"

namespace paperdeck::serve {

struct ServeOptions {
  DataDir data;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed)
};

int RunServe(const ServeOptions& options);

}  // namespace paperdeck::serve
