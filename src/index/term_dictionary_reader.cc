#include "index/term_dictionary_reader.h"

#include <cstring>

#include "index/varint.h"

namespace paperdeck::index {

TermDictionaryReader::TermDictionaryReader(std::span<const uint8_t> blocks,
                                           std::span<const uint8_t> index, uint64_t term_count)
    : blocks_(blocks), index_(index), term_count_(term_count) {}

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
  uint64_t off = BlockOffset(b);
  if (off >= blocks_.size()) return {};
  const uint8_t* p = blocks_.data() + off;
  const uint8_t* limit = blocks_.data() + blocks_.size();
  uint32_t shared, len;
  p = GetVarint32(p, limit, &shared);
  if (p == nullptr || shared != 0) return {};
  p = GetVarint32(p, limit, &len);
  if (p == nullptr || len > static_cast<size_t>(limit - p)) return {};
  return std::string_view(reinterpret_cast<const char*>(p), len);
}

std::optional<TermInfo> TermDictionaryReader::Find(std::string_view term) const {
  Iterator it = Seek(term);
  if (it.Valid() && it.term() == term) return it.info();
  return std::nullopt;
}

TermDictionaryReader::Iterator TermDictionaryReader::Seek(std::string_view lower_bound) const {
  Iterator it;
  it.dict_ = this;
  const uint64_t nblocks = block_count();
  if (nblocks == 0) return it;
  // The last block whose first term <= lower_bound (block 0 if none is).
  uint64_t lo = 0, hi = nblocks;  // answer in [lo, hi)
  while (hi - lo > 1) {
    uint64_t mid = lo + (hi - lo) / 2;
    if (FirstTerm(mid) <= lower_bound) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  it.LoadBlock(lo);
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
