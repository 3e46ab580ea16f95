#include "index/index_writer.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "index/analyzed_document.h"
#include "index/deletion_bitmap.h"
#include "index/document_analyzer.h"
#include "index/file_lock.h"
#include "index/manifest.h"
#include "index/merge_policy.h"
#include "index/posting_cursor.h"
#include "index/segment_file.h"
#include "index/segment_merger.h"
#include "index/segment_writer.h"

namespace paperdeck::index {
namespace {

// The most memory_buffer_bytes may ask for: the byte pool's addresses are 32-bit.
constexpr size_t kMaxBufferBytes = size_t{1} << 30;

// What buffer_keys_ holds per document: a hash node (key, value, next pointer, cached hash)
// and its bucket.
constexpr size_t kKeyEntryBytes = 40;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// What merging a segment takes on disk beside it: its live part, and its positions and
// dictionary, which are spooled before they are copied in.
uint64_t MergeDiskBytes(const SegmentFile& file, uint32_t doc_count, uint32_t deleted_count) {
  const double live_share =
      doc_count == 0 ? 0.0 : static_cast<double>(doc_count - deleted_count) / doc_count;
  const uint64_t spooled =
      file.section(Section::kPositions).size() + file.section(Section::kTermDictionary).size();
  return static_cast<uint64_t>(live_share * static_cast<double>(file.size_bytes())) + spooled +
         4096;
}

// A segment as the writer tracks it: the last committed state, and the current one.
struct WriterSegment {
  ManifestSegment meta;  // as in the last manifest (deletion fields), or fresh for a new segment
  std::shared_ptr<const SegmentFile> file;
  DeletionBitmap deletions;  // current, uncommitted deletions included
  std::shared_ptr<const DeletionBitmap> committed_deletions;  // as the last manifest has them
  bool committed = false;    // named by the last manifest
};

class IndexWriterImpl final : public IndexWriter {
 public:
  IndexWriterImpl(std::filesystem::path dir, IndexWriterOptions options,
                  std::unique_ptr<FileLock> lock)
      : dir_(std::move(dir)), options_(options), lock_(std::move(lock)) {
    if (options_.max_buffered_docs == 0) options_.max_buffered_docs = 1;
    options_.max_buffer_bytes = std::min(options_.max_buffer_bytes, kMaxBufferBytes);
  }
  ~IndexWriterImpl() override;

  Status Load();

  int64_t corpus_revision() const override {
    std::lock_guard<std::mutex> lock(mu_);  // a merge's commit replaces committed_
    return committed_.corpus_revision;
  }
  uint64_t segments_written() const override { return segments_written_; }
  Status Upsert(const IndexDocument& doc) override;
  Status UpsertAnalyzed(const AnalyzedDocument& doc) override;
  Status Remove(uint64_t paper_key) override;
  Status Clear() override;
  Status Commit(int64_t corpus_revision) override;
  Status Optimize() override;
  Status Rollback() override;
  Status WaitForMerges() override;
  uint64_t merges_done() const override { return merges_done_.load(); }

 private:
  // Background merging. Starts the merge thread when the policy wants a merge and none runs.
  void StartMerges();
  // Waits for the running merge to end and lets no other start: before the calls that change
  // the committed state themselves (Clear, Optimize, Rollback, the destructor).
  void StopMerges();
  void MergeLoop();
  // What the policy wants of the committed segments. REQUIRES: mu_ held.
  std::vector<PlannedMerge> PlanLocked() const;
  // Puts the merged segment in place of its sources and commits a manifest saying so, with the
  // deletions made in the sources while it ran. REQUIRES: mu_ held.
  Status PublishMergeLocked(const std::vector<std::string>& sources, const std::string& name,
                            std::shared_ptr<const SegmentFile> file, const MergeResult& result);

