#include "sync/index_sync.h"

#include <chrono>

#include "sync/paper_document.h"

namespace paperdeck::sync {
namespace {

Result<SyncReport> IndexSince(library::Corpus& corpus, index::IndexWriter& writer, int64_t since,
                              const SyncProgress& progress) {
  auto start = std::chrono::steady_clock::now();
  SyncReport report;
  report.from_revision = since;
  // Read the target revision first: papers changed after it are indexed too (harmless), and the
  // next catch-up starts from it, so nothing is missed.
  Result<int64_t> revision = corpus.Revision();
  if (!revision.ok()) return revision.status();
  report.to_revision = *revision;

  Status failure;
  Status scan = corpus.ChangedSince(since, [&](const library::StoredPaper& paper) {
    PaperDocument doc(paper);
    failure = writer.Upsert(doc.document());
    if (!failure.ok()) return false;
    ++report.indexed;
    if (progress && report.indexed % 1000 == 0) progress(report.indexed);
    return true;
  });
  if (!failure.ok()) return failure;
  if (!scan.ok()) return scan;
  if (since > 0) {
    Status removal = corpus.RemovedSince(since, [&](int64_t key) {
      if (!failure.ok()) return;
      failure = writer.Remove(static_cast<uint64_t>(key));
      ++report.removed;
    });
    if (!failure.ok()) return failure;
    if (!removal.ok()) return removal;
  }
  bool nothing_to_do = report.indexed == 0 && report.removed == 0 && report.to_revision == since;
  if (!nothing_to_do) {
    if (Status s = writer.Commit(report.to_revision); !s.ok()) return s;
  }
  if (progress) progress(report.indexed);
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

}  // namespace

Result<SyncReport> CatchUp(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress) {
  return IndexSince(corpus, writer, writer.corpus_revision(), progress);
}

Result<SyncReport> Rebuild(library::Corpus& corpus, index::IndexWriter& writer,
                           const SyncProgress& progress) {
  if (Status s = writer.Clear(); !s.ok()) return s;
  return IndexSince(corpus, writer, 0, progress);
}

}  // namespace paperdeck::sync
