// IndexWriter: the one writer of an index directory (an exclusive lock file keeps a second
// process out). Buffers added and removed documents in bounded memory, writes immutable
// segments, and makes them visible all at once by replacing the manifest atomically (write
// temp, fsync, rename, fsync dir). A process killed at any point leaves the previous manifest
// and its segments intact; files no manifest names are removed at the next Open.
//
// With a merge policy (IndexWriterOptions::merge_policy, index/merge_policy.h), every Commit
// also starts merging what the policy picks among the committed segments, on a background thread
// of the writer's own, one merge at a time, while the writer goes on adding and committing. A
// merge reads only immutable files (the segments and their committed deletions) and publishes
// its segment by writing a new manifest, in which deletions made while it ran carry over to the
// merged segment; a process killed during a merge leaves the last manifest, and the merged file
// is removed at the next Open as any file no manifest names. The writer's other calls wait only
// while a merge writes its manifest (a few milliseconds), never for a merge to run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>

#include "index/analyzed_document.h"
#include "index/disk_space.h"
#include "index/index_document.h"
#include "index/merge_policy.h"
#include "index/term_bitmaps.h"
#include "model/status.h"

namespace paperdeck::index {

struct IndexWriterOptions {
  // A segment is written once this many documents are buffered, or once the buffer holds this
  // much memory (its terms, postings, positions and columns, as allocated), whichever comes
  // first; many segments may be written before a Commit makes them visible. With the documents'
  // caps (document_analyzer.h), these bound the writer's memory whatever the input.
  uint32_t max_buffered_docs = 200'000;
  size_t max_buffer_bytes = size_t{512} << 20;
  // Left free on the index's filesystem by every write (disk_space.h), on top of what the write
  // needs.
  uint64_t space_reserve_bytes = kSpaceReserveBytes;
  // Merges in the background after each Commit, as this policy says; none: segments are merged
  // only by Optimize.
  std::optional<MergePolicyOptions> merge_policy;
  // Lists of this many documents or more also get a term bitmap (index/term_bitmaps.h), in
  // segments written and merged alike.
  uint32_t term_bitmap_min_docs = kTermBitmapMinDocs;
};

class IndexWriter {
 public:
  // Opens (creating if needed) the index in dir and takes the writer lock; kBusy if another
  // process holds it. A damaged index (a manifest or segment that is missing or unreadable as
  // its format says) still opens, so it can be rebuilt: every call but Clear then returns the
  // damage (kCorruption) until a Clear, and the next Commit replaces the damaged files.
  static Result<std::unique_ptr<IndexWriter>> Open(const std::filesystem::path& dir,
                                                   IndexWriterOptions options = {});
  virtual ~IndexWriter() = default;

  // The corpus revision of the last commit (0 for a new index).
  virtual int64_t corpus_revision() const = 0;
  // Segments written since the writer was opened (committed or not): a caller adding many
  // documents can tell when one was, and commit then.
  virtual uint64_t segments_written() const = 0;

  // Adds doc, replacing any document with the same paper_key (committed or buffered).
  virtual Status Upsert(const IndexDocument& doc) = 0;
  // The same for a document already analysed by a DocumentAnalyzer (doc.values.paper_key is the
  // paper key), so analysis can run on another thread than the writer's: Upsert(d) and
  // UpsertAnalyzed of d analysed write the same index.
  virtual Status UpsertAnalyzed(const AnalyzedDocument& doc) = 0;
  // Removes the document with paper_key, if any.
  virtual Status Remove(uint64_t paper_key) = 0;
  // Drops every document (committed too) at the next Commit: used by a full rebuild.
  virtual Status Clear() = 0;

  // Writes what is buffered and publishes a manifest recording corpus_revision. Nothing since
  // the previous Commit is visible to readers before this returns Ok.
  //
  // Every segment is written only once the filesystem has room for it (an estimate from what is
  // buffered, disk_space.h); when it has not, Upsert or Commit fails with a message naming the
  // space needed and free, and writes nothing.
  virtual Status Commit(int64_t corpus_revision) = 0;

  // Drops everything since the last Commit (buffered documents and removals, segments written
  // and not yet committed, a pending Clear) and removes their files: the writer and the
  // directory are as the last commit left them, and the disk space they took is free again.
  // What a failed sync calls before it gives up.
  virtual Status Rollback() = 0;

  // Merges all live segments into one, dropping deleted documents, and commits (after any
  // background merge running has ended; no new one starts meanwhile). It first checks
  // that the filesystem has room for the merged segment beside the ones it replaces. It merges the
  // committed state and keeps the corpus revision: changes not yet committed are not part of
  // the merge and stay pending for the next Commit. Readers holding an older snapshot keep
  // working on its files (they are removed once no manifest names them and, on Linux, once
  // unmapped).
  virtual Status Optimize() = 0;

  // Waits until the background merges are done: the one running and those the policy asks for
  // after it, each committed. Returns the first failure of a background merge since the last
  // call (a merge that fails, a full disk say, leaves the index as it was), else Ok.
  virtual Status WaitForMerges() = 0;
  // Background merges committed since the writer was opened.
  virtual uint64_t merges_done() const = 0;
};

}  // namespace paperdeck::index
