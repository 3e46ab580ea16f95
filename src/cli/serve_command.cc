#include "cli/serve_command.h"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include <fmt/core.h>
#include <fmt/format.h>

#include "cli/exit_code.h"
#include "cli/open_workspace.h"
#include "cli/sync_schedule.h"
#include "http/http_server.h"
#include "http/write_guard.h"
#include "net/source_settings.h"

namespace paperdeck::cli {
namespace {

// Each connection the server holds is a descriptor: let it hold as many as the system lets this
// process open (the soft limit up to the hard one), not the 1,024 a shell often starts with.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = std::min<rlim_t>(limit.rlim_max, 65536);
  setrlimit(RLIMIT_NOFILE, &limit);
}

}  // namespace

int RunServe(const ServeOptions& options) {
  if (options.port < 0 || options.port > 65535) {
    fmt::print(stderr, "paperdeck serve: --port is 0 to 65535\n");
    return kExitUsage;
  }
  std::chrono::seconds sync_every{0};
  if (!options.sync_every.empty()) {
    Result<std::chrono::seconds> every = net::ParseAge(options.sync_every);
    if (!every.ok() || every->count() < 1) {
      fmt::print(stderr, "paperdeck serve: --sync-every wants an interval like 6h, 30m or 90s{}\n",
                 every.ok() ? "" : ": " + every.status().message());
      return kExitUsage;
    }
    sync_every = *every;
  }
  // SIGINT and SIGTERM are taken by one thread that stops the server, so requests in flight
  // finish and the process exits cleanly. Blocked before any other thread starts, so every
  // thread inherits the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  for (const std::string& name : options.allow_hosts) {
    if (Status checked = http::CheckAllowedHost(name); !checked.ok()) {
      fmt::print(stderr, "paperdeck serve: {}\n", checked.message());
      return kExitUsage;
    }
  }
  RaiseOpenFileLimit();

  auto workspace = OpenWorkspace(options.data, "serve");
  if (!workspace) return kExitFailed;
  http::ServerOptions server_options;
  server_options.allowed_hosts = options.allow_hosts;
  http::HttpServer server(*workspace, server_options);
  auto port = server.Bind(options.host, options.port);
  if (!port.ok()) {
    fmt::print(stderr, "paperdeck serve: {}\n", port.status().message());
    return kExitFailed;
  }
  std::string host = options.host.find(':') != std::string::npos ? "[" + options.host + "]"
                                                                   : options.host;
  fmt::print("PaperDeck is serving {} on http://{}:{}/ (Ctrl-C to stop)\n",
             options.data.string(), host, *port);
  if (!options.allow_hosts.empty()) {
    fmt::print("It also answers to {} (--allow-host).\n", fmt::join(options.allow_hosts, ", "));
  }
  if (!server.access_token().empty()) {
    // Beyond loopback anyone on the network can reach the server: changes need this token. The
    // page takes it from the address's fragment, which the browser never sends to a server.
    fmt::print(
        "It listens beyond this machine, so changes to your library need its token; open\n"
        "  http://{}:{}/#token={}\n"
        "or send `Authorization: Bearer {}` (a new token each start).\n",
        host, *port, server.access_token(), server.access_token());
  }
  std::unique_ptr<SyncSchedule> schedule;
  if (sync_every.count() > 0) {
    fmt::print("It syncs the saved searches every {} s, the first time in {} s (`paperdeck sync`).\n",
               sync_every.count(), sync_every.count());
    schedule = std::make_unique<SyncSchedule>(*workspace, sync_every);
    schedule->Start();
  }
  std::fflush(stdout);

  std::thread stopper([&server, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.Stop();
  });
  Status served = server.Run();
  // Wake the stopper if the server ended on its own.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (schedule) schedule->Stop();  // a sync under way stops before its next request
  if (!served.ok()) {
    fmt::print(stderr, "paperdeck serve: {}\n", served.message());
    return kExitFailed;
  }
  return kExitOk;
}

}  // namespace paperdeck::cli
