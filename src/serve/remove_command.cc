#include "serve/remove_command.h"

#include <fmt/core.h>

#include "index/index_writer.h"
#include "library/corpus.h"
#include "serve/exit_code.h"
#include "serve/index_status.h"

namespace paperdeck::serve {

int RunRemove(const RemoveOptions& options) {
  auto corpus = library::Corpus::Open(options.data.root);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck remove: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto writer = index::IndexWriter::Open(options.data.index_dir());
  if (!writer.ok()) {
    fmt::print(stderr, "paperdeck remove: {}\n", writer.status().message());
    return kExitFailed;
  }
  int missing = 0;
  for (const std::string& id : options.ids) {
    auto removed = (*corpus)->Remove(id);
    if (!removed.ok()) {
      fmt::print(stderr, "paperdeck remove: {}\n", removed.status().message());
      return kExitFailed;
    }
    if (*removed) {
      fmt::print("removed {}\n", id);
    } else {
      fmt::print(stderr, "paperdeck remove: no paper with id '{}' in the corpus\n", id);
      ++missing;
    }
  }
  if (!IndexCorpus(**corpus, **writer, "indexing")) return kExitFailed;
  if (missing == 0) return kExitOk;
  return missing < static_cast<int>(options.ids.size()) ? kExitPartial : kExitFailed;
}

}  // namespace paperdeck::serve
