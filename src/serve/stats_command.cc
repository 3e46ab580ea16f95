#include "serve/stats_command.h"

#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "index/index_reader.h"
#include "library/corpus.h"
#include "serve/exit_code.h"

namespace paperdeck::serve {

int RunStats(const StatsOptions& options) {
  auto corpus = library::Corpus::Open(options.data.root);
  if (!corpus.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", corpus.status().message());
    return kExitFailed;
  }
  auto stats = (*corpus)->Stats();
  if (!stats.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", stats.status().message());
    return kExitFailed;
  }
  auto reader = index::IndexReader::Open(options.data.index_dir());
  if (!reader.ok()) {
    fmt::print(stderr, "paperdeck stats: {}\n", reader.status().message());
    return kExitFailed;
  }
  const index::IndexReader& index = **reader;
  bool behind = index.corpus_revision() < stats->revision;

  if (options.json) {
    nlohmann::json j;
    j["data_dir"] = options.data.root.string();
    j["papers"] = stats->papers;
    j["revision"] = stats->revision;
    j["earliest"] = stats->earliest_date;
    j["latest"] = stats->latest_date;
    j["categories"] = stats->top_categories;
    j["sources"] = stats->by_source;
    j["database_bytes"] = stats->database_bytes;
    j["index"] = {{"documents", index.live_doc_count()},
                  {"segments", index.segments().size()},
                  {"bytes", index.size_bytes()},
                  {"revision", index.corpus_revision()},
                  {"behind", behind}};
    fmt::print("{}\n", j.dump(2));
    return kExitOk;
  }
  fmt::print("data directory  {}\n", options.data.root.string());
  fmt::print("papers          {}\n", stats->papers);
  if (!stats->earliest_date.empty()) {
    fmt::print("published       {} .. {}\n", stats->earliest_date, stats->latest_date);
  }
  fmt::print("corpus          {:.1f} MiB, revision {}\n",
             static_cast<double>(stats->database_bytes) / (1 << 20), stats->revision);
  fmt::print("index           {} documents in {} segment{}, {:.1f} MiB, revision {}{}\n",
             index.live_doc_count(), index.segments().size(),
             index.segments().size() == 1 ? "" : "s",
             static_cast<double>(index.size_bytes()) / (1 << 20), index.corpus_revision(),
             behind ? " (behind the corpus: run `paperdeck reindex`)" : "");
  if (!stats->top_categories.empty()) {
    fmt::print("top categories ");
    for (const auto& [name, n] : stats->top_categories) fmt::print(" {} {}", name, n);
    fmt::print("\n");
  }
  if (!stats->by_source.empty()) {
    fmt::print("sources        ");
    for (const auto& [name, n] : stats->by_source) fmt::print(" {} {}", name, n);
    fmt::print("\n");
  }
  return kExitOk;
}

}  // namespace paperdeck::serve