  Status LoadCommitted();
  // Commit's work once the buffer is written: the deletion files and the manifest.
  Status CommitLocked(int64_t corpus_revision);
  Status RemoveUnnamedFiles(const Manifest& m);
  Status FlushBuffer();
  void RemoveFile(const std::string& name) {
    std::error_code ec;
    std::filesystem::remove(dir_ / name, ec);
  }
  // The deletion files a failed Commit wrote for the generations in new_gen (0: none).
  void RemoveNewDeletionFiles(const std::vector<uint64_t>& new_gen) {
    for (size_t i = 0; i < new_gen.size() && i < segments_.size(); ++i) {
      if (new_gen[i] > 0) RemoveFile(DeletionFileName(segments_[i].meta.name, new_gen[i]));
    }
  }
  void RemoveSegmentFiles(const WriterSegment& s) {
    RemoveFile(SegmentFileName(s.meta.name));
    if (s.meta.deletion_generation > 0) {
      RemoveFile(DeletionFileName(s.meta.name, s.meta.deletion_generation));
    }
  }

  std::filesystem::path dir_;
  IndexWriterOptions options_;
  std::unique_ptr<FileLock> lock_;
  // Guards committed_, next_segment_ and segments_ (and the merge state below) against the merge
  // thread; the writer's own thread is the only other one.
  mutable std::mutex mu_;
  Manifest committed_;
  uint64_t next_segment_ = 1;
  uint64_t segments_written_ = 0;
  std::vector<WriterSegment> segments_;
  std::thread merge_thread_;
  bool merge_running_ = false;  // guarded by mu_: merge_thread_ is at work
  bool merge_stop_ = false;     // guarded by mu_: the merge thread starts no other merge
  Status merge_failure_;        // guarded by mu_: the first failed merge since WaitForMerges
  std::atomic<uint64_t> merges_done_{0};
  // Committed segments a pending Clear dropped: their files go once a manifest without them is
  // in place.
  std::vector<WriterSegment> dropped_;
  bool clear_pending_ = false;
  // Why the index could not be loaded; until a Clear, every call but Clear returns it.
  Status damaged_;
  bool sweep_after_commit_ = false;  // a Clear of a damaged index: remove all unnamed files

  SegmentWriter buffer_;
  std::unordered_map<uint64_t, uint32_t> buffer_keys_;  // live buffered docs by paper key
  std::vector<uint32_t> buffer_deleted_;                // buffered docs replaced or removed
  DocumentAnalyzer analyzer_;
  AnalyzedDocument analyzed_;
};

IndexWriterImpl::~IndexWriterImpl() {
  StopMerges();
  // Uncommitted segments are no part of the index; leave the directory as the manifest says.
  for (const WriterSegment& s : segments_) {
    if (!s.committed) RemoveFile(SegmentFileName(s.meta.name));
  }
}

Status IndexWriterImpl::LoadCommitted() {
  auto m = ReadManifest(dir_);
  if (!m.ok()) return m.status();
  if (m.value().has_value()) committed_ = std::move(*m.value());
  for (const ManifestSegment& ms : committed_.segments) {
    auto file = SegmentFile::Open(dir_ / SegmentFileName(ms.name));
    if (!file.ok()) return file.status();
    if (file.value()->doc_count() != ms.doc_count) {
      return Status::Corruption(file.value()->path().string() +
                                ": document count differs from the manifest's");
    }
    WriterSegment s;
    s.meta = ms;
    s.file = std::move(file.value());
    s.committed = true;
    if (ms.deletion_generation > 0) {
      auto bitmap = DeletionBitmap::ReadFile(dir_ / DeletionFileName(ms.name, ms.deletion_generation),
                                             ms.doc_count);
      if (!bitmap.ok()) return bitmap.status();
      s.deletions = bitmap.value();
      s.committed_deletions = std::make_shared<const DeletionBitmap>(std::move(bitmap.value()));
    } else {
      s.deletions = DeletionBitmap(ms.doc_count);
    }
    segments_.push_back(std::move(s));
  }
  return Status::Ok();
}

Status IndexWriterImpl::Load() {
  Status s = LoadCommitted();
  if (s.code() == Status::Code::kIOError) return s;  // the system refused: not the index's fault
  if (!s.ok()) {
    // Damaged (a file unreadable as its format says, or missing): open anyway, so a rebuild
    // (Clear, then Commit) can replace it; until then every other call reports the damage.
    damaged_ = Status::Corruption("the index is damaged (" + s.message() +
                                  "); rebuild it from the corpus");
    segments_.clear();
    committed_ = Manifest{};
  }
  // Never reuse the name of a file in the directory: an older snapshot may still map it.
  next_segment_ = committed_.next_segment;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 2 || name[0] != 's') continue;
    uint64_t number = 0;
    size_t i = 1;
    while (i < name.size() && name[i] >= '0' && name[i] <= '9' && number < (uint64_t{1} << 59)) {
      number = number * 10 + static_cast<uint64_t>(name[i++] - '0');
    }
    if (i > 1 && i < name.size() && name[i] == '.') next_segment_ = std::max(next_segment_, number + 1);
  }
  if (ec) return Status::IOError("cannot list " + dir_.string() + ": " + ec.message());
  if (!damaged_.ok()) return Status::Ok();
  return RemoveUnnamedFiles(committed_);
}

