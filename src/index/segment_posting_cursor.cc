#include "index/segment_posting_cursor.h"

#include <algorithm>

#include "index/segment_file.h"
#include "index/varint.h"

namespace paperdeck::index {

SegmentPostingCursor::SegmentPostingCursor(const SegmentFile& segment, const TermInfo& info)
    : segment_(&segment) {
  std::span<const uint8_t> postings = segment.section(Section::kPostings);
  std::span<const uint8_t> positions = segment.section(Section::kPositions);
  postings_limit_ = postings.data() + postings.size();
  positions_limit_ = positions.data() + positions.size();
  df_ = info.df;
  num_blocks_ = (df_ + kBlockSize - 1) / kBlockSize;
  if (df_ == 0 || info.postings_offset >= postings.size() ||
      info.positions_offset > positions.size()) {
    corrupt_ = df_ != 0;
    End();
    return;
  }
  const uint8_t* p = postings.data() + info.postings_offset;
  positions_ = positions.data() + info.positions_offset;
  if (num_blocks_ > 1) {
    const size_t index_bytes = kListImpactBytes + size_t{num_blocks_} * kBlockEntryBytes;
    if (static_cast<size_t>(postings_limit_ - p) < index_bytes) {
      corrupt_ = true;
      End();
      return;
    }
    DecodeListImpact(p, &list_impact_);
    entries_ = p + kListImpactBytes;
    blocks_ = p + index_bytes;
    // A long list is about to be walked: ask for all of it in one go rather than a page fault
    // at a time (the mapping reads no more than the faulting page). Its end is the last
    // block's start plus at most one block.
    if (num_blocks_ > kWillNeedBlocks) {
      BlockEntry last;
      DecodeBlockEntry(entries_ + size_t{num_blocks_ - 1} * kBlockEntryBytes, &last);
      segment.WillNeed(p, index_bytes + last.block_offset + kMaxBlockBytes);
    }
  } else {
    blocks_ = p;
  }
  LoadBlock(0);
  if (num_blocks_ == 1 && doc_ != kEndDoc) {
    ImpactAccumulator acc;
    if (!tf_decoded_) DecodeTfs();
    std::array<double, kNumFields> avg{};
    for (int f = 0; f < kNumFields; ++f) {
      avg[f] = static_cast<double>(segment.total_field_length(f)) / segment.doc_count();
    }
    for (int i = 0; i < n_; ++i) {
      uint32_t tf[kNumFields], len[kNumFields];
      float ntf[kNumFields];
      for (int f = 0; f < kNumFields; ++f) {
        tf[f] = buf_.tf[f][i];
        len[f] = segment.field_length(buf_.docs[i], f);
        // Computed as the writer computes it, then rounded up as the writer stores it.
        ntf[f] = DecodeNtf(EncodeNtf(NormalizedTf(tf[f], len[f], avg[f])));
      }
      acc.Add(tf, len, ntf);
    }
    list_impact_ = acc.impact();
    shallow_impact_ = list_impact_;
  }
}

void SegmentPostingCursor::WillReadPositions(std::span<const uint32_t> docs) const {
  if (positions_ == nullptr || num_blocks_ == 0) return;
  // The last block's positions end where the next list's begin, which the cursor does not know:
  // ask for this much of them (a hint; a block's positions are rarely longer).
  constexpr size_t kLastBlockBytes = 16 * 1024;
  auto ask = [this](const uint8_t* begin, const uint8_t* end) {
    if (begin < end && end <= positions_limit_) segment_->WillNeed(begin, end - begin);
  };
  if (entries_ == nullptr) {
    ask(positions_, std::min(positions_limit_, positions_ + kLastBlockBytes));
    return;
  }
  auto start = [this](uint32_t b) {
    BlockEntry e;
    DecodeBlockEntry(entries_ + size_t{b} * kBlockEntryBytes, &e);
    return positions_ + e.positions_offset;
  };
  uint32_t b = 0;
  uint32_t asked = num_blocks_;  // the last block asked for
  for (uint32_t doc : docs) {
    b = FindBlock(b, doc);
    if (b == num_blocks_) break;
    if (b == asked) continue;
    asked = b;
    const uint8_t* begin = start(b);
    ask(begin, b + 1 < num_blocks_ ? start(b + 1)
                                   : std::min(positions_limit_, begin + kLastBlockBytes));
  }
}

uint32_t SegmentPostingCursor::LastDocOfBlock(uint32_t b) const {
  return BlockEntryLastDoc(entries_, b);
}

void SegmentPostingCursor::End() {
  doc_ = kEndDoc;
  n_ = 0;
  i_ = 0;
  block_ = num_blocks_;
  shallow_ = num_blocks_;
  shallow_last_ = kEndDoc;
  shallow_impact_ = Impact{};
}

void SegmentPostingCursor::LoadBlock(uint32_t b) {
  block_ = b;
  i_ = 0;
  tf_decoded_ = false;
  const bool last = b + 1 == num_blocks_;
  n_ = last ? static_cast<int>(df_ - (num_blocks_ - 1) * kBlockSize) : kBlockSize;
  const uint32_t prev = b == 0 ? kNoPrevDoc : LastDocOfBlock(b - 1);
  const uint8_t* p = blocks_;
  pos_ptr_ = positions_;
  if (entries_ != nullptr) {
    BlockEntry e;
    DecodeBlockEntry(entries_ + size_t{b} * kBlockEntryBytes, &e);
    p += e.block_offset;
    pos_ptr_ += e.positions_offset;
    if (p >= postings_limit_ || pos_ptr_ > positions_limit_) {
      corrupt_ = true;
      End();
      return;
    }
  }
  pos_index_ = 0;
  packed_ = n_ == kBlockSize;
  if (packed_) {
    if (!ParsePackedBlock(p, postings_limit_, &view_)) {
      corrupt_ = true;
      End();
      return;
    }
    DecodePackedDocs(view_, prev, buf_.docs);
  } else {
    if (DecodeTailBlock(p, postings_limit_, n_, prev, &buf_) == nullptr) {
      corrupt_ = true;
      End();
      return;
    }
    tf_decoded_ = true;
  }
  doc_ = buf_.docs[0];
  SetShallow(b);
}

void SegmentPostingCursor::DecodeTfs() const {
  for (int f = 0; f < kNumFields; ++f) DecodePackedTf(view_, f, buf_.tf[f]);
  tf_decoded_ = true;
}

void SegmentPostingCursor::SetShallow(uint32_t b) {
  shallow_ = b;
  if (b >= num_blocks_) {
    shallow_last_ = kEndDoc;
    shallow_impact_ = Impact{};
  } else if (entries_ == nullptr) {
    shallow_last_ = b == block_ && doc_ != kEndDoc ? buf_.docs[n_ - 1] : kEndDoc;
    shallow_impact_ = list_impact_;
  } else {
    BlockEntry e;
    DecodeBlockEntry(entries_ + size_t{b} * kBlockEntryBytes, &e);
    shallow_last_ = e.last_doc;
    shallow_impact_ = e.impact;
  }
}

void SegmentPostingCursor::NextBlock() {
  if (block_ + 1 < num_blocks_) {
    LoadBlock(block_ + 1);
  } else {
    End();
  }
}

uint32_t SegmentPostingCursor::FindBlock(uint32_t from, uint32_t target) const {
  if (from >= num_blocks_ || LastDocOfBlock(from) >= target) return from;
  // Gallop: last(lo) < target, then binary search (lo, hi].
  uint32_t lo = from;
  uint32_t step = 1;
  uint32_t hi = from + 1;
  while (hi < num_blocks_ && LastDocOfBlock(hi) < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > num_blocks_) hi = num_blocks_;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (LastDocOfBlock(mid) < target) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return hi;
}

void SegmentPostingCursor::SeekBeyond(uint32_t target) {
  if (target > buf_.docs[n_ - 1]) {
    if (entries_ == nullptr) {
      End();
      return;
    }
    const uint32_t b = FindBlock(block_ + 1, target);
    if (b >= num_blocks_) {
      End();
      return;
    }
    LoadBlock(b);
    if (doc_ == kEndDoc) return;
  } else if (shallow_ != block_) {
    SetShallow(block_);
  }
  // The block's last doc is >= target, so this stops inside the block.
  while (buf_.docs[i_] < target) ++i_;
  doc_ = buf_.docs[i_];
}

void SegmentPostingCursor::ShallowAdvance(uint32_t target) {
  if (shallow_ >= num_blocks_ || shallow_last_ >= target) return;
  if (entries_ == nullptr) {
    SetShallow(num_blocks_);
    return;
  }
  SetShallow(FindBlock(shallow_, target));
}

void SegmentPostingCursor::SeekPositions() {
  if (!tf_decoded_) DecodeTfs();
  uint64_t skip = 0;
  for (int j = pos_index_; j < i_; ++j) {
    for (int f = 0; f < kNumFields; ++f) skip += buf_.tf[f][j];
  }
  pos_ptr_ = SkipVarints(pos_ptr_, positions_limit_, skip);
  pos_index_ = i_;
}

void SegmentPostingCursor::Positions(Field field, std::vector<uint32_t>* out) {
  out->clear();
  SeekPositions();
  const int f = static_cast<int>(field);
  uint64_t before = 0;
  for (int g = 0; g < f; ++g) before += buf_.tf[g][i_];
  const uint8_t* p = SkipVarints(pos_ptr_, positions_limit_, before);
  uint32_t pos = 0;
  for (uint32_t k = 0, n = buf_.tf[f][i_]; k < n; ++k) {
    uint32_t delta;
    p = GetVarint32(p, positions_limit_, &delta);
    if (p == nullptr) {
      corrupt_ = true;
      return;
    }
    pos = k == 0 ? delta : pos + delta;
    out->push_back(pos);
  }
}

std::span<const uint8_t> SegmentPostingCursor::RawPositions() {
  SeekPositions();
  uint64_t count = 0;
  for (int f = 0; f < kNumFields; ++f) count += buf_.tf[f][i_];
  const uint8_t* end = SkipVarints(pos_ptr_, positions_limit_, count);
  return {pos_ptr_, static_cast<size_t>(end - pos_ptr_)};
}

}  // namespace paperdeck::index
