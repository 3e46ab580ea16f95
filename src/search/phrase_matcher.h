// PhraseMatcher: the documents where some terms occur at given relative positions within one
// field (`"linear attention"`; `"mixture of experts"` is mixture, a gap where the stop word was,
// experts). A document matches when, in some field of the mask, every term occurs at p + offset
// for one p. It is scored as one term whose frequency in a field is the number of such p.
#pragma once

#include <memory>
#include <vector>

#include "index/segment_reader.h"
#include "search/bm25f.h"
#include "search/matcher.h"

namespace paperdeck::search {

class PhraseMatcher final : public Matcher {
 public:
  struct Part {
    std::unique_ptr<index::SegmentPostingCursor> cursor;  // not null
    uint32_t offset = 0;                           // position relative to the phrase's start
  };

  // REQUIRES: two or more parts, the first at offset 0; segment and bm25f outlive this. idf is the
  // phrase's (the sum of its terms').
  PhraseMatcher(std::vector<Part> parts, index::FieldMask match_fields, float idf,
                const Bm25f& bm25f, const index::SegmentReader& segment);

  uint32_t doc() const override { return doc_; }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override;
  float Explain(ScoreExplanation* out) override;
  ScoreBound BlockBound() override;
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return cost_; }

 private:
  // From the cursors' current positions, finds the first document where the phrase occurs.
  void Settle();
  // Puts every cursor on one document >= the lead's; false once a cursor is exhausted.
  bool Align();
  // Counts the phrase's occurrences in each field of the current document; true if any.
  bool CountOccurrences();
  // The lengths of the fields the current document holds the phrase in, as Score reads them.
  FieldCounts Lengths() const;
  float BoundOf(bool whole_list) const;

  std::vector<Part> parts_;
  std::vector<size_t> by_size_;  // parts_ indices, rarest first: the leapfrog order
  index::FieldMask match_fields_;
  index::FieldMask scored_fields_;
  float idf_;
  const Bm25f& bm25f_;
  const index::SegmentReader& segment_;
  Bm25f::NtfScale ntf_scale_;
  float max_score_;
  uint64_t cost_;
  uint32_t doc_ = kEndDoc;
  FieldCounts frequency_{};  // of the current document
  std::vector<std::vector<uint32_t>> positions_;  // scratch, one per part
  std::vector<size_t> at_;                        // scratch: each part's place in its positions
};

}  // namespace paperdeck::search