Status IndexWriterImpl::RemoveUnnamedFiles(const Manifest& m) {
  // What a killed writer left, or what a damaged index held: our kinds of file that the
  // manifest does not name.
  const std::vector<std::string> live = ManifestFiles(m);
  const std::unordered_set<std::string> keep(live.begin(), live.end());
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_, ec)) {
    const std::string name = entry.path().filename().string();
    if (keep.count(name) > 0) continue;
    if (EndsWith(name, ".seg") || EndsWith(name, ".del") || EndsWith(name, ".tmp")) {
      RemoveFile(name);
    }
  }
  if (ec) return Status::IOError("cannot list " + dir_.string() + ": " + ec.message());
  return Status::Ok();
}

Status IndexWriterImpl::Remove(uint64_t paper_key) {
  if (!damaged_.ok()) return damaged_;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (WriterSegment& s : segments_) {
      for (uint32_t doc : s.file->FindPaperDocs(paper_key)) s.deletions.Delete(doc);
    }
  }
  auto it = buffer_keys_.find(paper_key);
  if (it != buffer_keys_.end()) {
    buffer_deleted_.push_back(it->second);
    buffer_keys_.erase(it);
  }
  return Status::Ok();
}

Status IndexWriterImpl::Upsert(const IndexDocument& doc) {
  if (!damaged_.ok()) return damaged_;
  analyzer_.Analyze(doc, &analyzed_);
  return UpsertAnalyzed(analyzed_);
}

Status IndexWriterImpl::UpsertAnalyzed(const AnalyzedDocument& doc) {
  if (!damaged_.ok()) return damaged_;
  const uint64_t key = doc.values.paper_key;
  PAPERDECK_RETURN_IF_ERROR(Remove(key));
  if (!buffer_.CanAdd(doc)) {
    PAPERDECK_RETURN_IF_ERROR(FlushBuffer());
  }
  buffer_keys_[key] = buffer_.Add(doc);
  if (buffer_.doc_count() >= options_.max_buffered_docs ||
      buffer_.memory_bytes() + buffer_keys_.size() * kKeyEntryBytes >= options_.max_buffer_bytes) {
    return FlushBuffer();
  }
  return Status::Ok();
}

Status IndexWriterImpl::FlushBuffer() {
  if (buffer_.doc_count() == 0) return Status::Ok();
  PAPERDECK_RETURN_IF_ERROR(CheckSpace(
      dir_, "writing an index segment of " + std::to_string(buffer_.doc_count()) + " papers",
      buffer_.EstimatedDiskBytes() + options_.space_reserve_bytes));
  WriterSegment s;
  {
    std::lock_guard<std::mutex> lock(mu_);
    s.meta.name = SegmentName(next_segment_++);
  }
  s.meta.doc_count = buffer_.doc_count();
  const std::filesystem::path path = dir_ / SegmentFileName(s.meta.name);
  PAPERDECK_RETURN_IF_ERROR(buffer_.WriteSegment(path, options_.term_bitmap_min_docs));
  auto file = SegmentFile::Open(path);
  if (!file.ok()) {
    RemoveFile(SegmentFileName(s.meta.name));
    return file.status();
  }
  s.file = std::move(file.value());
  ++segments_written_;
  s.deletions = DeletionBitmap(s.meta.doc_count);
  for (uint32_t doc : buffer_deleted_) s.deletions.Delete(doc);
  {
    std::lock_guard<std::mutex> lock(mu_);
    segments_.push_back(std::move(s));
  }
  buffer_.Clear();
  buffer_keys_.clear();
  buffer_deleted_.clear();
  return Status::Ok();
}

