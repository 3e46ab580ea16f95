#include "cli/export_command.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include <fmt/core.h>

#include "cite/cited_paper.h"
#include "cite/export_format.h"
#include "cite/jsonl_writer.h"
#include "cli/exit_code.h"
#include "cli/index_lag.h"
#include "cli/open_workspace.h"

namespace paperdeck::cli {
namespace {

// Writes text to path through path + ".tmp", flushed to disk before the rename, so path holds
// the old file or the whole new one.
Status WriteAtomically(const std::filesystem::path& path, const std::string& text) {
  const std::filesystem::path temp = path.string() + ".tmp";
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (f == nullptr) {
    return Status::IOError(temp.string() + ": cannot write: " + std::strerror(errno));
  }
  const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size() &&
                       std::fflush(f) == 0 && ::fsync(fileno(f)) == 0;
  const int error = errno;
  const bool closed = std::fclose(f) == 0;
  std::error_code ec;
  if (!written || !closed) {
    std::filesystem::remove(temp, ec);
    return Status::IOError(temp.string() + ": cannot write: " + std::strerror(error));
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return Status::IOError(path.string() + ": cannot put the file in place: " + ec.message());
  }
  return Status::Ok();
}

}  // namespace

int RunExport(const ExportOptions& options) {
  std::optional<cite::ExportFormat> format = cite::ParseExportFormat(options.format);
  if (!format) {
    fmt::print(stderr, "paperdeck export: unknown --format '{}' ({})\n", options.format,
               cite::ExportFormatNames());
    return kExitUsage;
  }
  auto workspace = OpenWorkspace(options.data, "export");
  if (!workspace) return kExitFailed;

  std::vector<int64_t> keys;
  if (options.query.empty()) {
    auto corpus = workspace->Corpus();
    if (!corpus.ok()) {
      fmt::print(stderr, "paperdeck export: {}\n", corpus.status().message());
      return kExitFailed;
    }
    auto library = (*corpus)->LibraryPapers();
    if (!library.ok()) {
      fmt::print(stderr, "paperdeck export: {}\n", library.status().message());
      return kExitFailed;
    }
    keys = std::move(library).value();
  } else {
    search::SearchRequest request;
    request.query = options.query;
    auto matches = workspace->AllMatching(request);
    if (!matches.ok()) {
      fmt::print(stderr, "paperdeck export: {}\nRun `paperdeck reindex` to rebuild the index.\n",
                 matches.status().message());
      return kExitFailed;
    }
    if (matches->index_behind) WarnIfIndexBehind(*workspace, "The export may miss them.");
    if (matches->notice) {
      fmt::print(stderr,
                 "paperdeck export: could not read the query as operators at column {}: {}; "
                 "exported the papers matching its words\n",
                 matches->notice->position + 1, matches->notice->message);
    }
    keys = std::move(matches->keys);
  }

  auto corpus = workspace->Corpus();
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck export: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto papers = cite::GatherCitedPapers(**corpus, keys);
  if (!papers.ok()) {
    fmt::print(stderr, "paperdeck export: {}\n", papers.status().message());
    return kExitFailed;
  }
  std::string text = cite::WriteCitations(*format, *papers);
  size_t saved_searches = 0;
  if (options.query.empty() && *format == cite::ExportFormat::kJsonl) {
    // The library's export carries the user's saved searches too: restoring it restores them.
    auto searches = (*corpus)->SavedSearches();
    if (!searches.ok()) {
      fmt::print(stderr, "paperdeck export: {}\n", searches.status().message());
      return kExitFailed;
    }
    text += cite::WriteSavedSearchLines(*searches);
    saved_searches = searches->size();
  }
  if (papers->empty() && saved_searches == 0) {
    fmt::print(stderr, "paperdeck export: {}\n",
               options.query.empty() ? "your library is empty (paperdeck tag ID +NAME)"
                                     : "no paper matches the query");
  }
  if (options.out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    if (std::fflush(stdout) != 0) {
      fmt::print(stderr, "paperdeck export: cannot write standard output: {}\n",
                 std::strerror(errno));
      return kExitFailed;
    }
    return kExitOk;
  }
  if (Status s = WriteAtomically(options.out, text); !s.ok()) {
    fmt::print(stderr, "paperdeck export: {}\n", s.message());
    return kExitFailed;
  }
  fmt::print(stderr, "exported {} paper{}{} to {}\n", papers->size(),
             papers->size() == 1 ? "" : "s",
             saved_searches > 0 ? fmt::format(" and {} saved search{}", saved_searches,
                                              saved_searches == 1 ? "" : "es")
                                : std::string(),
             options.out);
  return kExitOk;
}

}  // namespace paperdeck::cli
