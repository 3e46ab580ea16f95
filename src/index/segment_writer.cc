#include "index/segment_writer.h"

#include <algorithm>
#include <numeric>
#include <string>

#include "index/posting_block.h"
#include "index/posting_list_writer.h"
#include "index/segment_file_writer.h"
#include "index/varint.h"

namespace paperdeck::index {
namespace {

// An occurrence packs (term id << 32) | (field << 29) | position, so sorting groups a document's
// occurrences by term, then field, then position.
constexpr uint32_t kPositionBits = 29;
constexpr uint32_t kMaxPosition = (1u << kPositionBits) - 1;
constexpr uint64_t kKeywordField = kNumFields;  // category terms: no text field

uint64_t Occurrence(uint32_t term, uint64_t field, uint32_t position) {
  return (uint64_t{term} << 32) | (field << kPositionBits) | position;
}

}  // namespace

uint32_t SegmentWriter::Add(const AnalyzedDocument& doc) {
  const uint32_t doc_id = columns_.size();
  occurrences_.clear();
  std::string term;
  for (int f = 0; f < kNumFields; ++f) {
    for (const text::Token& t : doc.fields[f]) {
      if (t.term.empty() || t.term.size() > TermInterner::kMaxTermBytes || t.position > kMaxPosition) {
        continue;
      }
      occurrences_.push_back(Occurrence(terms_.Intern(t.term), f, t.position));
      if (t.form != t.term) {
        // The exact form counts per field like its stem; its positions only tell the word's
        // occurrences apart and are not written. A form equal to its stem is what the stem's
        // other forms leave of it (field.h); a token with no form is one of those others.
        term = ExactFormTerm(t.term, t.form);
        occurrences_.push_back(Occurrence(terms_.Intern(term), f, t.position));
      }
    }
  }
  for (std::string_view c : doc.categories) {
    term = CategoryTerm(c);
    occurrences_.push_back(Occurrence(terms_.Intern(term), kKeywordField, 0));
    const size_t dot = c.find('.');
    if (dot != std::string_view::npos) {
      term = CategoryTerm(c.substr(0, dot));
      occurrences_.push_back(Occurrence(terms_.Intern(term), kKeywordField, 0));
    }
  }
  if (postings_.size() < terms_.size()) postings_.resize(terms_.size());
  std::sort(occurrences_.begin(), occurrences_.end());
  occurrences_.erase(std::unique(occurrences_.begin(), occurrences_.end()), occurrences_.end());

  // The terms' states and stream tails are scattered over memory: ask for them all before
  // writing to any, so the cache misses overlap instead of queueing.
  for (size_t i = 0; i < occurrences_.size(); ++i) {
    if (i == 0 || (occurrences_[i] >> 32) != (occurrences_[i - 1] >> 32)) {
      __builtin_prefetch(&postings_[occurrences_[i] >> 32], 1);
    }
  }
  for (size_t i = 0; i < occurrences_.size(); ++i) {
    if (i == 0 || (occurrences_[i] >> 32) != (occurrences_[i - 1] >> 32)) {
      pool_.Prefetch(postings_[occurrences_[i] >> 32].stream);
    }
  }

  // Per term: gap, field mask, tf per field in the mask, then positions (field by field, the
  // first absolute and the rest as differences): the segment's positions encoding.
  for (size_t i = 0; i < occurrences_.size();) {
    const auto id = static_cast<uint32_t>(occurrences_[i] >> 32);
    size_t end = i;
    uint32_t tf[kNumFields + 1] = {};
    while (end < occurrences_.size() && (occurrences_[end] >> 32) == id) {
      ++tf[(occurrences_[end] >> kPositionBits) & 7];
      ++end;
    }
    TermPostings& p = postings_[id];
    pool_.WriteVarint(&p.stream, doc_id - p.last_doc - 1);
    uint8_t mask = 0;
    for (int f = 0; f < kNumFields; ++f) {
      if (tf[f] > 0) mask |= static_cast<uint8_t>(1u << f);
    }
    pool_.Write(&p.stream, mask);
    for (int f = 0; f < kNumFields; ++f) {
      if (tf[f] > 0) pool_.WriteVarint(&p.stream, tf[f]);
    }
    uint64_t prev_field = kKeywordField + 1;
    uint32_t prev_position = 0;
    const bool positional = !IsExactFormTerm(terms_.term(id));
    for (size_t k = i; positional && k < end; ++k) {
      const uint64_t field = (occurrences_[k] >> kPositionBits) & 7;
      if (field == kKeywordField) continue;
      const auto position = static_cast<uint32_t>(occurrences_[k] & kMaxPosition);
      pool_.WriteVarint(&p.stream, field == prev_field ? position - prev_position : position);
      prev_field = field;
      prev_position = position;
    }
    p.last_doc = doc_id;
    ++p.df;
    ++posting_count_;
    if (positional) position_count_ += end - i;
    i = end;
  }
  columns_.Add(doc.values, doc.categories);
  return doc_id;
}

size_t SegmentWriter::memory_bytes() const {
  return terms_.memory_bytes() + pool_.memory_bytes() +
         postings_.capacity() * sizeof(TermPostings) + columns_.memory_bytes() +
         occurrences_.capacity() * sizeof(uint64_t);
}

uint64_t SegmentWriter::EstimatedDiskBytes() const {
  // Bytes per item, each at or above what the segment's encodings took in segments of short and
  // long posting lists, few and many terms (tests/index/disk_space_test.cc): bit-packed doc gaps
  // and term frequencies with a block index per list; varint position gaps; front-coded terms
  // (the arena holds each term and 6 bytes) with their counts and offsets; columns and key index.
  constexpr uint64_t kPostingBytes = 3;
  constexpr uint64_t kListBytes = 8;      // per term, in the postings
  constexpr uint64_t kPositionBytes = 2;
  constexpr uint64_t kEntryBytes = 2;     // per term, in the dictionary, besides the arena's
  constexpr uint64_t kDocumentBytes = 96;
  constexpr uint64_t kFixedBytes = 64 << 10;  // header, footer, padding, category table
  const uint64_t positions = position_count_ * kPositionBytes;
  const uint64_t dictionary = terms_.arena_bytes() + terms_.size() * kEntryBytes;
  const uint64_t file = posting_count_ * kPostingBytes + terms_.size() * kListBytes + positions +
                        dictionary + uint64_t{doc_count()} * kDocumentBytes + kFixedBytes;
  // The positions and the dictionary are spooled beside the file, then copied into it.
  return file + positions + dictionary;
}

Status SegmentWriter::WriteSegment(const std::filesystem::path& path,
                                   uint32_t bitmap_min_docs) const {
  std::vector<uint32_t> order(terms_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return terms_.term(a) < terms_.term(b); });

