#include "workspace/workspace.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <system_error>
#include <utility>

#include "index/disk_space.h"
#include "index/file_lock.h"
#include "index/manifest.h"
#include "model/digit_groups.h"
#include "text/analyzer.h"
#include "workspace/library_lookup.h"
#include "workspace/surface_forms.h"
#include "workspace/training_text.h"
#include "workspace/word_forms_lookup.h"

namespace paperdeck::workspace {
namespace {

// Writes the forward files the newest snapshot's segments lack, without reading them into a
// ForwardIndex (a command that only indexes never pays for that).
Status WriteVectorFiles(SnapshotWatcher& snapshots, std::mutex& mu,
                        const std::filesystem::path& dir) {
  Result<Snapshot> snapshot = snapshots.Current();
  if (!snapshot.ok()) return snapshot.status();
  std::lock_guard<std::mutex> lock(mu);
  return vectors::UpdateForwardFiles(*snapshot->reader, dir).status();
}

}  // namespace

Workspace::Workspace(std::filesystem::path root)
    : root_(std::move(root)), corpora_(root_), snapshots_(root_ / "index") {}

Workspace::~Workspace() = default;

Result<std::unique_ptr<Workspace>> Workspace::Open(const std::filesystem::path& root) {
  std::unique_ptr<Workspace> workspace(new Workspace(root));
  // Opening one connection now creates and migrates the corpus, and reports a directory that
  // cannot hold one before any work starts. The connection goes to the pool for later use.
  Result<CorpusPool::Lease> first = workspace->corpora_.Borrow();
  if (!first.ok()) return first.status();
  return workspace;
}

Result<SearchPage> Workspace::Search(const search::SearchRequest& request) {
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  // The revision is read before the snapshot: a change committed in between is caught up by the
  // snapshot or reported as behind, never missed.
  Result<int64_t> corpus_revision = (*corpus)->Revision();
  if (!corpus_revision.ok()) return corpus_revision.status();
  std::string vectors_error;
  Result<Snapshot> snapshot = SnapshotFor(request, &vectors_error);
  if (!snapshot.ok()) return snapshot.status();
  // The library's filters and `--sort added` are read from this corpus connection as the search
  // asks: nothing of the library is in the index.
  LibraryLookup library(**corpus, &library_sets_);
  // A suggestion's words are written as a paper holding them writes them.
  WordFormsLookup words(**corpus);
  search::SearchRequest asked = request;
  if (!asked.library) asked.library = &library;
  if (!asked.word_forms) asked.word_forms = &words;
  Result<search::SearchResponse> response = snapshot->searcher->Search(asked);
  if (!response.ok()) return response.status();
  if (!vectors_error.empty() && !response->not_expanded.empty()) {
    response->not_expanded = vectors_error;
  }

  SearchPage page;
  PAPERDECK_ASSIGN_OR_RETURN(page.papers, ReadFoundPapers(**corpus, response->hits));
  if (!response->feedback.empty()) {
    // The added terms are stems; a person reads them as the papers found write them.
    SurfaceForms forms;
    for (const FoundPaper& found : page.papers) forms.Add(found.paper);
    for (search::FeedbackTerm& t : response->feedback) t.form = forms.Of(t.term);
  }
  page.index_behind = *corpus_revision > snapshot->reader->corpus_revision();
  page.response = std::move(*response);
  return page;
}

Result<Snapshot> Workspace::SnapshotFor(const search::SearchRequest& request,
                                        std::string* vectors_error) {
  if (!request.expand) return snapshots_.Current();
  Result<std::shared_ptr<const vectors::ForwardIndex>> forward = Vectors();
  if (!forward.ok()) {
    *vectors_error = "the paper vectors cannot be read: " + forward.status().message();
    return snapshots_.Current();
  }
  // Feedback with the parameters chosen across collections (search::kChosenFeedback), over the
  // snapshot the vectors were written for.
  return Snapshot{(*forward)->shared_reader(),
                  std::make_shared<const search::Searcher>((*forward)->shared_reader(),
                                                           search::SearcherOptions{}, *forward)};
}

Result<std::vector<TypedSuggestion>> Workspace::Suggest(std::string_view typed, size_t limit) {
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  Result<Snapshot> snapshot = snapshots_.Current();
  if (!snapshot.ok()) return snapshot.status();
  return SuggestCompletions(**corpus, *snapshot->reader, typed, limit);
}

Result<AllMatches> Workspace::AllMatching(const search::SearchRequest& request) {
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  Result<int64_t> corpus_revision = (*corpus)->Revision();
  if (!corpus_revision.ok()) return corpus_revision.status();
  Result<Snapshot> snapshot = snapshots_.Current();
  if (!snapshot.ok()) return snapshot.status();
  AllMatches out;
  out.index_behind = *corpus_revision > snapshot->reader->corpus_revision();
  search::SearchRequest page = request;
  LibraryLookup library(**corpus, &library_sets_);  // `export 'tag:thesis'`, as a search reads it
  if (!page.library) page.library = &library;
  page.facets = false;
  page.limit = search::kMaxSearchLimit;
  for (page.offset = 0; page.offset <= search::kMaxSearchOffset; page.offset += page.limit) {
    Result<search::SearchResponse> response = snapshot->searcher->Search(page);
    if (!response.ok()) return response.status();
    if (page.offset == 0) out.notice = response->notice;
    std::vector<int64_t> keys;
    for (const search::SearchHit& hit : response->hits) {
      keys.push_back(static_cast<int64_t>(hit.paper_key));
    }
    // Only papers the corpus still holds (an unfinished removal may leave hits behind).
    Result<std::vector<library::StoredPaper>> papers = (*corpus)->Get(keys);
    if (!papers.ok()) return papers.status();
    for (const library::StoredPaper& p : *papers) out.keys.push_back(p.key);
    if (response->hits.size() < page.limit) break;
  }
  return out;
}

namespace {

// Index bytes per paper of a typical arXiv paper (title, authors, abstract, categories): the
// 75,728 papers of the reference corpus take 44 MB in one segment, 581 bytes each.
constexpr uint64_t kTypicalBytesPerPaper = 600;

}  // namespace

uint64_t IndexingBytes(uint64_t papers, const IndexState& index) {
  uint64_t per_paper = kTypicalBytesPerPaper;
  if (index.documents >= 1000) per_paper = std::max<uint64_t>(index.bytes / index.documents, 256);
  // Segments are written 200,000 papers at most at a time (index::IndexWriterOptions); while the
  // largest is written its positions and dictionary are spooled beside it, and the writer's own
  // estimate keeps a margin: 1.5 times the segment, as measured on the reference corpus (the
  // writer asks for 110 MB to write its 44 MB segment).
  const uint64_t largest = std::min<uint64_t>(papers, index::IndexWriterOptions{}.max_buffered_docs);
  return papers * per_paper + largest * per_paper * 3 / 2 + index::kSpaceReserveBytes;
}

Result<IndexState> Workspace::IndexStateAt(int64_t corpus_revision) {
  Result<Snapshot> snapshot = snapshots_.Current();
  if (!snapshot.ok()) return snapshot.status();
  const index::IndexReader& index = *snapshot->reader;
  IndexState state;
  state.documents = index.live_doc_count();
  state.segments = index.segments().size();
  state.bytes = index.size_bytes();
  state.revision = index.corpus_revision();
  state.behind = state.revision < corpus_revision;
  if (!state.behind) return state;

  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  Result<uint64_t> changed = (*corpus)->CountChangedSince(state.revision);
  if (!changed.ok()) return changed.status();
  state.unsearchable = *changed;
  // Of the papers removed since, those the index still holds (some may never have been in it).
  Status removed = (*corpus)->RemovedSince(state.revision, [&](int64_t key) {
    for (const auto& segment : index.segments()) {
      std::optional<uint32_t> doc = segment->FindPaper(static_cast<uint64_t>(key));
      if (doc && !segment->IsDeleted(*doc)) {
        ++state.removed_still_found;
        break;
      }
    }
  });
  if (!removed.ok()) return removed;
  {
    // This Workspace's own writer is at work while write_mu_ is held; another process's while
    // the index's lock is.
    std::unique_lock<std::mutex> lock(write_mu_, std::try_to_lock);
    if (!lock.owns_lock()) {
      state.being_written = true;
    } else if (!writer_) {
      Result<bool> held = index::FileLock::IsHeld(index_dir() / index::kLockFileName);
      state.being_written = held.ok() && *held;
    }
  }
  state.catch_up_bytes = IndexingBytes(state.unsearchable, state);
  std::error_code ec;
  const std::filesystem::path where = std::filesystem::exists(index_dir(), ec) ? index_dir() : root_;
  if (Result<uint64_t> free = index::AvailableBytes(where); free.ok()) state.free_bytes = *free;
  return state;
}

Result<IndexState> Workspace::IndexStateNow() {
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  Result<int64_t> revision = (*corpus)->Revision();
  if (!revision.ok()) return revision.status();
  return IndexStateAt(*revision);
}

Status Workspace::OpenWriterLocked() {
  if (writer_) return Status::Ok();
  index::IndexWriterOptions options;
  options.merge_policy = kIndexMergePolicy;
  Result<std::unique_ptr<index::IndexWriter>> writer = index::IndexWriter::Open(index_dir(), options);
  if (!writer.ok()) return writer.status();
  writer_ = std::move(*writer);
  return Status::Ok();
}

Status Workspace::LockIndex() {
  std::lock_guard<std::mutex> lock(write_mu_);
  return OpenWriterLocked();
}

FileImportReport Workspace::ImportFile(const std::string& file, ingest::InputFormat format,
                                       size_t batch_size, const ImportObserver& observer,
                                       bool keywords_as_tags) {
  std::lock_guard<std::mutex> lock(write_mu_);
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) {
    if (observer.issue) observer.issue(corpus.status().message());
    FileImportReport failed;
    failed.failed = true;
    return failed;
  }
  return workspace::ImportFile(**corpus, file, format, batch_size, observer, keywords_as_tags);
}

