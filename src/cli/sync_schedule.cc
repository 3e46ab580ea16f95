#include "cli/sync_schedule.h"

#include <cstdio>

#include <fmt/core.h>

#include "cli/remote_sync.h"
#include "model/calendar.h"

namespace paperdeck::cli {

void SyncSchedule::Start() {
  thread_ = std::thread([this] { Loop(); });
}

void SyncSchedule::Stop() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SyncSchedule::Loop() {
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) return;
    }
    fmt::print("{} scheduled sync starting\n", NowIsoTime());
    std::fflush(stdout);
    RemoteSyncOptions options;
    options.who = "scheduled sync";
    options.keep_going = [this] {
      std::lock_guard<std::mutex> lock(mu_);
      return !stopping_;
    };
    bool skipped = false;
    options.on_busy = [&skipped](const Status& why) {
      skipped = true;
      fmt::print("{} scheduled sync skipped this turn: {}\n", NowIsoTime(), why.message());
    };
    int code = RunRemoteSync(workspace_, options);
    if (skipped) {
      std::fflush(stdout);
      continue;
    }
    fmt::print("{} scheduled sync ended (exit code {}); the next in {} s\n", NowIsoTime(), code,
               interval_.count());
    std::fflush(stdout);
    std::fflush(stderr);
  }
}

}  // namespace paperdeck::cli