  auto file = SegmentFileWriter::Create(path, bitmap_min_docs);
  if (!file.ok()) return file.status();
  PostingListWriter list(columns_.average_field_lengths());
  std::vector<uint8_t> positions;
  for (uint32_t id : order) {
    const TermPostings& p = postings_[id];
    list.Reset();
    ByteSlicePool::Reader in(pool_, p.stream);
    const bool positional = !IsExactFormTerm(terms_.term(id));
    uint32_t doc = kNoPrevDoc;
    for (uint32_t k = 0; k < p.df; ++k) {
      doc += in.ReadVarint() + 1;
      const uint8_t mask = in.ReadByte();
      uint32_t tf[kNumFields] = {};
      uint64_t total = 0;
      for (int f = 0; f < kNumFields; ++f) {
        if (mask & (1u << f)) {
          tf[f] = in.ReadVarint();
          total += tf[f];
        }
      }
      positions.clear();
      if (positional) {
        for (uint64_t j = 0; j < total; ++j) PutVarint32(&positions, in.ReadVarint());
      }
      uint32_t length[kNumFields];
      for (int f = 0; f < kNumFields; ++f) length[f] = columns_.field_length(doc, f);
      list.Add(doc, tf, length, positions);
    }
    PAPERDECK_RETURN_IF_ERROR(list.Finish());
    PAPERDECK_RETURN_IF_ERROR(file.value()->AddTerm(terms_.term(id), list));
  }
  return file.value()->Finish(columns_);
}

void SegmentWriter::Clear() {
  terms_.Clear();
  pool_.Clear();
  postings_.clear();
  postings_.shrink_to_fit();
  columns_.Clear();
  occurrences_.clear();
  posting_count_ = 0;
  position_count_ = 0;
}

}  // namespace paperdeck::index