Result<RemoveReport> Workspace::Remove(std::span<const std::string> ids, bool force) {
  std::lock_guard<std::mutex> lock(write_mu_);
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  RemoveReport report;
  // Every paper is checked before any is removed.
  for (const std::string& id : ids) {
    Result<std::optional<library::StoredPaper>> found = (*corpus)->Find(id);
    if (!found.ok()) return found.status();
    if (!found->has_value()) continue;
    Result<library::LibraryEntry> entry = (*corpus)->LibraryOf((*found)->key);
    if (!entry.ok()) return entry.status();
    if (!entry->empty()) report.held.emplace_back(id, entry->Describe());
  }
  if (!report.held.empty() && !force) return report;
  for (const std::string& id : ids) {
    Result<bool> removed = (*corpus)->Remove(id, /*drop_library_data=*/force);
    if (!removed.ok()) {
      report.stopped = Status::IOError("cannot remove " + id + ": " + removed.status().message());
      return report;
    }
    (*removed ? report.removed : report.missing).push_back(id);
  }
  return report;
}

void Workspace::FollowCommit(bool with_dense) {
  (void)WriteVectorFiles(snapshots_, vectors_mu_, vectors_dir());
  if (with_dense && std::filesystem::exists(words_file())) (void)Dense();
}

Result<sync::SyncReport> Workspace::CatchUpIndex(const sync::SyncProgress& progress) {
  std::lock_guard<std::mutex> lock(write_mu_);
  PAPERDECK_RETURN_IF_ERROR(OpenWriterLocked());
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  Result<sync::SyncReport> report = sync::CatchUp(**corpus, *writer_, progress);
  // The forward index follows every commit, and new papers get their vectors from the trained
  // model; the index, which is what was asked for, stays as it is whatever those do.
  FollowCommit(/*with_dense=*/report.ok());
  return report;
}

