#include "index/term_dictionary_reader.h"

#include <algorithm>
#include <cstring>

#include "index/varint.h"

namespace paperdeck::index {

TermDictionaryReader::TermDictionaryReader(std::span<const uint8_t> blocks,
                                           std::span<const uint8_t> index, uint64_t term_count)
    : blocks_(blocks), index_(index), term_count_(term_count) {}

uint64_t TermDictionaryReader::BlocksFor(uint64_t term_count) {
  return (term_count + kTermsPerBlock - 1) / kTermsPerBlock;
}

uint64_t TermDictionaryReader::MinIndexBytes(uint64_t term_count) {
  const uint64_t blocks = BlocksFor(term_count);
  return blocks * 8 + (blocks + 1) * 4;
}

std::span<const uint8_t> TermDictionaryReader::SearchBytes() const {
  if (!Valid()) return {};
  return index_.subspan(BlocksFor(term_count_) * 8);
}

uint64_t TermDictionaryReader::BlockOffset(uint64_t b) const {
  uint64_t off;
  std::memcpy(&off, index_.data() + 8 * b, 8);
  return off;
}

uint32_t TermDictionaryReader::TermsInBlock(uint64_t b) const {
  uint64_t rest = term_count_ - b * kTermsPerBlock;
  return rest < kTermsPerBlock ? static_cast<uint32_t>(rest) : kTermsPerBlock;
}

std::string_view TermDictionaryReader::FirstTerm(uint64_t b) const {
  const uint64_t blocks = BlocksFor(term_count_);
  const uint8_t* ends = index_.data() + blocks * 8;
  const size_t run_start = blocks * 8 + (blocks + 1) * 4;
  uint32_t begin, end;
  std::memcpy(&begin, ends + 4 * b, 4);
  std::memcpy(&end, ends + 4 * (b + 1), 4);
  if (begin > end || end > index_.size() - run_start) return {};
  return std::string_view(reinterpret_cast<const char*>(index_.data() + run_start + begin),
                          end - begin);
}

bool TermDictionaryReader::IndexMatchesBlocks() const {
  if (!Valid()) return false;
  const uint64_t blocks = BlocksFor(term_count_);
  for (uint64_t b = 0; b < blocks; ++b) {
    Iterator it;
    it.dict_ = this;
    it.LoadBlock(b);
    if (!it.Valid() || it.term() != FirstTerm(b)) return false;
  }
  uint32_t run_end;
  std::memcpy(&run_end, index_.data() + blocks * 8 + blocks * 4, 4);
  return index_.size() == MinIndexBytes(term_count_) + run_end;
}

std::optional<TermInfo> TermDictionaryReader::Find(std::string_view term) const {
  Iterator it = Seek(term);
  if (it.Valid() && it.term() == term) return it.info();
  return std::nullopt;
}

uint64_t TermDictionaryReader::BlockOf(std::string_view term) const {
  uint64_t lo = 0, hi = block_count();  // answer in [lo, hi)
  while (hi - lo > 1) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (FirstTerm(mid) <= term) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return lo;
}

std::span<const uint8_t> TermDictionaryReader::BlocksBetween(std::string_view from,
                                                            std::string_view past) const {
  const uint64_t blocks = block_count();
  if (blocks == 0) return {};
  const uint64_t first = BlockOf(from);
  const uint64_t end = past.empty() ? blocks : BlockOf(past) + 1;
  const uint64_t begin_offset = std::min<uint64_t>(BlockOffset(first), blocks_.size());
  const uint64_t end_offset = end < blocks ? std::min<uint64_t>(BlockOffset(end), blocks_.size())
                                           : blocks_.size();
  if (end_offset <= begin_offset) return {};
  return blocks_.subspan(begin_offset, end_offset - begin_offset);
}

TermDictionaryReader::Iterator TermDictionaryReader::Seek(std::string_view lower_bound) const {
  Iterator it;
  it.dict_ = this;
  if (block_count() == 0) return it;
  it.LoadBlock(BlockOf(lower_bound));
  while (it.Valid() && it.term() < lower_bound) it.Next();
  return it;
}

void TermDictionaryReader::Iterator::LoadBlock(uint64_t block) {
  block_ = block;
  in_block_ = 0;
  valid_ = false;
  if (block >= dict_->block_count()) return;
  uint64_t off = dict_->BlockOffset(block);
  if (off >= dict_->blocks_.size()) {
    corrupt_ = true;
    return;
  }
  block_terms_ = dict_->TermsInBlock(block);
  p_ = dict_->blocks_.data() + off;
  term_.clear();
  info_ = TermInfo{};
  DecodeEntry();
}

void TermDictionaryReader::Iterator::DecodeEntry() {
  const uint8_t* limit = dict_->blocks_.data() + dict_->blocks_.size();
  uint32_t shared, len, df;
  uint64_t dpost, dpos;
  const uint8_t* p = GetVarint32(p_, limit, &shared);
  if (p) p = GetVarint32(p, limit, &len);
  if (p == nullptr || shared > term_.size() || len > static_cast<size_t>(limit - p)) {
    valid_ = false;
    corrupt_ = true;
    return;
  }
  term_.resize(shared);
  term_.append(reinterpret_cast<const char*>(p), len);
  p += len;
  p = GetVarint32(p, limit, &df);
  if (p) p = GetVarint64(p, limit, &dpost);
  if (p) p = GetVarint64(p, limit, &dpos);
  if (p == nullptr) {
    valid_ = false;
    corrupt_ = true;
    return;
  }
  info_.df = df;
  info_.postings_offset += dpost;
  info_.positions_offset += dpos;
  p_ = p;
  ++in_block_;
  valid_ = true;
}

void TermDictionaryReader::Iterator::Next() {
  if (in_block_ < block_terms_) {
    DecodeEntry();
  } else {
    LoadBlock(block_ + 1);
  }
}

}  // namespace paperdeck::index
