#include "sync/index_sync.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <string>
#include <system_error>
#include <thread>

#include "index/analyzed_document.h"
#include "index/document_analyzer.h"
#include "sync/batch_channel.h"
#include "sync/paper_document.h"

namespace paperdeck::sync {
namespace {

// Papers read and analysed together, handed from the reading thread to the writing one. The
// analysed documents' category views point into `papers`, so a batch travels whole.
constexpr size_t kPapersPerBatch = 256;
// Batches in flight: enough that neither thread waits on the other's small hiccups; memory is
// bounded by kBatches * kPapersPerBatch papers.
constexpr size_t kBatches = 4;
// A batch is also handed over once its papers' text and tokens pass this many bytes, so a run of
// huge papers (a crafted file) takes no more memory than 256 ordinary ones...
constexpr size_t kBatchBytes = size_t{32} << 20;
// ...and a paper slot that held a huge paper gives its memory back once the writer is done with
// it, rather than keeping its capacity for the next paper.
constexpr size_t kKeptSlotBytes = size_t{256} << 10;

size_t TextBytes(const library::StoredPaper& paper) {
  const PaperRecord& r = paper.record;
  size_t bytes = r.title.size() + r.abstract.size() + r.venue.size();
  for (const std::string& a : r.authors) bytes += a.size();
  return bytes;
}

size_t SlotBytes(const library::StoredPaper& paper, const index::AnalyzedDocument& doc) {
  const PaperRecord& r = paper.record;
  return r.title.capacity() + r.abstract.capacity() + r.venue.capacity() +
         doc.token_capacity() * sizeof(text::Token);
}

// The writing thread analyses one paper in kWriterShare itself, the reading thread the others:
// reading rows and analysing text cost more than adding documents to the writer's buffer, but the
// writing thread also writes a segment every max_buffered_docs papers, meanwhile the reading
// thread soon waits. CPU time while indexing a million arXiv papers, one paper in four: writing
// thread 45 s (about 10 s of it writing segments), reading thread 33 s; one in eight: 38 s and
// 36 s. (75,728 papers, whose one segment is written at the commit: 1.8 s and 2.3 s.)
// Which thread analyses a paper changes nothing in the index.
constexpr size_t kWriterShare = 8;

bool WriterAnalyses(size_t i) { return i % kWriterShare == kWriterShare - 1; }

struct AnalyzedBatch {
  std::array<library::StoredPaper, kPapersPerBatch> papers;
  std::array<index::AnalyzedDocument, kPapersPerBatch> docs;
  size_t size = 0;
  size_t bytes = 0;  // the papers' text and their tokens, roughly
};

// Reads the papers changed since `since` and analyses most of them on a thread of its own (the
// corpus is used by that thread only, until it ends), while this thread analyses the rest and
// adds them all to the writer in the order read, so the index is what a single thread would
// write. With commit_as_it_goes, papers are read in revision order and each time the writer
// has written a segment the index is committed at the revision below the paper just added:
// every paper changed up to it is in, so a failure later (a full disk) keeps them searchable and
// the next catch-up starts there. Returns the scan's failure or the writer's, whichever came
// first.
Status IndexChanged(library::Corpus& corpus, index::IndexWriter& writer, int64_t since,
                    bool commit_as_it_goes, const SyncProgress& progress, SyncReport* report) {
  BatchChannel<AnalyzedBatch> channel(kBatches);
  Status scan;
  auto read_and_analyse = [&] {
    index::DocumentAnalyzer analyzer;
    std::unique_ptr<AnalyzedBatch> batch;
    auto add = [&](const library::StoredPaper& paper) {
      if (!batch) {
        batch = channel.TakeEmpty();
        if (!batch) return false;  // the writing side stopped
        batch->size = 0;
        batch->bytes = 0;
      }
      const size_t i = batch->size++;
      batch->papers[i] = paper;
      // Tokens are about as many as the text's bytes over six, each a Token: count the text 9x.
      batch->bytes += TextBytes(paper) * 9;
      if (!WriterAnalyses(i)) {
        PaperDocument doc(batch->papers[i]);
        analyzer.Analyze(doc.document(), &batch->docs[i]);
      }
      if (batch->size == kPapersPerBatch || batch->bytes >= kBatchBytes) {
        channel.PutFull(std::move(batch));
      }
      return true;
    };
    // Only what PaperDocument uses is read: the rest of each row would be parsed to be dropped.
    scan = corpus.ChangedSince(since, add, library::PaperFields::kIndexed,
                               commit_as_it_goes ? library::Corpus::Order::kByRevision
                                                 : library::Corpus::Order::kByKey);
    if (batch && batch->size > 0) channel.PutFull(std::move(batch));
    channel.FinishProducing();
  };

  std::thread reader;
  try {
    reader = std::thread(read_and_analyse);
  } catch (const std::system_error& e) {
    return Status::IOError(std::string("cannot start the thread that reads the corpus: ") +
                           e.what());
  }

  index::DocumentAnalyzer analyzer;
  Status failure;
  uint64_t segments = writer.segments_written();
  while (auto batch = channel.TakeFull()) {
    for (size_t i = 0; i < batch->size; ++i) {
      if (WriterAnalyses(i)) {
        PaperDocument doc(batch->papers[i]);
        analyzer.Analyze(doc.document(), &batch->docs[i]);
      }
      failure = writer.UpsertAnalyzed(batch->docs[i]);
      if (!failure.ok()) break;
      ++report->indexed;
      if (commit_as_it_goes && writer.segments_written() != segments) {
        segments = writer.segments_written();
        // Papers of this one's revision may still come; those below it are all in.
        const int64_t done = batch->papers[i].revision - 1;
        if (done > writer.corpus_revision()) {
          failure = writer.Commit(done);
          if (!failure.ok()) break;
          ++report->commits;
        }
      }
      if (progress && report->indexed % 1000 == 0) progress(report->indexed);
    }
    if (!failure.ok()) {
      channel.Close();
      break;
    }
    for (size_t i = 0; i < batch->size; ++i) {
      if (SlotBytes(batch->papers[i], batch->docs[i]) > kKeptSlotBytes) {
        batch->papers[i] = library::StoredPaper{};
        batch->docs[i] = index::AnalyzedDocument{};
      }
    }
    channel.PutEmpty(std::move(batch));
  }
  if (reader.joinable()) reader.join();
  if (!failure.ok()) return failure;
  return scan;
}

Result<SyncReport> IndexSince(library::Corpus& corpus, index::IndexWriter& writer, int64_t since,
                              bool commit_as_it_goes, const SyncProgress& progress) {
  auto start = std::chrono::steady_clock::now();
  SyncReport report;
  report.from_revision = since;
  // Read the target revision first: papers changed after it are indexed too (harmless), and the
  // next catch-up starts from it, so nothing is missed.
  Result<int64_t> revision = corpus.Revision();
  if (!revision.ok()) return revision.status();
  report.to_revision = *revision;

  // Removals first, so that a commit on the way reflects every removal up to its revision (a
  // key is never given to another paper, so no paper indexed after is one removed).
  if (since > 0) {
    Status failure;
    Status removal = corpus.RemovedSince(since, [&](int64_t key) {
      if (!failure.ok()) return;
      failure = writer.Remove(static_cast<uint64_t>(key));
      ++report.removed;
    });
    if (!failure.ok()) return failure;
    if (!removal.ok()) return removal;
  }
  PAPERDECK_RETURN_IF_ERROR(
      IndexChanged(corpus, writer, since, commit_as_it_goes, progress, &report));
  bool nothing_to_do = report.indexed == 0 && report.removed == 0 && report.to_revision == since;
  if (!nothing_to_do) {
    // A commit on the way may have gone past to_revision (papers changed since it was read).
    report.to_revision = std::max(report.to_revision, writer.corpus_revision());
    PAPERDECK_RETURN_IF_ERROR(writer.Commit(report.to_revision));
    ++report.commits;
  }
  if (progress) progress(report.indexed);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

// A sync that failed gives back what it wrote: the writer is at its last commit, and the
// uncommitted segments' disk space is free again (a full disk is not left fuller).
Result<SyncReport> RolledBackOnFailure(index::IndexWriter& writer, Result<SyncReport> result) {
  if (result.ok()) return result;
  if (Status s = writer.Rollback(); !s.ok()) {
    return Status::IOError(result.status().message() + "; and then: " + s.message());
  }
  return result;
}

}  // namespace

Result<SyncReport> CatchUp(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress) {
  return RolledBackOnFailure(writer,
                             IndexSince(corpus, writer, writer.corpus_revision(),
                                        /*commit_as_it_goes=*/true, progress));
}

Result<SyncReport> Rebuild(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress) {
  PAPERDECK_RETURN_IF_ERROR(writer.Clear());
  return RolledBackOnFailure(writer, IndexSince(corpus, writer, 0, /*commit_as_it_goes=*/false, progress));
}

}  // namespace paperdeck::sync