Result<sync::SyncReport> Workspace::RebuildIndex(const sync::SyncProgress& progress) {
  // The space a full rebuild needs, told before it starts: the old index stays until the new
  // one is committed, so the new one needs room of its own.
  Result<IndexState> before = IndexStateAt(0);
  if (!before.ok() && before.status().code() == Status::Code::kIOError) return before.status();
  std::lock_guard<std::mutex> lock(write_mu_);
  PAPERDECK_RETURN_IF_ERROR(OpenWriterLocked());
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  Result<library::CorpusStats> stats = (*corpus)->Stats();
  if (!stats.ok()) return stats.status();
  const IndexState density = before.ok() ? *before : IndexState{};
  PAPERDECK_RETURN_IF_ERROR(index::CheckSpace(
      index_dir(),
      "rebuilding the index of " + std::to_string(stats->papers) +
          " papers (the old index serves searches until the new one is done)",
      IndexingBytes(stats->papers, density)));
  // The forward index is rewritten by RebuildVectors (the reindex command calls it), or written
  // when first read.
  return sync::Rebuild(**corpus, *writer_, progress);
}

Status Workspace::OptimizeIndex() {
  std::lock_guard<std::mutex> lock(write_mu_);
  PAPERDECK_RETURN_IF_ERROR(OpenWriterLocked());
  PAPERDECK_RETURN_IF_ERROR(writer_->Optimize());
  FollowCommit(/*with_dense=*/true);
  return Status::Ok();
}

