#include "index/term_dictionary_writer.h"

#include <algorithm>

#include "index/varint.h"

namespace paperdeck::index {

TermDictionaryWriter::TermDictionaryWriter(FileWriter* out) : out_(out), base_(out->offset()) {}

Status TermDictionaryWriter::Add(std::string_view term, const TermInfo& info) {
  if (term_count_ > 0 && term <= std::string_view(last_term_)) {
    return Status::InvalidArgument("terms out of order in the dictionary");
  }
  const bool first = term_count_ % kTermsPerBlock == 0;
  if (first) {
    PAPERDECK_RETURN_IF_ERROR(FlushBlock());
    if (first_terms_.size() + term.size() > UINT32_MAX) {
      return Status::InvalidArgument("the dictionary's first terms exceed 4 GiB");
    }
    block_offsets_.push_back(out_->offset() - base_);
    first_terms_.append(term);
    first_term_ends_.push_back(static_cast<uint32_t>(first_terms_.size()));
    last_term_.clear();
    last_info_ = TermInfo{};
  }
  size_t shared = 0;
  const size_t limit = std::min(term.size(), last_term_.size());
  while (shared < limit && term[shared] == last_term_[shared]) ++shared;
  PutVarint32(&block_, static_cast<uint32_t>(shared));
  PutVarint32(&block_, static_cast<uint32_t>(term.size() - shared));
  block_.insert(block_.end(), term.begin() + shared, term.end());
  PutVarint32(&block_, info.df);
  PutVarint64(&block_, info.postings_offset - last_info_.postings_offset);
  PutVarint64(&block_, info.positions_offset - last_info_.positions_offset);
  last_term_.assign(term);
  last_info_ = info;
  ++term_count_;
  return Status::Ok();
}

Status TermDictionaryWriter::FlushBlock() {
  if (block_.empty()) return Status::Ok();
  Status s = out_->Append(block_);
  block_.clear();
  return s;
}

Status TermDictionaryWriter::Finish() { return FlushBlock(); }

std::vector<uint8_t> TermDictionaryWriter::IndexSection() const {
  std::vector<uint8_t> out;
  out.reserve(block_offsets_.size() * 12 + 4 + first_terms_.size());
  auto put = [&out](uint64_t v, int bytes) {
    for (int b = 0; b < bytes; ++b) out.push_back(static_cast<uint8_t>(v >> (8 * b)));
  };
  for (uint64_t off : block_offsets_) put(off, 8);
  put(0, 4);
  for (uint32_t end : first_term_ends_) put(end, 4);
  out.insert(out.end(), first_terms_.begin(), first_terms_.end());
  return out;
}

}  // namespace paperdeck::index
