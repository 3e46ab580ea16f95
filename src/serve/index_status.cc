#include "serve/index_status.h"

#include <fmt/core.h>

#include "serve/progress_bar.h"
#include "sync/index_sync.h"

namespace paperdeck::serve {

bool IndexCorpus(library::Corpus& corpus, index::IndexWriter& writer, const char* label,
                 bool rebuild) {
  uint64_t total = 0;  // known for a rebuild only: a catch-up's count is not worth a scan
  if (rebuild) {
    if (auto stats = corpus.Stats(); stats.ok()) total = stats->papers;
  }
  ProgressBar bar(label, "papers");
  auto progress = [&](uint64_t n) { bar.Update(n, rebuild ? total : 0, n); };
  auto report = rebuild ? sync::Rebuild(corpus, writer, progress)
                        : sync::CatchUp(corpus, writer, progress);
  bar.Finish();
  if (!report.ok()) {
    fmt::print(stderr, "paperdeck: the index could not be updated: {}\n"
                       "The corpus is intact; run `paperdeck reindex` to rebuild the index.\n",
               report.status().message());
    return false;
  }
  if (report->indexed > 0 || report->removed > 0) {
    fmt::print("index: {} papers indexed, {} removed, in {:.1f} s ({:.0f} papers/s)\n",
               report->indexed, report->removed, report->seconds,
               report->seconds > 0 ? static_cast<double>(report->indexed) / report->seconds : 0.0);
  }
  return true;
}

}  // namespace paperdeck::serve