Result<IndexMerges> Workspace::FinishIndexMerges() {
  const auto start = std::chrono::steady_clock::now();
  IndexMerges merges;
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    if (writer_) {
      PAPERDECK_RETURN_IF_ERROR(writer_->WaitForMerges());
      merges.merges = writer_->merges_done();
    }
  }
  if (merges.merges > 0) FollowCommit(/*with_dense=*/true);
  Result<Snapshot> snapshot = snapshots_.Current();
  if (!snapshot.ok()) return snapshot.status();
  merges.segments = snapshot->reader->segments().size();
  merges.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return merges;
}

Result<vectors::ForwardFilesReport> Workspace::RebuildVectors() {
  vectors::ForwardFilesReport report;
  Result<std::shared_ptr<const vectors::ForwardIndex>> updated =
      UpdateVectors(/*rewrite=*/true, &report);
  if (!updated.ok()) return updated.status();
  return report;
}

Result<std::shared_ptr<const vectors::ForwardIndex>> Workspace::UpdateVectors(
    bool rewrite, vectors::ForwardFilesReport* report) {
  Result<Snapshot> snapshot = snapshots_.Current();
  if (!snapshot.ok()) return snapshot.status();
  std::lock_guard<std::mutex> lock(vectors_mu_);
  if (!rewrite && vectors_ && &vectors_->reader() == snapshot->reader.get()) return vectors_;
  PAPERDECK_ASSIGN_OR_RETURN(*report,
                             vectors::UpdateForwardFiles(*snapshot->reader, vectors_dir(), rewrite));
  PAPERDECK_ASSIGN_OR_RETURN(vectors_, vectors::ForwardIndex::Open(snapshot->reader, vectors_dir()));
  return vectors_;
}

Result<std::shared_ptr<const vectors::ForwardIndex>> Workspace::Vectors() {
  vectors::ForwardFilesReport report;
  return UpdateVectors(/*rewrite=*/false, &report);
}

