#include "index/stem_form_cursor.h"

#include <utility>

#include "index/field.h"
#include "index/term_dictionary_reader.h"

namespace paperdeck::index {

std::unique_ptr<StemFormCursor> StemFormCursor::Open(const SegmentReader& segment,
                                                     std::string_view stem) {
  std::unique_ptr<SegmentPostingCursor> cursor = segment.Postings(stem);
  if (!cursor) return nullptr;
  std::vector<std::unique_ptr<SegmentPostingCursor>> others;
  const std::string range = ExactFormRange(stem);
  for (auto it = segment.dictionary().Seek(range); it.Valid(); it.Next()) {
    if (!it.term().starts_with(range)) break;
    if (std::unique_ptr<SegmentPostingCursor> other = segment.Postings(it.term())) {
      others.push_back(std::move(other));
    }
  }
  return std::make_unique<StemFormCursor>(std::move(cursor), std::move(others));
}

StemFormCursor::StemFormCursor(std::unique_ptr<SegmentPostingCursor> stem,
                               std::vector<std::unique_ptr<SegmentPostingCursor>> others)
    : stem_(std::move(stem)), others_(std::move(others)) {
  Settle();
}

void StemFormCursor::Settle() {
  for (;;) {
    const uint32_t d = stem_->doc();
    if (d == kEndDoc) {
      doc_ = kEndDoc;
      return;
    }
    stem_->tfs(tf_);
    uint32_t other[kNumFields];
    for (const auto& o : others_) {
      o->NextGeq(d);
      if (o->doc() != d) continue;
      o->tfs(other);
      for (int f = 0; f < kNumFields; ++f) tf_[f] = tf_[f] > other[f] ? tf_[f] - other[f] : 0;
    }
    for (int f = 0; f < kNumFields; ++f) {
      if (tf_[f] > 0) {
        doc_ = d;
        return;
      }
    }
    stem_->Next();
  }
}

uint32_t StemFormDocFreq(const SegmentReader& segment, std::string_view stem) {
  std::unique_ptr<StemFormCursor> cursor = StemFormCursor::Open(segment, stem);
  if (!cursor) return 0;
  uint32_t df = 0;
  for (; cursor->doc() != kEndDoc; cursor->Next()) ++df;
  return df;
}

}  // namespace paperdeck::index
