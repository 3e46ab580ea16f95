// `paperdeck serve`: the web page and the JSON API over the data directory, on 127.0.0.1 unless
// told otherwise, until Ctrl-C (SIGINT) or SIGTERM; with --sync-every, the same sync as
// `paperdeck sync` in the background (cli/sync_schedule.h). It answers to the names of the
// address it listens on, and to those --allow-host adds (http/write_guard.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace paperdeck::cli {

struct ServeOptions {
  std::filesystem::path data;
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (printed)
  std::string sync_every;  // "6h": run `paperdeck sync` in the background this often; empty: never
  std::vector<std::string> allow_hosts;  // more names to answer to: NAME or NAME:PORT
};

int RunServe(const ServeOptions& options);

}  // namespace paperdeck::cli