Result<std::shared_ptr<const vectors::DenseIndex>> Workspace::Dense(
    const vectors::DenseOptions& options) {
  Result<std::shared_ptr<const vectors::ForwardIndex>> forward = Vectors();
  if (!forward.ok()) return forward.status();
  std::error_code ec;
  const auto words_time = std::filesystem::last_write_time(words_file(), ec);
  if (ec) {
    return Status::NotFound("no word vectors: " + words_file().string() +
                            " is missing (`paperdeck reindex --vectors` trains them)");
  }
  std::lock_guard<std::mutex> lock(dense_mu_);
  if (dense_ && words_time == dense_words_time_ &&
      &dense_->reader() == &(*forward)->reader()) {
    return dense_;
  }
  Result<std::unique_ptr<vectors::WordVectors>> words = vectors::WordVectors::Read(words_file());
  if (!words.ok()) return words.status();
  Result<std::shared_ptr<const vectors::DenseIndex>> dense = vectors::DenseIndex::Open(
      (*forward)->shared_reader(), vectors_dir(),
      std::shared_ptr<const vectors::WordVectors>(std::move(*words)), nullptr, options);
  if (!dense.ok()) return dense.status();
  dense_ = *dense;
  dense_words_time_ = words_time;
  return dense_;
}

Result<std::shared_ptr<const vectors::DenseIndex>> Workspace::TrainVectors(
    const vectors::TrainOptions& options, uint64_t min_papers,
    const vectors::DenseOptions& dense_options) {
  {
    // Files deleted since they were read are written again, not taken from what was read.
    std::lock_guard<std::mutex> lock(vectors_mu_);
    vectors_.reset();
  }
  Result<std::shared_ptr<const vectors::ForwardIndex>> forward = Vectors();
  if (!forward.ok()) return forward.status();
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  std::error_code ec;
  std::filesystem::create_directories(vectors_dir(), ec);
  Result<std::unique_ptr<TrainingText>> text = TrainingText::Create(vectors_dir());
  if (!text.ok()) return text.status();
  const std::filesystem::path text_file = (*text)->path();
  uint64_t papers = 0;
  {
    std::ofstream out(text_file, std::ios::binary | std::ios::trunc);
    if (!out) return Status::IOError("cannot write the training text in " + vectors_dir().string());
    text::Analyzer analyzer;
    std::string line;
    Status scanned = (*corpus)->ChangedSince(
        0,
        [&](const library::StoredPaper& paper) {
          line.clear();
          vectors::AppendTrainingLine(analyzer, paper.record.title, paper.record.abstract, &line);
          out << line;
          ++papers;
          return true;
        },
        library::PaperFields::kIndexed);
    out.close();
    if (!scanned.ok() || !out) {
      return scanned.ok() ? Status::IOError("cannot write the training text in " +
                                            vectors_dir().string())
                          : scanned;
    }
  }
  if (papers < min_papers) {
    return Status::InvalidArgument(
        "the corpus holds " + WithCommas(papers) + " papers, too few to learn word vectors "
        "from (at least " + WithCommas(min_papers) + "): related papers and recommendations "
        "use the sparse vectors, and search stays by keywords");
  }
  Result<std::unique_ptr<vectors::WordVectors>> trained =
      vectors::WordVectors::Train(text_file, papers, options);
  text->reset();  // the text is freed here, before the paper vectors are computed
  if (!trained.ok()) {
    // Named by what it is, not by the descriptor's path a person cannot open.
    std::string message = trained.status().message();
    const std::string path = text_file.string();
    if (const size_t at = message.find(path); at != std::string::npos) {
      message.replace(at, path.size(), "the training text in " + vectors_dir().string());
    }
    return Status::InvalidArgument(message);
  }
  PAPERDECK_RETURN_IF_ERROR((*trained)->Write(words_file()));
  return Dense(dense_options);
}

