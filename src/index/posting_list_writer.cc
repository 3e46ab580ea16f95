#include "index/posting_list_writer.h"

#include <cstring>
#include <limits>

namespace paperdeck::index {

void PostingListWriter::Reset() {
  n_ = 0;
  df_ = 0;
  last_doc_ = kNoPrevDoc;
  prev_block_last_ = kNoPrevDoc;
  block_positions_start_ = 0;
  block_impact_.Reset();
  list_impact_.Reset();
  entries_.clear();
  blocks_.clear();
  postings_.clear();
  positions_.clear();
  bitmap_docs_.clear();
  overflow_ = false;
}

void PostingListWriter::Add(uint32_t doc, const uint32_t tf[kNumFields],
                            const uint32_t field_length[kNumFields],
                            std::span<const uint8_t> positions) {
  if (n_ == 0) block_positions_start_ = positions_.size();
  block_.docs[n_] = doc;
  if (InTermBitmap(tf)) bitmap_docs_.push_back(doc);
  for (int f = 0; f < kNumFields; ++f) block_.tf[f][n_] = tf[f];
  float ntf[kNumFields];
  for (int f = 0; f < kNumFields; ++f) {
    ntf[f] = NormalizedTf(tf[f], field_length[f], average_field_length_[f]);
  }
  block_impact_.Add(tf, field_length, ntf);
  list_impact_.Add(tf, field_length, ntf);
  positions_.insert(positions_.end(), positions.begin(), positions.end());
  ++n_;
  ++df_;
  last_doc_ = doc;
  if (n_ == kBlockSize) FlushBlock();
}

void PostingListWriter::FlushBlock() {
  constexpr size_t kMax32 = std::numeric_limits<uint32_t>::max();
  if (blocks_.size() > kMax32 || block_positions_start_ > kMax32) overflow_ = true;
  BlockEntry e;
  e.last_doc = block_.docs[n_ - 1];
  e.block_offset = static_cast<uint32_t>(blocks_.size());
  e.positions_offset = static_cast<uint32_t>(block_positions_start_);
  e.impact = block_impact_.impact();
  entries_.push_back(e);
  EncodeBlock(block_, n_, prev_block_last_, &blocks_);
  prev_block_last_ = e.last_doc;
  n_ = 0;
  block_impact_.Reset();
}

Status PostingListWriter::Finish() {
  if (n_ > 0) FlushBlock();
  if (overflow_) return Status::InvalidArgument("a term's postings outgrow 4 GiB in one segment");
  postings_.clear();
  if (entries_.size() <= 1) {
    postings_.swap(blocks_);
    return Status::Ok();
  }
  postings_.resize(kListImpactBytes + entries_.size() * kBlockEntryBytes);
  EncodeListImpact(list_impact_.impact(), postings_.data());
  uint8_t* p = postings_.data() + kListImpactBytes;
  for (const BlockEntry& e : entries_) {
    EncodeBlockEntry(e, p);
    p += kBlockEntryBytes;
  }
  postings_.insert(postings_.end(), blocks_.begin(), blocks_.end());
  return Status::Ok();
}

}  // namespace paperdeck::index
