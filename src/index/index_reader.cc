#include "index/index_reader.h"

#include <system_error>

#include "index/deletion_bitmap.h"
#include "index/manifest.h"
#include "index/mapped_segment_reader.h"
#include "index/segment_file.h"

namespace paperdeck::index {
namespace {

class Snapshot final : public IndexReader {
 public:
  int64_t corpus_revision() const override { return corpus_revision_; }
  const std::vector<std::shared_ptr<const SegmentReader>>& segments() const override {
    return segments_;
  }
  uint64_t live_doc_count() const override { return live_docs_; }
  double average_field_length(Field f) const override {
    return docs_ == 0 ? 0.0
                      : static_cast<double>(total_length_[static_cast<int>(f)]) /
                            static_cast<double>(docs_);
  }
  uint64_t DocFreq(std::string_view term) const override {
    uint64_t df = 0;
    for (const auto& s : segments_) df += s->DocFreq(term);
    return df;
  }
  uint64_t size_bytes() const override { return size_bytes_; }

  int64_t corpus_revision_ = 0;
  std::vector<std::shared_ptr<const SegmentReader>> segments_;
  uint64_t live_docs_ = 0;
  uint64_t docs_ = 0;
  std::array<uint64_t, kNumFields> total_length_{};
  uint64_t size_bytes_ = 0;
};

Result<std::shared_ptr<const IndexReader>> OpenSnapshot(const std::filesystem::path& dir,
                                                        const Manifest& m) {
  auto snap = std::make_shared<Snapshot>();
  snap->corpus_revision_ = m.corpus_revision;
  std::error_code ec;
  snap->size_bytes_ = std::filesystem::file_size(dir / kManifestFileName, ec);
  if (ec) snap->size_bytes_ = 0;
  for (const ManifestSegment& ms : m.segments) {
    auto file = SegmentFile::Open(dir / SegmentFileName(ms.name));
    if (!file.ok()) return file.status();
    if (file.value()->doc_count() != ms.doc_count) {
      return Status::Corruption(file.value()->path().string() + ": holds " +
                                std::to_string(file.value()->doc_count()) +
                                " documents, the manifest says " + std::to_string(ms.doc_count));
    }
    snap->size_bytes_ += file.value()->size_bytes();
    std::shared_ptr<const DeletionBitmap> deletions;
    if (ms.deletion_generation > 0) {
      const auto path = dir / DeletionFileName(ms.name, ms.deletion_generation);
      auto bitmap = DeletionBitmap::ReadFile(path, ms.doc_count);
      if (!bitmap.ok()) return bitmap.status();
      if (bitmap.value().deleted_count() != ms.deleted_count) {
        return Status::Corruption(path.string() + ": deleted count differs from the manifest's");
      }
      snap->size_bytes_ += std::filesystem::file_size(path, ec);
      deletions = std::make_shared<const DeletionBitmap>(std::move(bitmap.value()));
    } else if (ms.deleted_count != 0) {
      return Status::Corruption("MANIFEST: segment " + ms.name + " has deletions but no file");
    }
    auto reader = std::make_shared<MappedSegmentReader>(ms.name, std::move(file.value()),
                                                        std::move(deletions));
    snap->live_docs_ += reader->live_doc_count();
    snap->docs_ += reader->doc_count();
    for (int f = 0; f < kNumFields; ++f) {
      snap->total_length_[f] += reader->total_field_length(static_cast<Field>(f));
    }
    snap->segments_.push_back(std::move(reader));
  }
  return std::shared_ptr<const IndexReader>(std::move(snap));
}

}  // namespace

Result<std::shared_ptr<const IndexReader>> IndexReader::Open(const std::filesystem::path& dir) {
  // A commit may replace the manifest and remove the files it no longer names between our
  // reading the manifest and opening a segment: then read the new manifest and try again.
  constexpr int kAttempts = 5;
  Status last;
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    auto m = ReadManifest(dir);
    if (!m.ok()) return m.status();
    if (!m.value().has_value()) return std::shared_ptr<const IndexReader>(std::make_shared<Snapshot>());
    auto snap = OpenSnapshot(dir, *m.value());
    if (snap.ok() || snap.status().code() != Status::Code::kNotFound) return snap;
    last = snap.status();
  }
  return last;
}

}  // namespace paperdeck::index