Status IndexWriterImpl::Clear() {
  StopMerges();
  for (WriterSegment& s : segments_) {
    if (s.committed) {
      dropped_.push_back(std::move(s));
    } else {
      RemoveFile(SegmentFileName(s.meta.name));
    }
  }
  segments_.clear();
  buffer_.Clear();
  buffer_keys_.clear();
  buffer_deleted_.clear();
  clear_pending_ = true;
  if (!damaged_.ok()) {
    damaged_ = Status::Ok();
    sweep_after_commit_ = true;
  }
  return Status::Ok();
}

Status IndexWriterImpl::Commit(int64_t corpus_revision) {
  if (!damaged_.ok()) return damaged_;
  PAPERDECK_RETURN_IF_ERROR(FlushBuffer());
  PAPERDECK_RETURN_IF_ERROR(CommitLocked(corpus_revision));
  StartMerges();
  return Status::Ok();
}

Status IndexWriterImpl::CommitLocked(int64_t corpus_revision) {
  std::lock_guard<std::mutex> lock(mu_);
  // The deletion files and the manifest are small, but a disk with no room for them is told
  // as plainly as one without room for a segment.
  uint64_t commit_bytes = 64 << 10;
  for (const WriterSegment& s : segments_) commit_bytes += s.meta.doc_count / 8 + 64;
  PAPERDECK_RETURN_IF_ERROR(
      CheckSpace(dir_, "committing the index", commit_bytes + options_.space_reserve_bytes));

  Manifest m;
  m.corpus_revision = corpus_revision;
  m.next_segment = next_segment_;
  std::vector<size_t> kept;         // indexes into segments_ named by the new manifest
  std::vector<uint64_t> new_gen(segments_.size(), 0);
  for (size_t i = 0; i < segments_.size(); ++i) {
    const WriterSegment& s = segments_[i];
    const uint32_t deleted = s.deletions.deleted_count();
    if (deleted == s.meta.doc_count) continue;  // nothing live: leave it out
    ManifestSegment ms = s.meta;
    const uint32_t committed_deleted = s.committed ? s.meta.deleted_count : 0;
    if (deleted != committed_deleted) {  // deletions only grow, so the count tells a change
      ms.deletion_generation = s.meta.deletion_generation + 1;
      ms.deleted_count = deleted;
      if (Status st = s.deletions.WriteFile(dir_ / DeletionFileName(ms.name, ms.deletion_generation));
          !st.ok()) {
        RemoveNewDeletionFiles(new_gen);
        return st;
      }
      new_gen[i] = ms.deletion_generation;
    }
    m.segments.push_back(ms);
    kept.push_back(i);
  }
  if (Status st = WriteManifest(dir_, m); !st.ok()) {
    RemoveNewDeletionFiles(new_gen);
    return st;
  }

  // The new manifest is in place: remove what only older ones named.
  for (const WriterSegment& s : dropped_) RemoveSegmentFiles(s);
  dropped_.clear();
  std::vector<WriterSegment> segments;
  for (size_t k = 0, i = 0; i < segments_.size(); ++i) {
    WriterSegment& s = segments_[i];
    if (k < kept.size() && kept[k] == i) {
      ++k;
      if (new_gen[i] > 0) {
        if (s.committed && s.meta.deletion_generation > 0) {
          RemoveFile(DeletionFileName(s.meta.name, s.meta.deletion_generation));
        }
        s.meta.deletion_generation = new_gen[i];
        s.meta.deleted_count = s.deletions.deleted_count();
        s.committed_deletions = std::make_shared<const DeletionBitmap>(s.deletions);
      }
      s.committed = true;
      segments.push_back(std::move(s));
    } else if (s.committed) {
      RemoveSegmentFiles(s);
    } else {
      RemoveFile(SegmentFileName(s.meta.name));
    }
  }
  segments_ = std::move(segments);
  committed_ = std::move(m);
  clear_pending_ = false;
  if (sweep_after_commit_) {
    sweep_after_commit_ = false;
    return RemoveUnnamedFiles(committed_);
  }
  return Status::Ok();
}

