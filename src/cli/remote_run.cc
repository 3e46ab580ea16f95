#include "cli/remote_run.h"

#include <cstdio>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "model/calendar.h"

namespace paperdeck::cli {
namespace {

constexpr int kIssuesShown = 20;

}  // namespace

Result<net::SourceSettings> LoadSettings(const workspace::Workspace& workspace) {
  return net::LoadSourceSettings(workspace.file(net::kConfigFileName));
}

net::SourcePolicy ArxivPolicy(const net::SourceSettings& settings,
                              const workspace::Workspace& workspace) {
  net::SourcePolicy policy = settings.ArxivPolicy();
  policy.shared_lock = workspace.file("arxiv.lock");
  return policy;
}

void SayWaitThenSleep(std::chrono::milliseconds wait, const std::string& reason) {
  fmt::print(stderr, "{}; waiting {:.1f} s\n", reason, static_cast<double>(wait.count()) / 1000.0);
  net::SleepFor(wait, reason);
}

void RecordUsage(library::Corpus& corpus, std::string_view source, const net::HttpClient& client,
                 std::string_view command) {
  const net::SourceMeter m = client.meter();
  if (m.requests == 0) return;
  library::SourceUsage delta;
  delta.day = FormatIsoDate(Today());
  delta.source = std::string(source);
  delta.requests = m.requests;
  delta.bytes = m.bytes;
  delta.wait_ms = m.waited.count();
  delta.errors = m.errors;
  delta.next_allowed = FormatIsoTime(m.next_allowed);
  if (Status s = corpus.AddSourceUsage(delta); !s.ok()) {
    fmt::print(stderr, "paperdeck {}: could not record the quota meter: {}\n", command, s.message());
  }
}

void PrintIssues(const std::vector<std::string>& issues) {
  int shown = 0;
  for (const std::string& issue : issues) {
    if (shown++ < kIssuesShown) fmt::print(stderr, "{}\n", issue);
  }
  if (shown > kIssuesShown) fmt::print(stderr, "... and {} more\n", shown - kIssuesShown);
}

int FinishRun(workspace::Workspace& workspace, library::Corpus& corpus,
              library::Corpus::Pull record, const Status& stopped, size_t issues, bool kept,
              std::string_view command) {
  record.errors = issues + (stopped.ok() ? 0 : 1);
  record.message = stopped.ok() ? "" : stopped.message();
  if (Status s = corpus.RecordPull(record); !s.ok()) {
    fmt::print(stderr, "paperdeck {}: could not record the run: {}\n", command, s.message());
  }
  if (!CatchUpIndex(workspace, command)) return kExitIndexBehind;
  if (!stopped.ok()) return kept ? kExitPartial : kExitFailed;
  return issues == 0 ? kExitOk : kExitPartial;
}

}  // namespace paperdeck::cli
