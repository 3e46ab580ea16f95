// A measurement, not a test: imports the 75k-paper arXiv file in batches of 1000, twice (the
// second pass changes nothing), streams it back, and prints papers per second and database size.
// Run on purpose:
//   test_library --gtest_also_run_disabled_tests --gtest_filter='*ImportSpeed*'
// The file is parsed here with nlohmann::json only to have records to store; the real reader
// lives in ingest/.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus_test_support.h"
#include "library/corpus.h"

namespace paperdeck::library {
namespace {

constexpr const char* kArxiv75k = "/work/shared/corpus/arxiv-75k.jsonl.gz";

struct PipeCloser {
  void operator()(FILE* f) const { pclose(f); }
};

std::vector<PaperRecord> ReadArxivJsonl(const std::string& path) {
  std::vector<PaperRecord> out;
  std::unique_ptr<FILE, PipeCloser> pipe(popen(("gzip -dc '" + path + "'").c_str(), "r"));
  if (!pipe) return out;
  std::string line;
  char buf[1 << 16];
  while (std::fgets(buf, sizeof buf, pipe.get())) {
    line += buf;
    if (line.empty() || line.back() != '\n') continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (j.is_discarded()) continue;
    PaperRecord r;
    r.arxiv_id = j.value("id", "");
    r.title = j.value("title", "");
    r.abstract = j.value("abstract", "");
    r.authors = j.value("authors", std::vector<std::string>{});
    r.categories = j.value("categories", std::vector<std::string>{});
    r.published = j.value("published", "");
    r.source = "arxiv-jsonl";
    r.origin = path;
    out.push_back(std::move(r));
  }
  return out;
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

TEST(CorpusImportSpeed, DISABLED_Arxiv75kInBatchesOf1000) {
  if (!std::filesystem::exists(kArxiv75k)) GTEST_SKIP() << kArxiv75k << " is not here";
  std::vector<PaperRecord> records = ReadArxivJsonl(kArxiv75k);
  ASSERT_GT(records.size(), 70000u);
  testing::ScratchDir dir;
  Result<std::unique_ptr<Corpus>> opened = Corpus::Open(dir.path());
  ASSERT_TRUE(opened.ok()) << opened.status().message();
  Corpus& corpus = **opened;

  auto import = [&](const char* label) {
    UpsertResult total;
    auto start = std::chrono::steady_clock::now();
    for (size_t i = 0; i < records.size(); i += 1000) {
      size_t n = std::min<size_t>(1000, records.size() - i);
      Result<UpsertResult> r = corpus.Upsert(std::span(records).subspan(i, n));
      ASSERT_TRUE(r.ok()) << r.status().message();
      total.added += r->added;
      total.updated += r->updated;
      total.unchanged += r->unchanged;
    }
    double s = Seconds(start);
    std::printf("%-10s %6zu records  %6.2f s  %8.0f papers/s  added %llu updated %llu "
                "unchanged %llu\n",
                label, records.size(), s, records.size() / s, (unsigned long long)total.added,
                (unsigned long long)total.updated, (unsigned long long)total.unchanged);
  };
  import("import");
  Result<CorpusStats> stats = corpus.Stats();
  ASSERT_TRUE(stats.ok());
  std::printf("papers %llu  revision %lld  database %.1f MB (db + wal)\n",
              (unsigned long long)stats->papers, (long long)stats->revision,
              stats->database_bytes / 1e6);
  import("re-import");

  auto start = std::chrono::steady_clock::now();
  uint64_t streamed = 0;
  ASSERT_TRUE(corpus.ChangedSince(0, [&](const StoredPaper&) { return ++streamed > 0; }).ok());
  double s = Seconds(start);
  std::printf("stream     %6llu papers  %6.2f s  %8.0f papers/s\n", (unsigned long long)streamed,
              s, streamed / s);
  start = std::chrono::steady_clock::now();
  stats = corpus.Stats();
  ASSERT_TRUE(stats.ok());
  std::printf("stats      %.3f s; top category %s (%llu)\n", Seconds(start),
              stats->top_categories.empty() ? "-" : stats->top_categories[0].first.c_str(),
              stats->top_categories.empty() ? 0ull
                                            : (unsigned long long)stats->top_categories[0].second);
  std::error_code ec;
  std::printf("files      corpus.db %.1f MB, corpus.db-wal %.1f MB\n",
              std::filesystem::file_size(dir.path() / "corpus.db", ec) / 1e6,
              std::filesystem::file_size(dir.path() / "corpus.db-wal", ec) / 1e6);
}

}  // namespace
}  // namespace paperdeck::library