Status IndexWriterImpl::Optimize() {
  if (!damaged_.ok()) return damaged_;
  if (clear_pending_) return Status::InvalidArgument("a Clear is pending: Commit before Optimize");
  StopMerges();  // the merge thread is done: what follows has the segments to itself
  std::vector<size_t> committed;
  for (size_t i = 0; i < segments_.size(); ++i) {
    if (segments_[i].committed) committed.push_back(i);
  }
  if (committed.empty()) return Status::Ok();
  if (committed.size() == 1 && segments_[committed[0]].meta.deleted_count == 0) return Status::Ok();

  // Merge the committed state; uncommitted deletions carry over to the merged segment.
  std::vector<MergeSource> sources;
  uint64_t live = 0;
  uint64_t merged_bytes = 64 << 10;  // the merged file and its spools, at most
  for (size_t i : committed) {
    const WriterSegment& s = segments_[i];
    sources.push_back({s.file, s.committed_deletions.get()});
    live += s.meta.doc_count - s.meta.deleted_count;
    merged_bytes += MergeDiskBytes(*s.file, s.meta.doc_count, s.meta.deleted_count);
  }
  PAPERDECK_RETURN_IF_ERROR(CheckSpace(
      dir_, "merging the index's " + std::to_string(committed.size()) + " segments",
      merged_bytes + options_.space_reserve_bytes));
  WriterSegment merged;
  merged.committed = true;
  Manifest m;
  m.corpus_revision = committed_.corpus_revision;
  if (live > 0) {
    merged.meta.name = SegmentName(next_segment_++);
    const std::filesystem::path path = dir_ / SegmentFileName(merged.meta.name);
    auto result = MergeSegments(sources, path, options_.term_bitmap_min_docs);
    if (!result.ok()) return result.status();
    auto file = SegmentFile::Open(path);
    if (!file.ok()) {
      RemoveFile(SegmentFileName(merged.meta.name));
      return file.status();
    }
    merged.file = std::move(file.value());
    merged.meta.doc_count = result.value().doc_count;
    merged.deletions = DeletionBitmap(merged.meta.doc_count);
    for (size_t k = 0; k < committed.size(); ++k) {
      const WriterSegment& s = segments_[committed[k]];
      const std::vector<uint32_t>& map = result.value().doc_maps[k];
      for (uint32_t d = 0; d < s.meta.doc_count; ++d) {
        if (map[d] != kEndDoc && s.deletions.IsDeleted(d)) merged.deletions.Delete(map[d]);
      }
    }
    m.segments.push_back(merged.meta);
  }
  m.next_segment = next_segment_;
  if (Status st = WriteManifest(dir_, m); !st.ok()) {
    if (merged.file) RemoveFile(SegmentFileName(merged.meta.name));
    return st;
  }
  std::vector<WriterSegment> segments;
  if (merged.file) segments.push_back(std::move(merged));
  for (WriterSegment& s : segments_) {
    if (s.committed) {
      RemoveSegmentFiles(s);
    } else {
      segments.push_back(std::move(s));
    }
  }
  segments_ = std::move(segments);
  committed_ = std::move(m);
  return Status::Ok();
}

