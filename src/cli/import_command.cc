#include "cli/import_command.h"

#include <cstdio>
#include <filesystem>
#include <string>
#include <utility>

#include <fmt/core.h>

#include "cli/exit_code.h"
#include "cli/index_catch_up.h"
#include "cli/issue_log.h"
#include "cli/open_workspace.h"
#include "cli/progress_bar.h"
#include "workspace/file_import.h"

namespace paperdeck::cli {
namespace {

// The observer of one file's import or check: problems to the log, progress to a bar.
workspace::ImportObserver Observe(IssueLog* log, ProgressBar* bar) {
  return {[log](const std::string& message) { log->Report(message); },
          [bar](uint64_t bytes, uint64_t file_bytes, uint64_t records) {
            bar->Update(bytes, file_bytes, records);
          },
          // Stored, but without what the message names: said, not counted as a problem.
          [](const std::string& message) { fmt::print(stderr, "note: {}\n", message); }};
}

std::string FileName(const std::string& file) {
  return std::filesystem::path(file).filename().string();
}

}  // namespace

int RunImport(const ImportOptions& options) {
  auto format = ingest::ParseFormatName(options.format);
  if (!format.ok()) {
    fmt::print(stderr, "paperdeck import: {}\n", format.status().message());
    return kExitUsage;
  }
  IssueLog log;
  if (!options.issues_file.empty()) {
    Result<IssueLog> to_file = IssueLog::WritingTo(options.issues_file);
    if (!to_file.ok()) {
      fmt::print(stderr, "paperdeck import: {}; nothing imported\n", to_file.status().message());
      return kExitFailed;
    }
    log = std::move(*to_file);
  }
  // Closes the log: the count of problems not shown, and whether the issues file is whole.
  auto close_log = [&log]() {
    if (Status s = log.Close(); !s.ok()) fmt::print(stderr, "paperdeck import: {}\n", s.message());
  };
  if (options.strict) {
    bool clean = true;
    for (const std::string& file : options.files) {
      ProgressBar bar("checking " + FileName(file), "records");
      clean &= workspace::CheckFile(file, *format, Observe(&log, &bar));
    }
    if (!clean) {
      close_log();
      fmt::print(stderr, "paperdeck import: nothing imported (--strict and {} problem(s) found)\n",
                 log.count());
      return kExitFailed;
    }
  }

  auto workspace = OpenWorkspace(options.data, "import");
  if (!workspace) return kExitFailed;
  // Before any paper is stored: another process writing the index refuses this import whole.
  if (Status s = workspace->LockIndex(); !s.ok()) {
    fmt::print(stderr, "paperdeck import: {}; nothing was stored\n", s.message());
    return kExitFailed;
  }

  bool any_failed = false;
  uint64_t skipped = 0, records = 0;
  for (const std::string& file : options.files) {
    workspace::FileImportReport out;
    {
      ProgressBar bar("importing " + FileName(file), "records");
      out = workspace->ImportFile(file, *format, options.batch_size, Observe(&log, &bar),
                                  options.keywords_as_tags);
    }
    if (!out.format.empty()) {
      fmt::print("{}: {} records ({} added, {} updated, {} unchanged), {} skipped, in {:.1f} s "
                 "({:.0f} records/s){}\n",
                 file, out.records, out.added, out.updated, out.unchanged, out.skipped,
                 out.seconds, out.seconds > 0 ? static_cast<double>(out.records) / out.seconds : 0.0,
                 out.failed ? " — stopped early, records stored before the problem are kept" : "");
      if (out.saved_searches > 0) {
        fmt::print("{}: restored {} saved search{}\n", file, out.saved_searches,
                   out.saved_searches == 1 ? "" : "es");
      }
    }
    any_failed |= out.failed;
    skipped += out.skipped;
    records += out.records;
  }
  close_log();

  if (!CatchUpIndex(*workspace, "import")) return kExitIndexBehind;
  if (any_failed || skipped > 0) return records > 0 ? kExitPartial : kExitFailed;
  return kExitOk;
}

}  // namespace paperdeck::cli
