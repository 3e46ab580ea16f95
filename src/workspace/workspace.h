// Workspace: the one front door to a data directory. It owns the directory's layout (corpus.db,
// the source of truth; index/, derived and rebuildable; the sources' settings and lock files),
// the corpus, the index writer and the index snapshots, and it does the work that needs both
// stores: importing files, removing papers, bringing the index level with the corpus, and
// "search, then join the hits to their papers". Commands (cli/) and the server (http/) are thin
// over it and never open the corpus or the index themselves.
//
// Threading: Search, Snapshot and Corpus may be called from many threads at once (each thread is
// lent a corpus connection of its own; every search reads one immutable index snapshot, renewed
// when the index's MANIFEST changes). The writing calls (ImportFile, Remove, CatchUpIndex,
// RebuildIndex, OptimizeIndex, LockIndex) hold the index writer and run one at a time per
// Workspace; across processes, one writer per data directory (the index's lock file): a second
// writer fails with the lock's message.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/index_writer.h"
#include "ingest/record_reader.h"
#include "model/status.h"
#include "search/searcher.h"
#include "sync/index_sync.h"
#include "vectors/dense_index.h"
#include "vectors/forward_files.h"
#include "vectors/forward_index.h"
#include "vectors/rank_fusion.h"
#include "vectors/word_vectors.h"
#include "workspace/corpus_pool.h"
#include "workspace/file_import.h"
#include "workspace/library_sets.h"
#include "workspace/recommendations.h"
#include "workspace/related_papers.h"
#include "workspace/saved_search_feed.h"
#include "workspace/search_page.h"
#include "workspace/snapshot_watcher.h"
#include "workspace/suggestions.h"

namespace paperdeck::workspace {

// What `remove` did: ids removed from the corpus, ids it holds no paper for, and the papers
// that hold library data (id, what it holds: LibraryEntry::Describe). Without `force`, when any
// paper holds library data nothing is removed and `held` says why.
struct RemoveReport {
  std::vector<std::string> removed, missing;
  std::vector<std::pair<std::string, std::string>> held;
  // Each paper is removed in a transaction of its own: when one fails (a full disk), the ones
  // before it stay removed (`removed`), it and the rest are kept, and this says why.
  Status stopped;
};

// Every paper a query matches (Workspace::AllMatches), in the order of the request's sort.
struct AllMatches {
  std::vector<int64_t> keys;  // papers the corpus holds; hits it no longer holds left out
  std::optional<search::QueryNotice> notice;  // as SearchResponse::notice
  bool index_behind = false;                  // as SearchPage::index_behind
};

// The background merges FinishIndexMerges waited for.
struct IndexMerges {
  uint64_t merges = 0;    // merges committed by this process's writer so far
  uint64_t segments = 0;  // the index's segments once they are done
  double seconds = 0;     // how long the wait took
};

// The merge policy of the data directory's index: after Lucene's defaults, with fewer segments a
// tier (a search visits every segment), merged segments up to 1 GiB (about 1.7M arXiv papers).
inline constexpr index::MergePolicyOptions kIndexMergePolicy{};

// The index as the last commit left it, beside the corpus.
struct IndexState {
  uint64_t documents = 0, segments = 0, bytes = 0;
  int64_t revision = 0;  // the corpus revision the index reflects
  bool behind = false;   // the corpus has changed since
  // When behind: the papers stored or changed since the index's revision (not searchable as
  // they now are) and the papers removed since that the index still holds (searches count them;
  // a page shows no card of a paper the corpus no longer holds).
  uint64_t unsearchable = 0, removed_still_found = 0;
  // When behind: a writer holds the index now (an import, a removal, a reindex, in this process
  // or another), and will bring it level when it ends.
  bool being_written = false;
  // When behind: about how much disk a catch-up needs, and how much the index's filesystem has
  // free (bytes).
  uint64_t catch_up_bytes = 0, free_bytes = 0;
};

// About how much disk indexing `papers` papers takes beside an index like `index` (its own bytes
// per document, or a typical arXiv paper's when it holds too few to tell): the segments, the
// spools of the largest and the reserve every index write leaves (index/disk_space.h).
uint64_t IndexingBytes(uint64_t papers, const IndexState& index);

class Workspace {
 public:
  // Opens (creating, migrating) the corpus in root, creating root if needed. The index is opened
  // when first needed; a missing index is an empty one.
  static Result<std::unique_ptr<Workspace>> Open(const std::filesystem::path& root);
  ~Workspace();
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  // --- layout ---
  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path index_dir() const { return root_ / "index"; }
  // The forward index's files (vectors/forward_files.h), one per index segment; derived.
  std::filesystem::path vectors_dir() const { return root_ / "vectors"; }
  // A file of the data directory that is neither the corpus nor the index (settings, locks).
  std::filesystem::path file(std::string_view name) const { return root_ / name; }

