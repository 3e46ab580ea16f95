// IndexSync over a real corpus and index: reading and analysing papers on a thread of its own
// must write exactly the index a single thread writes (same segments, same doc ids in key
// order), catch up with changes and removals, and stop cleanly when the writer fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "index/index_reader.h"
#include "index/index_writer.h"
#include "library/corpus.h"
#include "support/temp_dir.h"
#include "sync/batch_channel.h"
#include "sync/index_sync.h"
#include "sync/paper_document.h"

namespace paperdeck::sync {
namespace {

using ::paperdeck::testing::TempDir;

// Deterministic papers over a small vocabulary, so terms repeat across documents and batches.
std::vector<PaperRecord> MakeRecords(int n, int first = 0) {
  static const char* kWords[] = {"attention", "sparse",   "linear",   "diffusion", "graph",
                                 "neural",    "vision",   "language", "scaling",   "quantum",
                                 "gradient",  "kernel",   "bayesian", "retrieval", "policy",
                                 "FlashAttention-3",      "GPT-4",    "O(n^2)",    "manifold"};
  static const char* kCats[] = {"cs.CV", "cs.LG", "cs.CL", "stat.ML", "hep-th", "quant-ph"};
  std::vector<PaperRecord> records;
  for (int i = first; i < first + n; ++i) {
    PaperRecord r;
    r.arxiv_id = "2401." + std::to_string(10000 + i);
    r.title = "Paper " + std::to_string(i) + " on " + kWords[i % 19] + " " + kWords[(i * 7) % 19];
    for (int w = 0; w < 30 + i % 40; ++w) {
      r.abstract += std::string(kWords[(i * 31 + w * 13) % 19]) + (w % 9 == 8 ? ". " : " ");
    }
    r.authors = {"Ada Lovelace", "Author " + std::to_string(i % 97)};
    r.categories = {kCats[i % 6], kCats[(i / 6) % 6]};
    r.published = "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10);
    if (i % 5 == 0) r.citations = i;
    r.source = "paperdeck-jsonl";
    r.origin = "test";
    records.push_back(std::move(r));
  }
  return records;
}

std::unique_ptr<library::Corpus> CorpusWith(const std::filesystem::path& dir, int papers) {
  auto corpus = library::Corpus::Open(dir);
  EXPECT_TRUE(corpus.ok()) << corpus.status().message();
  std::vector<PaperRecord> records = MakeRecords(papers);
  for (size_t i = 0; i < records.size(); i += 500) {
    size_t n = std::min<size_t>(500, records.size() - i);
    auto r = (*corpus)->Upsert(std::span<const PaperRecord>(records.data() + i, n));
    EXPECT_TRUE(r.ok()) << r.status().message();
  }
  return std::move(corpus.value());
}

// Every segment file of an index directory by name, with its bytes.
std::map<std::string, std::string> SegmentFiles(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".seg") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    files[entry.path().filename().string()] =
        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return files;
}

TEST(IndexSync, RebuildWritesTheSegmentsOneThreadWritesInKeyOrder) {
  TempDir dir;
  // Not a multiple of the hand-over batch, and several segments of 700 documents.
  auto corpus = CorpusWith(dir.path() / "data", 2345);
  const index::IndexWriterOptions options{.max_buffered_docs = 700};

  auto synced = index::IndexWriter::Open(dir.path() / "synced", options);
  ASSERT_TRUE(synced.ok());
  auto report = Rebuild(*corpus, **synced);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->indexed, 2345u);

  // The same papers added by one thread, in the order the corpus gives them.
  auto single = index::IndexWriter::Open(dir.path() / "single", options);
  ASSERT_TRUE(single.ok());
  Status add;
  ASSERT_TRUE(corpus->ChangedSince(0, [&](const library::StoredPaper& paper) {
                        add = (*single)->Upsert(PaperDocument(paper).document());
                        return add.ok();
                      }).ok());
  ASSERT_TRUE(add.ok()) << add.message();
  ASSERT_TRUE((*single)->Commit(report->to_revision).ok());

  auto expected = SegmentFiles(dir.path() / "single");
  EXPECT_EQ(expected.size(), 4u);  // 700 + 700 + 700 + 245
  EXPECT_TRUE(SegmentFiles(dir.path() / "synced") == expected)
      << "the synced index differs from one written by a single thread";
}

