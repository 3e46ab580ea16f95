// SegmentFile: one segment file, memory-mapped and checked (header, footer, section extents) at
// open, which reads nothing else, so opening stays fast however large the segment. Gives the
// term dictionary, posting cursors, and the document columns, all read straight from the map.
// It knows nothing of deletions (those live in the manifest's deletion files).
//
// Threading: immutable; const methods may be called from many threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "index/facet_columns.h"
#include "index/field.h"
#include "index/frequent_terms.h"
#include "index/mapped_file.h"
#include "index/segment_format.h"
#include "index/term_bitmaps.h"
#include "index/term_dictionary_reader.h"
#include "index/walked_column.h"
#include "model/status.h"

namespace paperdeck::index {

class SegmentPostingCursor;

class SegmentFile {
 public:
  // NotFound when the file is missing; Corruption when its header, footer or sections are not
  // what the format promises.
  static Result<std::shared_ptr<const SegmentFile>> Open(const std::filesystem::path& path);

  // Reads the whole file: checks the body checksum and that every term's dictionary entry and
  // posting list decode. Slow (proportional to the file); for tools and tests.
  Status Verify() const;

  const std::filesystem::path& path() const { return path_; }
  uint64_t size_bytes() const { return file_->size(); }
  uint32_t doc_count() const { return footer_.doc_count; }
  uint64_t term_count() const { return footer_.term_count; }
  uint64_t total_field_length(int f) const { return footer_.total_field_length[f]; }

  const TermDictionaryReader& dictionary() const { return dictionary_; }
  // The dictionary's frequent terms, once asked for often enough (index/frequent_terms.h);
  // nullptr before.
  const FrequentTerms* frequent_terms() const {
    // Built in one pass over the whole dictionary.
    return frequent_terms_.Get(dictionary_, [this] { WillReadTerms("", ""); });
  }
  // The categories and years as facets count them (index/facet_columns.h), built on the first ask.
  const FacetColumns& facet_columns() const { return facet_columns_.Get(*this); }
  std::optional<TermInfo> FindTerm(std::string_view term) const { return dictionary_.Find(term); }
  // A cursor on the first posting of the list info describes. REQUIRES: info from this segment.
  std::unique_ptr<SegmentPostingCursor> OpenCursor(const TermInfo& info) const;
  // The term bitmap of the list info describes (index/term_bitmaps.h), or nullptr when it has
  // none. REQUIRES: info from this segment.
  std::unique_ptr<TermBitmap> FindTermBitmap(const TermInfo& info) const {
    return bitmaps_.Find(info.postings_offset);
  }
  size_t term_bitmap_count() const { return bitmaps_.count(); }

  // Columns. REQUIRES: doc < doc_count().
  uint64_t paper_key(uint32_t doc) const { return Load<uint64_t>(paper_keys_, doc); }
  int32_t date(uint32_t doc) const { return Load<int32_t>(dates_, doc); }
  int32_t year(uint32_t doc) const { return Load<int16_t>(years_, doc); }
  int64_t citations(uint32_t doc) const { return Load<int32_t>(citations_, doc); }
  int64_t upvotes(uint32_t doc) const { return Load<int32_t>(upvotes_, doc); }
  bool is_new(uint32_t doc) const { return (Load<uint64_t>(is_new_, doc / 64) >> (doc % 64)) & 1; }
  uint32_t field_length(uint32_t doc, int f) const {
    return wide_length_[f] ? Load<uint32_t>(field_lengths_[f], doc)
                           : Load<uint16_t>(field_lengths_[f], doc);
  }
  std::span<const uint16_t> category_ids(uint32_t doc) const;
  uint32_t category_count() const { return category_count_; }
  std::string_view category_name(uint16_t id) const;

  // The docs holding paper_key, ascending (usually none or one; a key replaced before its first
  // segment was written appears more than once, all but the last deleted).
  std::span<const uint32_t> FindPaperDocs(uint64_t paper_key) const;
  // The paper-key index whole: keys ascending, and the doc of each.
  std::span<const uint64_t> sorted_paper_keys() const { return {index_keys_, footer_.doc_count}; }
  std::span<const uint32_t> sorted_paper_docs() const { return {index_docs_, footer_.doc_count}; }

  std::span<const uint8_t> section(Section s) const;
  // Starts reading bytes of this file into memory (index/mapped_file.h's WillNeed).
  void WillNeed(const uint8_t* begin, size_t n) const { file_->WillNeed(begin, n); }
  // Starts reading a column whole, the first time it is asked for (SegmentReader::WillWalk), or
  // every column and the paper-key index (a merge reads them all, in doc order).
  void WillWalk(WalkedColumn column) const;
  void WillWalkColumns() const;
  // Starts reading the paper keys of docs (SegmentReader::WillReadPaperKeys).
  void WillReadPaperKeys(std::span<const uint32_t> docs) const {
    for (uint32_t doc : docs) file_->WillNeed(paper_keys_ + 8 * size_t{doc}, 8);
  }
  // Starts reading the dictionary blocks of the terms from `from` up to `past` (to the end when
  // empty): SegmentReader::WillReadTerms.
  void WillReadTerms(std::string_view from, std::string_view past) const {
    const std::span<const uint8_t> blocks = dictionary_.BlocksBetween(from, past);
    file_->WillNeed(blocks.data(), blocks.size());
  }

 private:
  SegmentFile() = default;
  Status Check();
  Status VerifyTermBitmaps() const;

  template <typename T>
  static T Load(const uint8_t* base, size_t i) {
    T v;
    std::memcpy(&v, base + i * sizeof(T), sizeof(T));
    return v;
  }

  std::filesystem::path path_;
  std::unique_ptr<MappedFile> file_;
  SegmentFooter footer_;
  TermDictionaryReader dictionary_;
  LazyFrequentTerms frequent_terms_;
  LazyFacetColumns facet_columns_;
  mutable std::atomic<uint32_t> walked_columns_{0};  // bit c: WalkedColumn c asked for
  TermBitmapTable bitmaps_;
  const uint8_t* paper_keys_ = nullptr;
  const uint8_t* dates_ = nullptr;
  const uint8_t* years_ = nullptr;
  const uint8_t* citations_ = nullptr;
  const uint8_t* upvotes_ = nullptr;
  const uint8_t* is_new_ = nullptr;
  const uint8_t* field_lengths_[kNumFields] = {};
  bool wide_length_[kNumFields] = {};
  const uint32_t* category_offsets_ = nullptr;
  const uint16_t* category_ids_ = nullptr;
  uint32_t category_id_count_ = 0;
  const uint32_t* category_name_offsets_ = nullptr;
  const char* category_names_ = nullptr;
  uint32_t category_names_size_ = 0;
  uint32_t category_count_ = 0;
  const uint64_t* index_keys_ = nullptr;
  const uint32_t* index_docs_ = nullptr;
};

}  // namespace paperdeck::index