  // --- reading ---
  // A corpus connection for the calling thread, given back when the lease ends.
  Result<CorpusPool::Lease> Corpus() { return corpora_.Borrow(); }
  // The newest index snapshot and a searcher over it.
  Result<Snapshot> Index() { return snapshots_.Current(); }
  // Runs request over the newest snapshot and joins the page's hits to their papers.
  Result<SearchPage> Search(const search::SearchRequest& request);
  // Completions of a search box's text (workspace/suggestions.h), at most limit.
  Result<std::vector<TypedSuggestion>> Suggest(std::string_view typed, size_t limit);
  // Every match of request (its offset and limit are ignored), read page by page from one
  // snapshot: for commands that act on all of them (`export`). At most kMaxSearchOffset.
  Result<AllMatches> AllMatching(const search::SearchRequest& request);
  // The index's numbers, and whether it is behind the corpus at revision corpus_revision (and
  // when it is, by how much: IndexState).
  Result<IndexState> IndexStateAt(int64_t corpus_revision);
  // The same at the corpus's current revision.
  Result<IndexState> IndexStateNow();

  // The newest snapshot's forward index (vectors/forward_index.h). A segment without its file (an
  // index written by an older build) gets it written first; a damaged file is an error naming
  // it, and searches are not affected.
  Result<std::shared_ptr<const vectors::ForwardIndex>> Vectors();
  // The newest snapshot's paper vectors and word model (vectors/dense_index.h): a segment without
  // its paper vectors gets them first, from the trained model. NotFound when no model was
  // trained; kCorruption naming the file when the model's file is damaged. A large segment's
  // neighbour graph is built when it has none (options.progress follows it).
  Result<std::shared_ptr<const vectors::DenseIndex>> Dense(const vectors::DenseOptions& options = {});
  // Search by meaning: request's BM25F ranking fused with the papers nearest the query's vector
  // (vectors/rank_fusion.h), both pool deep; the page is the fused ranking's. Falls back to
  // Search when there are no paper vectors (the page's hybrid_fallback says why) or when the
  // request filters (categories, years, a paper set) or sorts by a column: the dense neighbours
  // know no filter.
  Result<SearchPage> SearchHybrid(const search::SearchRequest& request,
                                  const vectors::FusionParams& fusion = {}, uint32_t pool = 100);
  // The papers most like the paper called id (any id Find accepts): workspace/related_papers.h,
  // with the paper vectors when a word model was trained (Dense). NotFound for an unknown id.
  Result<RelatedPapers> Related(std::string_view id, const RelatedOptions& options = {});
  // Papers like the ones query selects (the query language, `tag:X` included), those excluded:
  // workspace/recommendations.h.
  Result<Recommendations> Recommend(std::string_view query, const RecommendOptions& options = {});

  // The papers new to the saved search called name since its user last looked
  // (saved_search_feed.h); unless options.peek, marks them seen. NotFound for an unknown name.
  Result<SavedSearchFeed> Feed(std::string_view name, const FeedOptions& options);

