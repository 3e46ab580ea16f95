// The segment file: one immutable file "<name>.seg" holding everything of one segment. See
// docs/index-format.md for the full layout; in short:
//
//   header   16 bytes: magic "PDSEG\r\n\x1a", u32 format version, u32 0
//   sections each starting at a multiple of 8 (zero padding between), in the order of Section
//   footer   kFooterBytes: the offset and size of every section, the segment's counts, the
//            CRC-32C of every byte before the footer, the CRC-32C of the footer, a magic
//
// All integers are little-endian. Opening a segment reads the header and the footer only and
// checks their magic, version, CRC and that every section lies inside the file with the size
// its type and the doc count imply; the body checksum is checked by Verify().
//
// Threading: plain constants and values.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <span>

#include "index/field.h"
#include "model/status.h"

namespace paperdeck::index {

inline constexpr char kSegmentMagic[8] = {'P', 'D', 'S', 'E', 'G', '\r', '\n', '\x1a'};
inline constexpr char kSegmentFooterMagic[8] = {'P', 'D', 'S', 'E', 'G', 'E', 'N', 'D'};
// 3: exact forms ("\x02" terms, index/field.h) beside the stems. 4: name forms in the authors
// (text/author_name_analyzer.h). 5: exact forms keyed by their stem, a form equal to its stem
// derived (index/stem_form_cursor.h). 6: the documents of each frequent term also as a roaring
// bitmap (index/term_bitmaps.h). 7: each dictionary block's first term in the term index
// (index/term_dictionary_reader.h). A segment of another version is refused as Corruption naming
// `paperdeck reindex`, which rebuilds the index from the corpus.
inline constexpr uint32_t kSegmentFormatVersion = 7;
inline constexpr size_t kSegmentHeaderBytes = 16;

enum class Section : uint32_t {
  kPostings = 0,        // posting lists, at TermInfo::postings_offset
  kPositions,           // positions, at TermInfo::positions_offset
  kTermDictionary,      // front-coded term blocks
  kTermIndex,           // u64[blocks]: offset of each dictionary block; then its first terms
  kPaperKeys,           // u64[doc_count]
  kDates,               // i32[doc_count], kNoDate when unknown
  kYears,               // i16[doc_count], 0 when unknown
  kCitations,           // i32[doc_count], -1 when unknown
  kUpvotes,             // i32[doc_count], -1 when unknown
  kIsNew,               // u64[ceil(doc_count / 64)], bit doc % 64 of word doc / 64
  kTitleLengths,        // u16 or u32 [doc_count] (width = size / doc_count)
  kAbstractLengths,
  kAuthorsLengths,
  kVenueLengths,
  kCategoryOffsets,     // u32[doc_count + 1]: doc d's ids are [off[d], off[d+1]) of kCategoryIds
  kCategoryIds,         // u16[]: ids into the category table, primary first
  kCategoryNameOffsets, // u32[categories + 1]: name i is bytes [off[i], off[i+1]) of kCategoryNames
  kCategoryNames,       // the category names, as given
  kPaperIndexKeys,      // u64[doc_count]: paper keys, ascending
  kPaperIndexDocs,      // u32[doc_count]: the doc id of each key above
  kTermBitmaps,         // frozen roaring bitmaps, each at a multiple of 32 (index/term_bitmaps.h)
  kTermBitmapIndex,     // u64[3 * bitmaps]: (postings offset, offset, size) of each, ascending
  kCount
};
inline constexpr size_t kNumSections = static_cast<size_t>(Section::kCount);

inline Section FieldLengthSection(int f) {
  return static_cast<Section>(static_cast<uint32_t>(Section::kTitleLengths) + f);
}

struct SectionExtent {
  uint64_t offset = 0;
  uint64_t size = 0;
};

struct SegmentFooter {
  std::array<SectionExtent, kNumSections> sections{};
  uint32_t doc_count = 0;
  uint64_t term_count = 0;
  std::array<uint64_t, kNumFields> total_field_length{};  // over all docs of the segment
  uint32_t body_crc = 0;  // CRC-32C of bytes [0, footer start)
};

// sections (16 each) + doc_count, reserved u32, term_count, lengths + body_crc, footer_crc + magic
inline constexpr size_t kFooterBytes = 16 * kNumSections + 4 + 4 + 8 + 8 * kNumFields + 4 + 4 + 8;

void EncodeSegmentHeader(uint8_t out[kSegmentHeaderBytes]);
// Checks magic and version.
Status CheckSegmentHeader(std::span<const uint8_t> header);

void EncodeSegmentFooter(const SegmentFooter& footer, uint8_t out[kFooterBytes]);
// Checks magic and footer CRC and decodes.
Status DecodeSegmentFooter(std::span<const uint8_t> bytes, SegmentFooter* footer);

}  // namespace paperdeck::index