TEST(IndexSync, CatchUpIndexesChangesAndRemovalsSinceTheLastCommit) {
  TempDir dir;
  auto corpus = CorpusWith(dir.path() / "data", 1000);
  {
    auto writer = index::IndexWriter::Open(dir.path() / "index");
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE(CatchUp(*corpus, **writer).ok());
  }
  // 300 new papers, 2 changed, 1 removed.
  std::vector<PaperRecord> more = MakeRecords(300, 1000);
  std::vector<PaperRecord> changed = MakeRecords(2, 10);
  for (PaperRecord& r : changed) r.title += " revisited with zebras";
  more.insert(more.end(), changed.begin(), changed.end());
  ASSERT_TRUE(corpus->Upsert(more).ok());
  auto removed = corpus->Remove("2401.10500");
  ASSERT_TRUE(removed.ok() && *removed);

  auto writer = index::IndexWriter::Open(dir.path() / "index");
  ASSERT_TRUE(writer.ok());
  auto report = CatchUp(*corpus, **writer);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->indexed, 302u);
  EXPECT_EQ(report->removed, 1u);
  auto reader = index::IndexReader::Open(dir.path() / "index");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->live_doc_count(), 1299u);
  auto revision = corpus->Revision();
  ASSERT_TRUE(revision.ok());
  EXPECT_EQ((*writer)->corpus_revision(), *revision);
}

// Fails every call once `limit` documents were added.
class FailingWriter final : public index::IndexWriter {
 public:
  explicit FailingWriter(uint64_t limit) : limit_(limit) {}
  int64_t corpus_revision() const override { return 0; }
  uint64_t segments_written() const override { return 0; }
  Status Upsert(const index::IndexDocument&) override { return Add(); }
  Status UpsertAnalyzed(const index::AnalyzedDocument&) override { return Add(); }
  Status Remove(uint64_t) override { return Status::Ok(); }
  Status Clear() override { return Status::Ok(); }
  Status Commit(int64_t) override {
    ++commits;
    return Status::Ok();
  }
  Status Optimize() override { return Status::Ok(); }
  Status WaitForMerges() override { return Status::Ok(); }
  uint64_t merges_done() const override { return 0; }
  Status Rollback() override {
    ++rollbacks;
    return Status::Ok();
  }
  uint64_t added = 0;
  int commits = 0;
  int rollbacks = 0;

 private:
  Status Add() {
    if (added == limit_) return Status::IOError("disk full");
    ++added;
    return Status::Ok();
  }
  uint64_t limit_;
};

TEST(IndexSync, AWriterFailureStopsTheReadingAndIsReported) {
  TempDir dir;
  auto corpus = CorpusWith(dir.path() / "data", 3000);
  for (uint64_t limit : {0u, 1u, 600u, 2999u}) {
    FailingWriter writer(limit);
    auto report = Rebuild(*corpus, writer);
    ASSERT_FALSE(report.ok()) << "limit " << limit;
    EXPECT_EQ(report.status().message(), "disk full");
    EXPECT_EQ(writer.added, limit);
    EXPECT_EQ(writer.commits, 0) << "nothing is committed after a failure";
    EXPECT_EQ(writer.rollbacks, 1) << "what was written is given back";
  }
  // The reading thread ended and let go of the corpus: it can be written again.
  EXPECT_TRUE(corpus->Upsert(MakeRecords(1, 5000)).ok());
  FailingWriter enough(100000);
  auto report = Rebuild(*corpus, enough);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->indexed, 3001u);
  EXPECT_EQ(enough.commits, 1);
}

// A real writer that fails an upsert once `limit` documents were added, as a full disk does.
class FailingAfter final : public index::IndexWriter {
 public:
  FailingAfter(index::IndexWriter& inner, uint64_t limit) : inner_(inner), limit_(limit) {}
  int64_t corpus_revision() const override { return inner_.corpus_revision(); }
  uint64_t segments_written() const override { return inner_.segments_written(); }
  Status Upsert(const index::IndexDocument& d) override { return inner_.Upsert(d); }
  Status UpsertAnalyzed(const index::AnalyzedDocument& d) override {
    if (added_ == limit_) return Status::IOError("disk full");
    ++added_;
    return inner_.UpsertAnalyzed(d);
  }
  Status Remove(uint64_t key) override { return inner_.Remove(key); }
  Status Clear() override { return inner_.Clear(); }
  Status Commit(int64_t revision) override { return inner_.Commit(revision); }
  Status Optimize() override { return inner_.Optimize(); }
  Status WaitForMerges() override { return inner_.WaitForMerges(); }
  uint64_t merges_done() const override { return inner_.merges_done(); }
  Status Rollback() override { return inner_.Rollback(); }