  // --- writing (one at a time) ---
  // Takes the index's writer lock now, so that a command which will write the index fails before
  // it changes the corpus when another process is writing. Idempotent.
  Status LockIndex();
  // Reads one file into the corpus (workspace/file_import.h). The index is not touched: call
  // CatchUpIndex after the last file.
  FileImportReport ImportFile(const std::string& file, ingest::InputFormat format,
                              size_t batch_size, const ImportObserver& observer,
                              bool keywords_as_tags = false);
  // Removes each paper (any id Find accepts) from the corpus. The index is not touched: call
  // CatchUpIndex after. Papers holding library data (tags, a reading state, notes) are all
  // checked first: unless force, if any holds some, nothing is removed (report.held); with
  // force, their library data goes with them.
  Result<RemoveReport> Remove(std::span<const std::string> ids, bool force = false);
  // Indexes what changed in the corpus since the index's last commit, and commits. On failure
  // (a full disk: the message names the space needed) the index stays at its last commit and
  // what was written is removed.
  Result<sync::SyncReport> CatchUpIndex(const sync::SyncProgress& progress = {});
  // Drops the index and rebuilds it from every paper of the corpus, and commits; the old index
  // serves searches until then. Checks first that the index's filesystem has room for the new
  // index beside the old one (IndexingBytes), and fails before starting when it has not.
  Result<sync::SyncReport> RebuildIndex(const sync::SyncProgress& progress = {});
  // Merges the index's segments into one. On failure the index is unchanged.
  Status OptimizeIndex();
  // Every commit of the index starts the merges its policy asks for (index::MergePolicyOptions,
  // as kIndexMergePolicy) in the background; this waits for them, the ones they lead to
  // included, and brings the forward index level with the merged segments. What a command
  // that writes the index calls before it ends; the server lets them run. A merge that failed
  // (a full disk) left the index as it was, whole and searchable, and is returned here.
  Result<IndexMerges> FinishIndexMerges();
  // Writes the forward index's files anew from the index (`paperdeck reindex` does, after the
  // index): what a damaged file asks for. CatchUpIndex and OptimizeIndex keep the files level
  // with the index themselves; after RebuildIndex they are written by this or when first read.
  Result<vectors::ForwardFilesReport> RebuildVectors();
  // Learns word vectors from every paper's title and abstract (vectors/word_vectors.h), writes
  // the model (words_file()) and every segment's paper vectors anew: `paperdeck reindex
  // --vectors`. A corpus of fewer than min_papers papers is refused with a message saying so (the
  // features then use the sparse vectors and keyword search alone).
  Result<std::shared_ptr<const vectors::DenseIndex>> TrainVectors(
      const vectors::TrainOptions& options, uint64_t min_papers = vectors::kMinTrainingPapers,
      const vectors::DenseOptions& dense_options = {});
  // The word model's file.
  std::filesystem::path words_file() const { return vectors_dir() / vectors::kWordsFileName; }

 private:
  explicit Workspace(std::filesystem::path root);
  Status OpenWriterLocked();  // REQUIRES: write_mu_ held
  // After a commit: the forward files the new segments lack, and (with_dense, when a model was
  // trained) their paper vectors. Failures leave the files to be written when first read.
  void FollowCommit(bool with_dense);
  // The snapshot request is searched over: the newest, and for SearchRequest::expand one whose
  // searcher reads the paper vectors feedback needs. When they cannot be read, the newest and
  // *vectors_error says why.
  Result<Snapshot> SnapshotFor(const search::SearchRequest& request, std::string* vectors_error);
  // Brings the vectors directory level with the newest snapshot (rewrite: every file anew) and
  // returns the forward index over it.
  Result<std::shared_ptr<const vectors::ForwardIndex>> UpdateVectors(bool rewrite,
                                                                     vectors::ForwardFilesReport* report);

  const std::filesystem::path root_;
  CorpusPool corpora_;
  SnapshotWatcher snapshots_;
  LibrarySets library_sets_;  // what library filters answered, kept per library revision
  std::mutex write_mu_;
  std::unique_ptr<index::IndexWriter> writer_;  // guarded by write_mu_; opened when first needed
  std::mutex vectors_mu_;
  std::shared_ptr<const vectors::ForwardIndex> vectors_;  // guarded by vectors_mu_: the newest read
  std::mutex dense_mu_;
  std::shared_ptr<const vectors::DenseIndex> dense_;  // guarded by dense_mu_: the newest read
  std::filesystem::file_time_type dense_words_time_;  // guarded by dense_mu_: words_file()'s then
};

}  // namespace paperdeck::workspace
