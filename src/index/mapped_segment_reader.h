// MappedSegmentReader: the SegmentReader of a snapshot: a SegmentFile (shared by every
// snapshot naming the segment) and the deletions in force for it in that snapshot.
//
// Threading: immutable; const methods may be called from many threads.
#pragma once

#include <memory>
#include <string>

#include "index/deletion_bitmap.h"
#include "index/segment_file.h"
#include "index/segment_reader.h"

namespace paperdeck::index {

class MappedSegmentReader final : public SegmentReader {
 public:
  // deletions may be null (nothing deleted). REQUIRES: deletions sized for file's doc count.
  MappedSegmentReader(std::string name, std::shared_ptr<const SegmentFile> file,
                      std::shared_ptr<const DeletionBitmap> deletions);

  const std::string& name() const override { return name_; }
  uint32_t doc_count() const override { return file_->doc_count(); }
  uint32_t live_doc_count() const override {
    return file_->doc_count() - (deletions_ ? deletions_->deleted_count() : 0);
  }
  bool IsDeleted(uint32_t doc) const override { return deletions_ && deletions_->IsDeleted(doc); }
  uint64_t total_field_length(Field f) const override {
    return file_->total_field_length(static_cast<int>(f));
  }
  const TermDictionaryReader& dictionary() const override { return file_->dictionary(); }
  const FrequentTerms* frequent_terms() const override { return file_->frequent_terms(); }
  uint32_t DocFreq(std::string_view term) const override;
  std::unique_ptr<SegmentPostingCursor> Postings(std::string_view term) const override;
  std::unique_ptr<TermBitmap> TermDocs(std::string_view term) const override;
  const roaring_bitmap_s* deleted_docs() const override { return deleted_docs_.get(); }

  void WillWalk(WalkedColumn column) const override { file_->WillWalk(column); }
  void WillReadPaperKeys(std::span<const uint32_t> docs) const override {
    file_->WillReadPaperKeys(docs);
  }
  void WillReadTerms(std::string_view from, std::string_view past) const override {
    file_->WillReadTerms(from, past);
  }
  uint64_t paper_key(uint32_t doc) const override { return file_->paper_key(doc); }
  int32_t date(uint32_t doc) const override { return file_->date(doc); }
  int32_t year(uint32_t doc) const override { return file_->year(doc); }
  int64_t citations(uint32_t doc) const override { return file_->citations(doc); }
  int64_t upvotes(uint32_t doc) const override { return file_->upvotes(doc); }
  bool is_new(uint32_t doc) const override { return file_->is_new(doc); }
  uint32_t field_length(uint32_t doc, Field f) const override {
    return file_->field_length(doc, static_cast<int>(f));
  }
  void field_lengths(uint32_t doc, uint32_t out[kNumFields]) const override {
    for (int f = 0; f < kNumFields; ++f) out[f] = file_->field_length(doc, f);
  }
  std::span<const uint16_t> category_ids(uint32_t doc) const override {
    return file_->category_ids(doc);
  }
  std::string_view category_name(uint16_t id) const override { return file_->category_name(id); }
  const FacetColumns& facet_columns() const override { return file_->facet_columns(); }
  // Prefers the live document when the segment holds the key more than once.
  std::optional<uint32_t> FindPaper(uint64_t paper_key) const override;
  // One forward walk of the segment's sorted keys beside keys, galloping over gaps.
  void FindLivePapers(std::span<const uint64_t> keys, std::vector<uint64_t>* live) const override;

  const SegmentFile& file() const { return *file_; }
  const std::shared_ptr<const SegmentFile>& shared_file() const { return file_; }

 private:
  std::string name_;
  std::shared_ptr<const SegmentFile> file_;
  std::shared_ptr<const DeletionBitmap> deletions_;
  std::shared_ptr<roaring_bitmap_s> deleted_docs_;  // deletions_ as a roaring bitmap, or null
};

}  // namespace paperdeck::index
