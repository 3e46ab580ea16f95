#include "index/segment_file.h"

#include <algorithm>
#include <string>

#include "index/crc32c.h"
#include "index/segment_posting_cursor.h"

namespace paperdeck::index {
namespace {

Status Bad(const std::filesystem::path& path, const std::string& what) {
  return Status::Corruption(path.string() + ": " + what);
}

}  // namespace

Result<std::shared_ptr<const SegmentFile>> SegmentFile::Open(const std::filesystem::path& path) {
  auto mapped = MappedFile::Open(path);
  if (!mapped.ok()) return mapped.status();
  auto seg = std::shared_ptr<SegmentFile>(new SegmentFile());
  seg->path_ = path;
  seg->file_ = std::move(mapped.value());
  PAPERDECK_RETURN_IF_ERROR(seg->Check());
  return std::shared_ptr<const SegmentFile>(std::move(seg));
}

std::span<const uint8_t> SegmentFile::section(Section s) const {
  const SectionExtent& e = footer_.sections[static_cast<size_t>(s)];
  return {file_->data() + e.offset, e.size};
}

Status SegmentFile::Check() {
  const size_t size = file_->size();
  if (size < kSegmentHeaderBytes + kFooterBytes) return Bad(path_, "file too short for a segment");
  if (Status s = CheckSegmentHeader(file_->bytes().first(kSegmentHeaderBytes)); !s.ok()) {
    return Bad(path_, s.message());
  }
  const size_t footer_start = size - kFooterBytes;
  if (Status s = DecodeSegmentFooter(file_->bytes().subspan(footer_start), &footer_); !s.ok()) {
    return Bad(path_, s.message());
  }
  for (size_t i = 0; i < kNumSections; ++i) {
    const SectionExtent& e = footer_.sections[i];
    if (e.offset < kSegmentHeaderBytes || e.offset % 8 != 0 || e.offset > footer_start ||
        e.size > footer_start - e.offset) {
      return Bad(path_, "section " + std::to_string(i) + " lies outside the file");
    }
  }
  const uint64_t n = footer_.doc_count;
  auto expect = [&](Section s, uint64_t bytes) -> Status {
    if (section(s).size() != bytes) {
      return Bad(path_, "section " + std::to_string(static_cast<int>(s)) + " has " +
                            std::to_string(section(s).size()) + " bytes, expected " +
                            std::to_string(bytes));
    }
    return Status::Ok();
  };
  Status s;
  if (section(Section::kTermIndex).size() < TermDictionaryReader::MinIndexBytes(footer_.term_count)) {
    return Bad(path_, "term index has " + std::to_string(section(Section::kTermIndex).size()) +
                          " bytes, too few for " + std::to_string(footer_.term_count) + " terms");
  }
  if (s.ok()) s = expect(Section::kPaperKeys, n * 8);
  if (s.ok()) s = expect(Section::kDates, n * 4);
  if (s.ok()) s = expect(Section::kYears, n * 2);
  if (s.ok()) s = expect(Section::kCitations, n * 4);
  if (s.ok()) s = expect(Section::kUpvotes, n * 4);
  if (s.ok()) s = expect(Section::kIsNew, (n + 63) / 64 * 8);
  if (s.ok()) s = expect(Section::kCategoryOffsets, (n + 1) * 4);
  if (s.ok()) s = expect(Section::kPaperIndexKeys, n * 8);
  if (s.ok()) s = expect(Section::kPaperIndexDocs, n * 4);
  if (!s.ok()) return s;
  for (int f = 0; f < kNumFields; ++f) {
    const uint64_t bytes = section(FieldLengthSection(f)).size();
    if (n == 0 ? bytes != 0 : (bytes != n * 2 && bytes != n * 4)) {
      return Bad(path_, "field length section has a wrong size");
    }
    field_lengths_[f] = section(FieldLengthSection(f)).data();
    wide_length_[f] = n > 0 && bytes == n * 4;
  }
  const auto ids = section(Section::kCategoryIds);
  const auto name_offsets = section(Section::kCategoryNameOffsets);
  const auto names = section(Section::kCategoryNames);
  if (ids.size() % 2 != 0 || name_offsets.size() % 4 != 0 || name_offsets.size() < 4) {
    return Bad(path_, "category sections have wrong sizes");
  }
  paper_keys_ = section(Section::kPaperKeys).data();
  dates_ = section(Section::kDates).data();
  years_ = section(Section::kYears).data();
  citations_ = section(Section::kCitations).data();
  upvotes_ = section(Section::kUpvotes).data();
  is_new_ = section(Section::kIsNew).data();
  // Sections start at multiples of 8 in a page-aligned map, so these arrays are aligned.
  category_offsets_ = reinterpret_cast<const uint32_t*>(section(Section::kCategoryOffsets).data());
  category_ids_ = reinterpret_cast<const uint16_t*>(ids.data());
  category_id_count_ = static_cast<uint32_t>(ids.size() / 2);
  category_name_offsets_ = reinterpret_cast<const uint32_t*>(name_offsets.data());
  category_count_ = static_cast<uint32_t>(name_offsets.size() / 4 - 1);
  category_names_ = reinterpret_cast<const char*>(names.data());
  category_names_size_ = static_cast<uint32_t>(names.size());
  if (category_offsets_[n] != category_id_count_ ||
      category_name_offsets_[category_count_] != category_names_size_) {
    return Bad(path_, "category offsets do not match their data");
  }
  const auto bitmaps = section(Section::kTermBitmaps);
  const auto bitmap_index = section(Section::kTermBitmapIndex);
  if (bitmaps.size() > 0 && footer_.sections[static_cast<size_t>(Section::kTermBitmaps)].offset %
                                    kTermBitmapAlignment != 0) {
    return Bad(path_, "term bitmaps are not aligned");
  }
  if (bitmap_index.size() % 24 != 0) return Bad(path_, "term bitmap index has a wrong size");
  bitmaps_ = TermBitmapTable(bitmaps, bitmap_index);
  index_keys_ = reinterpret_cast<const uint64_t*>(section(Section::kPaperIndexKeys).data());
  index_docs_ = reinterpret_cast<const uint32_t*>(section(Section::kPaperIndexDocs).data());
  dictionary_ = TermDictionaryReader(section(Section::kTermDictionary), section(Section::kTermIndex),
                                     footer_.term_count);
  // Every lookup binary-searches the first terms: ask for them now, while the caller goes on (in
  // a cold segment the first query then waits for one read, not a fault per step). The rest is
  // read as it is touched, a page at a time, or asked for whole by a walk (WillWalk).
  const std::span<const uint8_t> search_bytes = dictionary_.SearchBytes();
  file_->WillNeed(search_bytes.data(), search_bytes.size());
  return Status::Ok();
}

void SegmentFile::WillWalk(WalkedColumn column) const {
  const uint32_t bit = uint32_t{1} << static_cast<int>(column);
  if (walked_columns_.fetch_or(bit, std::memory_order_relaxed) & bit) return;
  auto ask = [this](Section s) {
    const std::span<const uint8_t> bytes = section(s);
    file_->WillNeed(bytes.data(), bytes.size());
  };
  switch (column) {
    case WalkedColumn::kPaperKeys: return ask(Section::kPaperKeys);
    case WalkedColumn::kDates: return ask(Section::kDates);
    case WalkedColumn::kYears: return ask(Section::kYears);
    case WalkedColumn::kCitations: return ask(Section::kCitations);
    case WalkedColumn::kUpvotes: return ask(Section::kUpvotes);
    case WalkedColumn::kCategories:
      ask(Section::kCategoryOffsets);
      return ask(Section::kCategoryIds);
    case WalkedColumn::kFieldLengths:
      for (Section s : {Section::kTitleLengths, Section::kAbstractLengths, Section::kAuthorsLengths,
                        Section::kVenueLengths}) {
        ask(s);
      }
      return;
  }
}

void SegmentFile::WillWalkColumns() const {
  // The columns lie together, from the paper keys to the paper-key index's docs.
  const std::span<const uint8_t> first = section(Section::kPaperKeys);
  const std::span<const uint8_t> last = section(Section::kPaperIndexDocs);
  if (last.data() + last.size() <= first.data()) return;
  file_->WillNeed(first.data(), static_cast<size_t>(last.data() + last.size() - first.data()));
}

Status SegmentFile::VerifyTermBitmaps() const {
  // Every bitmap names a list, in order, and holds exactly that list's documents.
  size_t next = 0;
  TermDictionaryReader::Iterator it = dictionary_.Seek("");
  for (; it.Valid() && next < bitmaps_.count(); it.Next()) {
    const TermInfo& info = it.info();
    if (bitmaps_.postings_offset(next) < info.postings_offset) break;
    if (bitmaps_.postings_offset(next) > info.postings_offset) continue;
    std::unique_ptr<TermBitmap> bitmap = bitmaps_.At(next++);
    if (!bitmap) return Bad(path_, "term bitmap does not decode for term " + std::string(it.term()));
    SegmentPostingCursor cursor(*this, info);
    uint64_t held = 0;
    uint32_t tf[kNumFields];
    for (; cursor.doc() != kEndDoc; cursor.Next()) {
      cursor.tfs(tf);
      if (!InTermBitmap(tf)) continue;
      ++held;
      if (!bitmap->Contains(cursor.doc())) {
        return Bad(path_, "term bitmap differs from the postings of term " + std::string(it.term()));
      }
    }
    if (held != bitmap->cardinality()) {
      return Bad(path_, "term bitmap differs from the postings of term " + std::string(it.term()));
    }
  }
  if (next != bitmaps_.count()) return Bad(path_, "a term bitmap names no term's postings");
  return Status::Ok();
}

std::span<const uint16_t> SegmentFile::category_ids(uint32_t doc) const {
  const uint32_t begin = category_offsets_[doc];
  const uint32_t end = category_offsets_[doc + 1];
  if (begin > end || end > category_id_count_) return {};
  return {category_ids_ + begin, end - begin};
}

std::string_view SegmentFile::category_name(uint16_t id) const {
  if (id >= category_count_) return {};
  const uint32_t begin = category_name_offsets_[id];
  const uint32_t end = category_name_offsets_[id + 1];
  if (begin > end || end > category_names_size_) return {};
  return {category_names_ + begin, end - begin};
}

std::span<const uint32_t> SegmentFile::FindPaperDocs(uint64_t paper_key) const {
  const uint64_t* begin = index_keys_;
  const uint64_t* end = index_keys_ + footer_.doc_count;
  auto [lo, hi] = std::equal_range(begin, end, paper_key);
  return {index_docs_ + (lo - begin), static_cast<size_t>(hi - lo)};
}

std::unique_ptr<SegmentPostingCursor> SegmentFile::OpenCursor(const TermInfo& info) const {
  return std::make_unique<SegmentPostingCursor>(*this, info);
}

Status SegmentFile::Verify() const {
  const size_t footer_start = file_->size() - kFooterBytes;
  const uint8_t* data = file_->data();
  if (file_->ReadInOrder(data, footer_start, [&] { return Crc32c(data, footer_start); }) !=
      footer_.body_crc) {
    return Bad(path_, "checksum mismatch (the file is damaged)");
  }
  uint64_t terms = 0;
  TermDictionaryReader::Iterator it = dictionary_.Seek("");
  for (; it.Valid(); it.Next()) {
    ++terms;
    const TermInfo& info = it.info();
    SegmentPostingCursor cursor(*this, info);
    const bool positional = !IsExactFormTerm(it.term());
    uint32_t count = 0;
    uint32_t prev = 0;
    for (; cursor.doc() != kEndDoc; cursor.Next()) {
      if ((count > 0 && cursor.doc() <= prev) || cursor.doc() >= doc_count()) {
        return Bad(path_, "postings out of order for term " + std::string(it.term()));
      }
      if (positional) cursor.RawPositions();
      prev = cursor.doc();
      ++count;
    }
    if (cursor.corrupt() || count != info.df) {
      return Bad(path_, "postings do not decode for term " + std::string(it.term()));
    }
  }
  if (it.corrupt() || terms != term_count()) return Bad(path_, "term dictionary does not decode");
  if (!dictionary_.IndexMatchesBlocks()) {
    return Bad(path_, "term index does not match the dictionary's blocks");
  }
  PAPERDECK_RETURN_IF_ERROR(VerifyTermBitmaps());
  for (uint32_t d = 0; d < doc_count(); ++d) {
    if (index_docs_[d] >= doc_count() || (d > 0 && index_keys_[d - 1] > index_keys_[d])) {
      return Bad(path_, "paper index is not sorted");
    }
  }
  return Status::Ok();
}

}  // namespace paperdeck::index
