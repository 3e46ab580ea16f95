// PaperSetMatcher: the documents of one segment whose paper is in a set of paper keys: how a
// query's library leaves (`tag:thesis`, `state:to-read`, `note:pruning`; search/library_keys.h)
// reach a segment. The set was resolved from the corpus once per search; nothing about the
// library is stored in segments. A filter: it scores 0.
//
// Two ways, chosen by the set's size beside the segment's:
//   - listed (a set of at most 1/kListRatio of the segment's documents): each key is looked up
//     with SegmentReader::FindPaper (a binary search of the segment's sorted key column; deleted
//     documents skipped) and the documents sorted once; cost() is their number, so a small set
//     leads a conjunction (`attention tag:thesis` walks the tag's papers, not attention's);
//   - probing (a larger set): a document matches when the set contains its paper_key, looked up
//     as the walk reaches it; cost() is the segment's size, so any postings lead a conjunction
//     and the set is only asked about their documents, as a category's filter would be.
//
// Threading: one thread; the segment and the set must outlive the matcher.
#pragma once

#include <cstdint>
#include <vector>

#include "index/segment_reader.h"
#include "search/library_keys.h"
#include "search/matcher.h"

namespace paperdeck::search {

class PaperSetMatcher final : public Matcher {
 public:
  // A set larger than a segment's doc_count / kListRatio is probed rather than listed.
  static constexpr uint64_t kListRatio = 64;

  PaperSetMatcher(const index::SegmentReader& segment, const PaperKeySet& papers);

  uint32_t doc() const override { return doc_; }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override { return 0; }
  ScoreBound BlockBound() override { return {}; }
  float MaxScore() const override { return 0; }
  uint64_t cost() const override;

  // True when the set's documents were listed (for tests).
  bool listed() const { return listed_; }

 private:
  // Probing: moves to the first document >= from whose key is in the set.
  void Probe(uint32_t from);

  const index::SegmentReader& segment_;
  const PaperKeySet& papers_;
  bool listed_ = false;
  std::vector<uint32_t> docs_;  // listed: the matching documents, ascending
  size_t next_ = 0;             // listed: the index of doc_ in docs_
  uint32_t doc_ = kEndDoc;
};

}  // namespace paperdeck::search
