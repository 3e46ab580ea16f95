// PaperSetMatcher: the documents of one segment whose paper is in a set of paper keys: how a
// query's library leaves (`tag:thesis`, `state:to-read`, `note:pruning`; search/library_keys.h)
// reach a segment. The set was resolved from the corpus once per search; nothing about the
// library is stored in segments. A filter: it scores 0.
//
// At construction the set's keys (ascending) are walked once beside the segment's sorted key
// column (SegmentReader::FindLivePapers: galloping, so a small set costs a few probes per key and
// a large one about one pass), marking the live documents in a bitmap of the segment's documents;
// the matcher then walks the bitmap. cost() is the number of documents found, so a small set
// leads a conjunction (`attention tag:thesis` walks the tag's papers) and a large one follows
// the postings, each NextGeq a scan of a few words of bits.
//
// Threading: one thread; the segment must outlive the matcher.
#pragma once

#include <cstdint>
#include <vector>

#include "index/segment_reader.h"
#include "search/library_keys.h"
#include "search/matcher.h"

namespace paperdeck::search {

class PaperSetMatcher final : public Matcher {
 public:
  PaperSetMatcher(const index::SegmentReader& segment, const PaperKeySet& papers);

  uint32_t doc() const override { return doc_; }
  void Next() override { Seek(doc_ + 1); }
  void NextGeq(uint32_t target) override {
    if (doc_ < target) Seek(target);
  }
  float Score() override { return 0; }
  ScoreBound BlockBound() override { return {}; }
  float MaxScore() const override { return 0; }
  uint64_t cost() const override { return count_; }

 private:
  // Moves to the first marked document >= from.
  void Seek(uint32_t from);

  uint32_t doc_count_;
  std::vector<uint64_t> bits_;  // bit d: document d is live and its paper is in the set
  uint64_t count_ = 0;
  uint32_t doc_ = kEndDoc;
};

}  // namespace paperdeck::search
