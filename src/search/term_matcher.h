// TermMatcher: the documents where one analysed term occurs in one of a set of fields
// (`attention` in title, abstract or authors; `title:attention` in the title only).
#pragma once

#include <memory>

#include "index/segment_reader.h"
#include "search/bm25f.h"
#include "search/matcher.h"

namespace paperdeck::search {

class TermMatcher final : public Matcher {
 public:
  // Matches postings of cursor with a tf above zero in a field of match_fields, and scores them
  // over bm25f.Scored(match_fields). REQUIRES: cursor != nullptr; segment and bm25f outlive this.
  TermMatcher(std::unique_ptr<index::PostingCursor> cursor, index::FieldMask match_fields,
              float idf, const Bm25f& bm25f, const index::SegmentReader& segment);

  uint32_t doc() const override { return cursor_->doc(); }
  void Next() override;
  void NextGeq(uint32_t target) override;
  float Score() override;
  ScoreBound BlockBound() override;
  float MaxScore() const override { return max_score_; }
  uint64_t cost() const override { return cursor_->size(); }

 private:
  // Moves forward to a posting with the term in a field of match_fields_.
  void SkipToMatch();

  std::unique_ptr<index::PostingCursor> cursor_;
  index::FieldMask match_fields_;
  index::FieldMask scored_fields_;
  bool check_fields_ = false;  // some postings have the term only outside match_fields_
  float idf_;
  const Bm25f& bm25f_;
  const index::SegmentReader& segment_;
  float max_score_;
  // The bound of the block last asked about, keyed by its last doc.
  uint32_t bound_block_ = kEndDoc;
  float block_bound_ = 0;
};

}  // namespace paperdeck::search
