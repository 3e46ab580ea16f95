// StemFormCursor: the postings of a word's exact form when the form is its own stem (`model`),
// which the dictionary does not hold (index/field.h): the stem's postings, each field's tf less
// the sum of that field's tfs over the stem's other forms (the range ExactFormRange(stem)),
// where something is left. Block and list impacts are the stem's, which bound what is left.
//
// Threading: one thread; the segment must outlive the cursor.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "index/posting_cursor.h"
#include "index/segment_posting_cursor.h"
#include "index/segment_reader.h"

namespace paperdeck::index {

class StemFormCursor final : public PostingCursor {
 public:
  // The cursor of the form equal to stem in segment, or nullptr when the segment lacks the stem.
  static std::unique_ptr<StemFormCursor> Open(const SegmentReader& segment, std::string_view stem);

  StemFormCursor(std::unique_ptr<SegmentPostingCursor> stem,
                 std::vector<std::unique_ptr<SegmentPostingCursor>> others);

  uint32_t doc() const override { return doc_; }
  void Next() override {
    stem_->Next();
    Settle();
  }
  void NextGeq(uint32_t target) override {
    if (target <= doc_) return;
    stem_->NextGeq(target);
    Settle();
  }
  uint32_t tf(Field f) const override { return tf_[static_cast<int>(f)]; }
  void tfs(uint32_t out[kNumFields]) const override {
    for (int f = 0; f < kNumFields; ++f) out[f] = tf_[f];
  }
  // Exact forms have no positions: out is left empty.
  void Positions(Field, std::vector<uint32_t>* out) override { out->clear(); }
  // The stem's document frequency: a bound, for costs.
  uint32_t size() const override { return stem_->size(); }
  uint32_t block_last_doc() const override { return stem_->block_last_doc(); }
  const Impact& block_impact() const override { return stem_->block_impact(); }
  void ShallowAdvance(uint32_t target) override { stem_->ShallowAdvance(target); }
  const Impact& list_impact() const override { return stem_->list_impact(); }

 private:
  // From the stem's posting, forward to the first one something is left of.
  void Settle();

  std::unique_ptr<SegmentPostingCursor> stem_;
  std::vector<std::unique_ptr<SegmentPostingCursor>> others_;
  uint32_t doc_ = kEndDoc;
  uint32_t tf_[kNumFields] = {};
};

// The segment's document frequency of the form equal to stem: a walk of the stem's postings and
// its other forms'.
uint32_t StemFormDocFreq(const SegmentReader& segment, std::string_view stem);

}  // namespace paperdeck::index
