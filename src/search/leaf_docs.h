// The documents of one word or category of a query plan in a segment, walked from its postings:
// what counting a disjunction apart (search/match_counter.h) and gathering the words without a
// bitmap (search/bitmap_count.h) both read. A form equal to its stem is read from the stem's
// postings (index/stem_form_cursor.h); a word's documents are those holding it in one of its
// fields, a category's every document of its list.
//
// Threading: as the segment's cursors (one thread a call).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "index/field.h"
#include "index/segment_reader.h"
#include "index/stem_form_cursor.h"
#include "search/term_matcher.h"

namespace paperdeck::search {
namespace leaf_docs_detail {

template <class Cursor, class F>
void ForEachDoc(std::unique_ptr<Cursor> cursor, index::FieldMask fields, bool category, F&& f) {
  if (!cursor) return;
  if (!category && NeedsFieldCheck(*cursor, fields)) {
    for (uint32_t d = cursor->doc(); d != index::kEndDoc; cursor->Next(), d = cursor->doc()) {
      if (InFields(*cursor, fields)) f(d);
    }
    return;
  }
  for (uint32_t d = cursor->doc(); d != index::kEndDoc; cursor->Next(), d = cursor->doc()) f(d);
}

}  // namespace leaf_docs_detail

// Calls f(doc) for every document (deleted ones too) of term's list in segment that fields
// match; with category, for every document of the list.
template <class F>
void ForEachLeafDoc(const index::SegmentReader& segment, std::string_view term,
                    index::FieldMask fields, bool category, F&& f) {
  if (index::IsStemEqualForm(term)) {
    leaf_docs_detail::ForEachDoc(index::StemFormCursor::Open(segment, index::ExactFormStem(term)),
                                 fields, category, f);
  } else {
    leaf_docs_detail::ForEachDoc(segment.Postings(term), fields, category, f);
  }
}

}  // namespace paperdeck::search