 private:
  index::IndexWriter& inner_;
  uint64_t added_ = 0;
  uint64_t limit_;
};

TEST(IndexSync, ACatchUpCommitsAfterEachSegmentSoAFailureKeepsWhatWasIndexed) {
  TempDir dir;
  auto corpus = CorpusWith(dir.path() / "data", 3000);  // six batches: revisions 1..6
  index::IndexWriterOptions options;
  options.max_buffered_docs = 400;
  auto writer = index::IndexWriter::Open(dir.path() / "index", options);
  ASSERT_TRUE(writer.ok());
  FailingAfter failing(**writer, 1700);
  auto failed = CatchUp(*corpus, failing);
  ASSERT_FALSE(failed.ok());
  // Segments of 400 were written at 400, 800, 1200 and 1600 papers (the papers of revisions 1
  // to 3 are all in at 1600: each holds 500); the last commit is at revision 3.
  EXPECT_EQ((*writer)->corpus_revision(), 3);
  auto reader = index::IndexReader::Open(dir.path() / "index");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ((*reader)->corpus_revision(), 3);
  EXPECT_EQ((*reader)->live_doc_count(), 1600u) << "what was committed stays searchable";
  auto lag = corpus->CountChangedSince(3);
  ASSERT_TRUE(lag.ok());
  EXPECT_EQ(*lag, 1500u);

  // The next catch-up starts from revision 3: only the papers after it are indexed again.
  auto report = CatchUp(*corpus, **writer);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->from_revision, 3);
  EXPECT_EQ(report->indexed, 1500u);
  auto level = index::IndexReader::Open(dir.path() / "index");
  ASSERT_TRUE(level.ok());
  EXPECT_EQ((*level)->live_doc_count(), 3000u);
  EXPECT_EQ((*level)->corpus_revision(), 6);
}

struct Numbers {
  std::vector<int> values;
};

TEST(BatchChannel, HandsBatchesOverInOrderAndBackForReuse) {
  BatchChannel<Numbers> channel(2);
  std::thread producer([&] {
    for (int b = 0; b < 50; ++b) {
      auto batch = channel.TakeEmpty();
      ASSERT_NE(batch, nullptr);
      batch->values.assign({b, b + 1000});
      channel.PutFull(std::move(batch));
    }
    channel.FinishProducing();
  });
  std::vector<int> seen;
  std::vector<Numbers*> distinct;
  while (auto batch = channel.TakeFull()) {
    seen.push_back(batch->values[0]);
    if (std::find(distinct.begin(), distinct.end(), batch.get()) == distinct.end()) {
      distinct.push_back(batch.get());
    }
    channel.PutEmpty(std::move(batch));
  }
  producer.join();
  ASSERT_EQ(seen.size(), 50u);
  for (int b = 0; b < 50; ++b) EXPECT_EQ(seen[b], b);
  EXPECT_EQ(distinct.size(), 2u) << "only the channel's own batches circulate";
}

TEST(BatchChannel, CloseReleasesAProducerWaitingForAnEmptyBatch) {
  BatchChannel<Numbers> channel(1);
  std::atomic<int> produced{0};
  std::thread producer([&] {
    while (auto batch = channel.TakeEmpty()) {  // the second wait only ends by Close
      ++produced;
      channel.PutFull(std::move(batch));
    }
    channel.FinishProducing();
  });
  auto first = channel.TakeFull();
  ASSERT_NE(first, nullptr);
  channel.Close();  // the consumer gives up without giving the batch back
  producer.join();
  EXPECT_EQ(produced.load(), 1);
  EXPECT_EQ(channel.TakeFull(), nullptr);
}

}  // namespace
}  // namespace paperdeck::sync
