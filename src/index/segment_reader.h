// SegmentReader: one immutable segment, memory-mapped. Gives the term dictionary, postings
// cursors and per-document columns (for filters, sorts and BM25F field lengths). Doc ids are
// local to the segment: 0 .. doc_count()-1.
//
// Threading: all const methods may be called from many threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "index/facet_columns.h"
#include "index/field.h"
#include "index/frequent_terms.h"
#include "index/posting_cursor.h"
#include "index/segment_posting_cursor.h"
#include "index/term_bitmaps.h"
#include "index/term_dictionary_reader.h"
#include "index/walked_column.h"

namespace paperdeck::index {

class SegmentReader {
 public:
  virtual ~SegmentReader() = default;

  virtual const std::string& name() const = 0;  // the segment's name in the manifest
  virtual uint32_t doc_count() const = 0;       // including deleted documents
  virtual uint32_t live_doc_count() const = 0;
  virtual bool IsDeleted(uint32_t doc) const = 0;

  // Sum over all documents (deleted too) of the length of field f, in positions.
  virtual uint64_t total_field_length(Field f) const = 0;

  // The segment's terms in order, with their document frequencies (index/term_neighbours.h walks
  // it for prefixes and edit neighbours).
  virtual const TermDictionaryReader& dictionary() const = 0;
  // The dictionary's frequent terms (index/frequent_terms.h), when this reader keeps them and
  // they have been asked for often enough; nullptr otherwise.
  virtual const FrequentTerms* frequent_terms() const { return nullptr; }
  // Asks for the dictionary's terms from `from` up to `past` (to the end when empty) in one read,
  // before a walk over them (index/term_neighbours.h); otherwise they are read a page at a time.
  // A hint: never fails.
  virtual void WillReadTerms(std::string_view /*from*/, std::string_view /*past*/) const {}
  // The term's document frequency in this segment; 0 when absent. A form equal to its stem
  // (index/field.h), which the dictionary does not hold, is counted from its postings.
  virtual uint32_t DocFreq(std::string_view term) const = 0;
  // A cursor over the term's postings, or nullptr when the term is absent (so for a form equal
  // to its stem: index/stem_form_cursor.h reads those). The cursor's own
  // (final) type, not PostingCursor: a search calls it for every posting, and calls on a final
  // class inline.
  virtual std::unique_ptr<SegmentPostingCursor> Postings(std::string_view term) const = 0;
  // The term's documents as a bitmap (index/term_bitmaps.h) when the segment keeps one (frequent
  // terms); nullptr otherwise, and always for a form equal to its stem.
  virtual std::unique_ptr<TermBitmap> TermDocs(std::string_view /*term*/) const { return nullptr; }
  // The deleted documents as a roaring bitmap, for counting with term bitmaps; nullptr when
  // nothing is deleted, or when this reader keeps none (then IsDeleted alone tells).
  virtual const roaring_bitmap_s* deleted_docs() const { return nullptr; }

  // Asks for column whole, in one read, before a walk over many documents. A reader of a mapped
  // file otherwise reads its columns a page at a time, as they are touched (which is what ranking
  // a few documents wants: index/mapped_file.h); it asks once for each column while it is open
  // (the column then stays cached while searches use it). A hint: never fails.
  virtual void WillWalk(WalkedColumn /*column*/) const {}
  // Asks for the paper keys of a few documents at once (a page of hits), so that reading them
  // waits for one round of reads rather than a page fault after another. A hint: never fails.
  virtual void WillReadPaperKeys(std::span<const uint32_t> /*docs*/) const {}

  // Per-document columns. REQUIRES: doc < doc_count().
  virtual uint64_t paper_key(uint32_t doc) const = 0;
  virtual int32_t date(uint32_t doc) const = 0;  // kNoDate when unknown
  virtual int32_t year(uint32_t doc) const = 0;  // 0 when unknown
  virtual int64_t citations(uint32_t doc) const = 0;  // -1 when unknown
  virtual int64_t upvotes(uint32_t doc) const = 0;    // -1 when unknown
  virtual bool is_new(uint32_t doc) const = 0;
  virtual uint32_t field_length(uint32_t doc, Field f) const = 0;
  // Every field's length of doc, at once.
  virtual void field_lengths(uint32_t doc, uint32_t out[kNumFields]) const = 0;
  // The document's categories as ids into this segment's category table, primary first.
  virtual std::span<const uint16_t> category_ids(uint32_t doc) const = 0;
  virtual std::string_view category_name(uint16_t id) const = 0;  // as given ("cs.CV")
  // The categories and years as facets count them (index/facet_columns.h), built on the first ask.
  virtual const FacetColumns& facet_columns() const = 0;

  // The local doc id of a paper, if this segment holds it (deleted or not).
  virtual std::optional<uint32_t> FindPaper(uint64_t paper_key) const = 0;
  // Sets, in live (a bitmap of doc_count() bits), the live document of each of keys this
  // segment holds. keys ascending: a reader may walk its own sorted keys once beside them.
  virtual void FindLivePapers(std::span<const uint64_t> keys, std::vector<uint64_t>* live) const {
    for (uint64_t key : keys) {
      std::optional<uint32_t> doc = FindPaper(key);
      if (doc && !IsDeleted(*doc)) (*live)[*doc / 64] |= uint64_t{1} << (*doc % 64);
    }
  }
};

}  // namespace paperdeck::index
