// SyncSchedule: `paperdeck serve --sync-every 6h`. A background thread runs the same sync as
// `paperdeck sync` (cli/remote_sync.h) over the server's Workspace every interval, the first one
// interval after the start (a server never reaches out just because it started). When another
// process holds the data directory's run lock, that turn is skipped and said so. Stop() ends the
// wait at once, and a sync under way stops before its next request (what it stored is kept).
//
// Threading: Start and Stop from the thread that owns the server; the sync runs on its own.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "workspace/workspace.h"

namespace paperdeck::cli {

class SyncSchedule {
 public:
  SyncSchedule(workspace::Workspace& workspace, std::chrono::seconds interval)
      : workspace_(workspace), interval_(interval) {}
  ~SyncSchedule() { Stop(); }
  SyncSchedule(const SyncSchedule&) = delete;
  SyncSchedule& operator=(const SyncSchedule&) = delete;

  void Start();
  // Idempotent.
  void Stop();

 private:
  void Loop();

  workspace::Workspace& workspace_;
  const std::chrono::seconds interval_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mu_
  std::thread thread_;
};

}  // namespace paperdeck::cli