Status IndexWriterImpl::Rollback() {
  StopMerges();
  // Back to the last manifest: reload what it names and remove every other file of ours (the
  // uncommitted segments and deletion files; what a Clear dropped is named again).
  segments_.clear();
  dropped_.clear();
  buffer_.Clear();
  buffer_keys_.clear();
  buffer_deleted_.clear();
  clear_pending_ = false;
  sweep_after_commit_ = false;
  damaged_ = Status::Ok();
  committed_ = Manifest{};
  if (Status s = LoadCommitted(); !s.ok()) {
    if (s.code() == Status::Code::kIOError) return s;
    damaged_ = Status::Corruption("the index is damaged (" + s.message() +
                                  "); rebuild it from the corpus");
    segments_.clear();
    committed_ = Manifest{};
    return Status::Ok();
  }
  next_segment_ = std::max(next_segment_, committed_.next_segment);
  return RemoveUnnamedFiles(committed_);
}

Status IndexWriterImpl::WaitForMerges() {
  if (merge_thread_.joinable()) merge_thread_.join();  // it ends when the policy wants no merge
  std::lock_guard<std::mutex> lock(mu_);
  Status failure = merge_failure_;
  merge_failure_ = Status::Ok();
  return failure;
}

void IndexWriterImpl::StopMerges() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    merge_stop_ = true;
  }
  if (merge_thread_.joinable()) merge_thread_.join();
  std::lock_guard<std::mutex> lock(mu_);
  merge_stop_ = false;
}

std::vector<PlannedMerge> IndexWriterImpl::PlanLocked() const {
  std::vector<MergeCandidate> candidates;
  for (const WriterSegment& s : segments_) {
    if (!s.committed) continue;
    candidates.push_back({s.meta.name, s.file->size_bytes(), s.meta.doc_count, s.meta.deleted_count});
  }
  return FindMerges(candidates, *options_.merge_policy);
}

void IndexWriterImpl::StartMerges() {
  if (!options_.merge_policy) return;
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (merge_running_) return;
  }
  if (merge_thread_.joinable()) merge_thread_.join();  // it has ended, or is ending
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (PlanLocked().empty()) return;
    merge_running_ = true;
  }
  try {
    merge_thread_ = std::thread([this] { MergeLoop(); });
  } catch (const std::system_error& e) {
    // The index stays as committed, unmerged; Optimize still merges it.
    std::lock_guard<std::mutex> lock(mu_);
    merge_running_ = false;
    if (merge_failure_.ok()) {
      merge_failure_ = Status::IOError(std::string("cannot start the thread that merges: ") + e.what());
    }
  }
}

void IndexWriterImpl::MergeLoop() {
  for (;;) {
    std::vector<std::string> names;
    std::vector<MergeSource> sources;
    // The sources' files and committed deletions, held for the merge: a commit meanwhile may
    // replace the writer's own.
    std::vector<std::shared_ptr<const DeletionBitmap>> deletions;
    std::string name;
    uint64_t needed = 64 << 10;
    {
      std::lock_guard<std::mutex> lock(mu_);
      std::vector<PlannedMerge> plans = merge_stop_ ? std::vector<PlannedMerge>{} : PlanLocked();
      if (plans.empty()) {
        merge_running_ = false;
        return;
      }
      for (const std::string& source : plans.front().segments) {
        for (const WriterSegment& s : segments_) {
          if (!s.committed || s.meta.name != source) continue;
          names.push_back(source);
          deletions.push_back(s.committed_deletions);
          sources.push_back({s.file, s.committed_deletions.get()});
          needed += MergeDiskBytes(*s.file, s.meta.doc_count, s.meta.deleted_count);
        }
      }
      name = SegmentName(next_segment_++);
    }
    const std::filesystem::path path = dir_ / SegmentFileName(name);
    Status failure = CheckSpace(
        dir_, "merging " + std::to_string(names.size()) + " of the index's segments",
        needed + options_.space_reserve_bytes);
    Result<MergeResult> result =
        failure.ok() ? MergeSegments(sources, path, options_.term_bitmap_min_docs) : failure;
    std::shared_ptr<const SegmentFile> file;
    if (result.ok()) {
      auto opened = SegmentFile::Open(path);
      if (opened.ok()) {
        file = std::move(opened.value());
      } else {
        result = opened.status();
      }
    }
    std::lock_guard<std::mutex> lock(mu_);
    if (result.ok()) failure = PublishMergeLocked(names, name, std::move(file), result.value());
    else failure = result.status();
    if (!failure.ok()) {
      RemoveFile(SegmentFileName(name));
      if (merge_failure_.ok()) merge_failure_ = failure;
      merge_running_ = false;
      return;
    }
  }
}

