#include "serve/index_commands.h"

#include <chrono>

#include <fmt/core.h>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "library/corpus.h"
#include "serve/exit_code.h"
#include "serve/index_status.h"

namespace paperdeck::serve {

int RunReindex(const DataDir& data) {
  auto corpus = library::Corpus::Open(data.root);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck reindex: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto writer = index::IndexWriter::Open(data.index_dir());
  if (!writer.ok()) {
    fmt::print(stderr, "paperdeck reindex: {}\n", writer.status().message());
    return kExitFailed;
  }
  return IndexCorpus(**corpus, **writer, "reindexing", /*rebuild=*/true) ? kExitOk : kExitFailed;
}

int RunOptimize(const DataDir& data) {
  auto writer = index::IndexWriter::Open(data.index_dir());
  if (!writer.ok()) {
    fmt::print(stderr, "paperdeck optimize: {}\n", writer.status().message());
    return kExitFailed;
  }
  auto start = std::chrono::steady_clock::now();
  if (Status s = (*writer)->Optimize(); !s.ok()) {
    fmt::print(stderr, "paperdeck optimize: {}\nThe index is unchanged.\n", s.message());
    return kExitFailed;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  auto reader = index::IndexReader::Open(data.index_dir());
  if (reader.ok()) {
    fmt::print("optimized: {} documents in {} segment(s), {:.1f} MiB, in {:.1f} s\n",
               (*reader)->live_doc_count(), (*reader)->segments().size(),
               static_cast<double>((*reader)->size_bytes()) / (1 << 20), seconds);
  }
  return kExitOk;
}

}  // namespace paperdeck::serve
