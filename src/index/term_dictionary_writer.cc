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
    block_offsets_.push_back(out_->offset() - base_);
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

}  // namespace paperdeck::index
