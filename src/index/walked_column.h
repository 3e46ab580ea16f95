// WalkedColumn: the per-document columns a search may read for many documents of a segment, in
// doc order (facets, filters, sorts, the field lengths of the documents it scores), and so asks
// for whole before it starts (SegmentReader::WillWalk).
//
// Threading: a plain value.
#pragma once

namespace paperdeck::index {

enum class WalkedColumn {
  kPaperKeys,
  kDates,
  kYears,
  kCitations,
  kUpvotes,
  kCategories,    // each document's category ids, and where they start
  kFieldLengths,  // every text field's
};

}  // namespace paperdeck::index