Status IndexWriterImpl::PublishMergeLocked(const std::vector<std::string>& sources,
                                           const std::string& name,
                                           std::shared_ptr<const SegmentFile> file,
                                           const MergeResult& result) {
  std::vector<size_t> at;  // the sources' places in segments_
  for (const std::string& source : sources) {
    for (size_t i = 0; i < segments_.size(); ++i) {
      if (segments_[i].committed && segments_[i].meta.name == source) at.push_back(i);
    }
  }
  if (at.size() != sources.size()) {
    // A commit dropped a source (every document of it deleted): merge again another time.
    file.reset();
    RemoveFile(SegmentFileName(name));
    return Status::Ok();
  }
  WriterSegment merged;
  merged.meta.name = name;
  merged.meta.doc_count = result.doc_count;
  merged.file = std::move(file);
  merged.committed = true;
  merged.deletions = DeletionBitmap(result.doc_count);
  DeletionBitmap committed(result.doc_count);
  for (size_t k = 0; k < at.size(); ++k) {
    const WriterSegment& s = segments_[at[k]];
    const std::vector<uint32_t>& map = result.doc_maps[k];
    for (uint32_t d = 0; d < s.meta.doc_count; ++d) {
      if (map[d] == kEndDoc) continue;
      if (s.deletions.IsDeleted(d)) merged.deletions.Delete(map[d]);
      if (s.committed_deletions && s.committed_deletions->IsDeleted(d)) committed.Delete(map[d]);
    }
  }
  if (committed.deleted_count() > 0) {
    merged.meta.deletion_generation = 1;
    merged.meta.deleted_count = committed.deleted_count();
    PAPERDECK_RETURN_IF_ERROR(committed.WriteFile(dir_ / DeletionFileName(name, 1)));
    merged.committed_deletions = std::make_shared<const DeletionBitmap>(std::move(committed));
  }

  // The merged segment takes the place of its first source; the manifest names the committed
  // segments in the writer's order.
  const size_t first = *std::min_element(at.begin(), at.end());
  auto is_source = [&](size_t i) { return std::find(at.begin(), at.end(), i) != at.end(); };
  Manifest m;
  m.corpus_revision = committed_.corpus_revision;
  m.next_segment = next_segment_;
  for (size_t i = 0; i < segments_.size(); ++i) {
    if (i == first) m.segments.push_back(merged.meta);
    if (!is_source(i) && segments_[i].committed) m.segments.push_back(segments_[i].meta);
  }
  if (Status st = WriteManifest(dir_, m); !st.ok()) {
    if (merged.meta.deletion_generation > 0) RemoveFile(DeletionFileName(name, 1));
    return st;
  }

  // The new manifest is in place: the sources' files go (a snapshot that maps them keeps them
  // until it is dropped).
  std::vector<WriterSegment> segments;
  for (size_t i = 0; i < segments_.size(); ++i) {
    if (i == first) segments.push_back(std::move(merged));
    if (is_source(i)) {
      RemoveSegmentFiles(segments_[i]);
    } else {
      segments.push_back(std::move(segments_[i]));
    }
  }
  segments_ = std::move(segments);
  committed_ = std::move(m);
  merges_done_.fetch_add(1);
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(const std::filesystem::path& dir,
                                                       IndexWriterOptions options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Status::IOError("cannot create " + dir.string() + ": " + ec.message());
  auto lock = FileLock::Acquire(dir / kLockFileName);
  if (!lock.ok()) return lock.status();
  auto writer = std::make_unique<IndexWriterImpl>(dir, options, std::move(lock.value()));
  PAPERDECK_RETURN_IF_ERROR(writer->Load());
  return std::unique_ptr<IndexWriter>(std::move(writer));
}

}  // namespace paperdeck::index
