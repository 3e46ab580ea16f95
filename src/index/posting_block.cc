#include "index/posting_block.h"

#include <cstring>

#include "index/varint.h"

namespace paperdeck::index {

void EncodeBlock(const BlockBuffer& block, int n, uint32_t prev, std::vector<uint8_t>* out) {
  uint32_t gaps[kBlockSize];
  for (int i = 0; i < n; ++i) {
    gaps[i] = block.docs[i] - prev - 1;
    prev = block.docs[i];
  }
  if (n == kBlockSize) {
    const int doc_width = MaxBitWidth(gaps, kBlockSize);
    int tf_width[kNumFields];
    size_t bytes = 1 + kNumFields + PackedBytes(doc_width);
    for (int f = 0; f < kNumFields; ++f) {
      tf_width[f] = MaxBitWidth(block.tf[f], kBlockSize);
      bytes += PackedBytes(tf_width[f]);
    }
    size_t at = out->size();
    out->resize(at + bytes);
    uint8_t* p = out->data() + at;
    *p++ = static_cast<uint8_t>(doc_width);
    for (int f = 0; f < kNumFields; ++f) *p++ = static_cast<uint8_t>(tf_width[f]);
    Pack128(gaps, doc_width, p);
    p += PackedBytes(doc_width);
    for (int f = 0; f < kNumFields; ++f) {
      Pack128(block.tf[f], tf_width[f], p);
      p += PackedBytes(tf_width[f]);
    }
    return;
  }
  uint8_t mask = 0;
  for (int f = 0; f < kNumFields; ++f) {
    for (int i = 0; i < n; ++i) {
      if (block.tf[f][i] != 0) {
        mask |= static_cast<uint8_t>(1u << f);
        break;
      }
    }
  }
  out->push_back(mask);
  for (int i = 0; i < n; ++i) PutVarint32(out, gaps[i]);
  for (int f = 0; f < kNumFields; ++f) {
    if (mask & (1u << f)) {
      for (int i = 0; i < n; ++i) PutVarint32(out, block.tf[f][i]);
    }
  }
}

bool ParsePackedBlock(const uint8_t* p, const uint8_t* limit, PackedBlockView* view) {
  if (limit - p < 1 + kNumFields) return false;
  view->doc_width = p[0];
  size_t bytes = 1 + kNumFields;
  if (view->doc_width > 32) return false;
  bytes += PackedBytes(view->doc_width);
  for (int f = 0; f < kNumFields; ++f) {
    view->tf_width[f] = p[1 + f];
    if (view->tf_width[f] > 32) return false;
    bytes += PackedBytes(view->tf_width[f]);
  }
  if (static_cast<size_t>(limit - p) < bytes) return false;
  const uint8_t* q = p + 1 + kNumFields;
  view->doc_data = q;
  q += PackedBytes(view->doc_width);
  for (int f = 0; f < kNumFields; ++f) {
    view->tf_data[f] = q;
    q += PackedBytes(view->tf_width[f]);
  }
  view->end = q;
  return true;
}

void DecodePackedDocs(const PackedBlockView& view, uint32_t prev, uint32_t* docs) {
  Unpack128(view.doc_data, view.doc_width, docs);
  uint32_t d = prev;
  for (int i = 0; i < kBlockSize; ++i) {
    d += docs[i] + 1;
    docs[i] = d;
  }
}

const uint8_t* DecodeTailBlock(const uint8_t* p, const uint8_t* limit, int n, uint32_t prev,
                               BlockBuffer* block) {
  if (p >= limit) return nullptr;
  const uint8_t mask = *p++;
  if (mask >> kNumFields) return nullptr;
  uint32_t d = prev;
  for (int i = 0; i < n; ++i) {
    uint32_t gap;
    p = GetVarint32(p, limit, &gap);
    if (p == nullptr) return nullptr;
    d += gap + 1;
    block->docs[i] = d;
  }
  for (int f = 0; f < kNumFields; ++f) {
    if (mask & (1u << f)) {
      for (int i = 0; i < n; ++i) {
        p = GetVarint32(p, limit, &block->tf[f][i]);
        if (p == nullptr) return nullptr;
      }
    } else {
      std::memset(block->tf[f], 0, sizeof(uint32_t) * n);
    }
  }
  return p;
}

}  // namespace paperdeck::index
