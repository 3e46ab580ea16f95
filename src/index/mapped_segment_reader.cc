#include "index/mapped_segment_reader.h"

#include "index/segment_posting_cursor.h"

namespace paperdeck::index {

MappedSegmentReader::MappedSegmentReader(std::string name, std::shared_ptr<const SegmentFile> file,
                                         std::shared_ptr<const DeletionBitmap> deletions)
    : name_(std::move(name)), file_(std::move(file)), deletions_(std::move(deletions)) {}

uint32_t MappedSegmentReader::DocFreq(std::string_view term) const {
  std::optional<TermInfo> info = file_->FindTerm(term);
  return info ? info->df : 0;
}

std::unique_ptr<SegmentPostingCursor> MappedSegmentReader::Postings(std::string_view term) const {
  std::optional<TermInfo> info = file_->FindTerm(term);
  if (!info) return nullptr;
  return file_->OpenCursor(*info);
}

std::optional<uint32_t> MappedSegmentReader::FindPaper(uint64_t paper_key) const {
  std::span<const uint32_t> docs = file_->FindPaperDocs(paper_key);
  if (docs.empty()) return std::nullopt;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) {
    if (!IsDeleted(*it)) return *it;
  }
  return docs.back();
}

}  // namespace paperdeck::index
