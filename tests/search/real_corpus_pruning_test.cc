// Pruning never changes an answer on real papers: over the 75,728 arXiv papers of
// ../shared/corpus/arxiv-75k.jsonl.gz beside the repository (the test is skipped without it),
// queries drawn from their titles, of every kind the query language has, give the same pages,
// scores and exact totals with pruning as with every match scored.
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "expect_same_response.h"
#include "index/index_reader.h"
#include "index/index_writer.h"
#include "ingest/record_reader.h"
#include "search/searcher.h"
#include "support/temp_dir.h"
#include "sync/paper_document.h"

namespace paperdeck::search {
namespace {

namespace fs = std::filesystem;

// Lowercase words of at least three letters.
std::vector<std::string> TitleWords(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  for (char c : title + " ") {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      if (word.size() >= 3) words.push_back(word);
      word.clear();
    }
  }
  return words;
}

TEST(RealCorpusPruning, TitleQueriesEqualExhaustiveScoring) {
  const fs::path corpus = fs::path(PAPERDECK_TEST_DATA) / ".." / ".." / ".." / "shared" /
                          "corpus" / "arxiv-75k.jsonl.gz";
  if (!fs::exists(corpus)) GTEST_SKIP() << "no corpus at " << corpus;

  const ::paperdeck::testing::TempDir temp;
  const fs::path dir = temp.path();
  std::vector<std::vector<std::string>> titles;
  {
    auto writer = index::IndexWriter::Open(dir);
    ASSERT_TRUE(writer.ok()) << writer.status().message();
    auto reader = ingest::RecordReader::Open(corpus);
    ASSERT_TRUE(reader.ok()) << reader.status().message();
    library::StoredPaper paper;
    ingest::ReadIssue issue;
    for (;;) {
      ingest::ReadOutcome outcome = (*reader)->Next(&paper.record, &issue);
      if (outcome == ingest::ReadOutcome::kEnd) break;
      ASSERT_NE(outcome, ingest::ReadOutcome::kFailed) << issue.ToString();
      if (outcome != ingest::ReadOutcome::kRecord) continue;
      ++paper.key;
      paper.revision = 1;
      sync::PaperDocument doc(paper);
      ASSERT_TRUE((*writer)->Upsert(doc.document()).ok());
      if (paper.key % 20 == 0) titles.push_back(TitleWords(paper.record.title));
    }
    ASSERT_GT(paper.key, 70000);
    ASSERT_TRUE((*writer)->Commit(1).ok());
  }
  auto index = index::IndexReader::Open(dir);
  ASSERT_TRUE(index.ok()) << index.status().message();
  Searcher pruned(*index);
  Searcher exhaustive(*index, SearcherOptions{.bm25f = {}, .prune = false});

  std::mt19937_64 rng(75728);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  int compared = 0;
  for (int i = 0; i < 600; ++i) {
    const std::vector<std::string>& t = titles[rng() % titles.size()];
    const std::vector<std::string>& u = titles[rng() % titles.size()];
    if (t.size() < 3 || u.empty()) continue;
    SearchRequest request;
    const size_t at = rng() % (t.size() - 1);
    switch (i % 7) {
      case 0: request.query = pick(t); break;
      case 1: request.query = t[at] + " " + t[at + 1]; break;
      case 2: request.query = t[0] + " " + t[1] + " " + t[2]; break;
      case 3: request.query = "\"" + t[at] + " " + t[at + 1] + "\""; break;
      case 4: request.query = pick(t) + " OR " + pick(u) + " OR " + pick(u); break;
      case 5: request.query = "title:" + pick(t) + " OR " + pick(u); break;
      case 6:
        request.mode = QueryMode::kPlainTextAny;
        for (const std::string& w : t) request.query += w + " ";
        break;
    }
    request.limit = i % 3 == 0 ? 100 : 10;
    Result<SearchResponse> a = pruned.Search(request);
    Result<SearchResponse> b = exhaustive.Search(request);
    ASSERT_TRUE(a.ok() && b.ok()) << request.query;
    ASSERT_NO_FATAL_FAILURE(ExpectSameResponse(*a, *b, request.query));
    ++compared;
  }
  EXPECT_GT(compared, 500);
}

}  // namespace
}  // namespace paperdeck::search