Result<SearchPage> Workspace::SearchHybrid(const search::SearchRequest& request,
                                           const vectors::FusionParams& fusion, uint32_t pool) {
  std::string fallback;
  if (!request.categories.empty() || !request.years.empty() || request.within) {
    fallback = "a filter narrows the search, which the dense neighbours do not know";
  } else if (request.sort != search::SortOrder::kRelevance) {
    fallback = "the results are sorted by a column";
  }
  Result<std::shared_ptr<const vectors::DenseIndex>> dense =
      fallback.empty() ? Dense() : Result<std::shared_ptr<const vectors::DenseIndex>>(
                                       Status::InvalidArgument(fallback));
  if (!dense.ok()) {
    Result<SearchPage> page = Search(request);
    if (page.ok()) page->hybrid_fallback = dense.status().message();
    return page;
  }
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  Result<int64_t> corpus_revision = (*corpus)->Revision();
  if (!corpus_revision.ok()) return corpus_revision.status();
  std::string vectors_error;
  Result<Snapshot> snapshot = SnapshotFor(request, &vectors_error);
  if (!snapshot.ok()) return snapshot.status();
  LibraryLookup library(**corpus, &library_sets_);
  WordFormsLookup words(**corpus);
  const uint32_t depth = std::min<uint32_t>(
      search::kMaxSearchLimit, std::max<uint32_t>(pool, request.offset + request.limit));
  search::SearchRequest asked = request;
  asked.offset = 0;
  asked.limit = depth;
  asked.explain = false;
  if (!asked.library) asked.library = &library;
  if (!asked.word_forms) asked.word_forms = &words;
  Result<search::SearchResponse> response = snapshot->searcher->Search(asked);
  if (!response.ok()) return response.status();
  if (!vectors_error.empty() && !response->not_expanded.empty()) {
    response->not_expanded = vectors_error;
  }

  std::vector<uint64_t> keyword, nearest;
  for (const search::SearchHit& hit : response->hits) keyword.push_back(hit.paper_key);
  const std::vector<float> q = (*dense)->EmbedQuery(request.query);
  for (const vectors::DenseHit& hit : (*dense)->Nearest(q, depth)) nearest.push_back(hit.paper_key);
  const std::vector<vectors::FusedHit> fused =
      vectors::FuseReciprocalRanks(keyword, nearest, fusion);

  SearchPage page;
  page.response = std::move(*response);
  page.response.total += fused.size() - keyword.size();  // the dense neighbours it adds
  page.response.hits.clear();
  for (size_t i = request.offset; i < fused.size() && i < size_t{request.offset} + request.limit;
       ++i) {
    page.response.hits.push_back({fused[i].paper_key, fused[i].score, nullptr});
  }
  PAPERDECK_ASSIGN_OR_RETURN(page.papers, ReadFoundPapers(**corpus, page.response.hits));
  page.index_behind = *corpus_revision > snapshot->reader->corpus_revision();
  return page;
}

Result<RelatedPapers> Workspace::Related(std::string_view id, const RelatedOptions& options) {
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  PAPERDECK_ASSIGN_OR_RETURN(std::optional<library::StoredPaper> paper, (*corpus)->Find(id));
  if (!paper) return Status::NotFound("no paper with id '" + std::string(id) + "' in the corpus");
  PAPERDECK_ASSIGN_OR_RETURN(std::shared_ptr<const vectors::ForwardIndex> vectors, Vectors());
  Snapshot snapshot{vectors->shared_reader(),
                    std::make_shared<const search::Searcher>(vectors->shared_reader())};
  Result<Snapshot> current = snapshots_.Current();
  if (current.ok() && current->reader == snapshot.reader) snapshot = *current;
  // Without a trained model, or with a damaged one, related papers are found by their words.
  Result<std::shared_ptr<const vectors::DenseIndex>> dense = Dense();
  return FindRelated(**corpus, snapshot, *vectors, dense.ok() ? dense->get() : nullptr, *paper,
                     options);
}

Result<Recommendations> Workspace::Recommend(std::string_view query,
                                             const RecommendOptions& options) {
  search::SearchRequest request;
  request.query = std::string(query);
  request.exact = true;
  PAPERDECK_ASSIGN_OR_RETURN(AllMatches selected, AllMatching(request));
  PAPERDECK_ASSIGN_OR_RETURN(std::shared_ptr<const vectors::ForwardIndex> vectors, Vectors());
  Result<CorpusPool::Lease> corpus = corpora_.Borrow();
  if (!corpus.ok()) return corpus.status();
  return workspace::Recommend(**corpus, *vectors, selected.keys, options);
}

}  // namespace paperdeck::workspace
