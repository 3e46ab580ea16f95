#include "index/block_index.h"

namespace paperdeck::index {
namespace {

constexpr uint16_t kUnboundedTf = 0xffff;

uint16_t RoundUpTf(uint32_t tf) { return tf >= kUnboundedTf ? kUnboundedTf : static_cast<uint16_t>(tf); }
uint32_t UnroundTf(uint16_t q) { return q == kUnboundedTf ? UINT32_MAX : q; }
uint16_t RoundDownLength(uint32_t len) { return len > 0xffff ? 0xffff : static_cast<uint16_t>(len); }

}  // namespace

void EncodeBlockEntry(const BlockEntry& e, uint8_t* out) {
  StoreU32(out, e.last_doc);
  StoreU32(out + 4, e.block_offset);
  StoreU32(out + 8, e.positions_offset);
  for (int f = 0; f < kNumFields; ++f) {
    StoreU16(out + 12 + 2 * f, RoundUpTf(e.impact.max_tf[f]));
    StoreU16(out + 12 + 2 * kNumFields + 2 * f, RoundDownLength(e.impact.min_field_length[f]));
    StoreU16(out + 12 + 4 * kNumFields + 2 * f, EncodeNtf(e.impact.max_ntf[f]));
  }
}

void DecodeBlockEntry(const uint8_t* in, BlockEntry* e) {
  e->last_doc = LoadU32(in);
  e->block_offset = LoadU32(in + 4);
  e->positions_offset = LoadU32(in + 8);
  for (int f = 0; f < kNumFields; ++f) {
    e->impact.max_tf[f] = UnroundTf(LoadU16(in + 12 + 2 * f));
    e->impact.min_field_length[f] = LoadU16(in + 12 + 2 * kNumFields + 2 * f);
    e->impact.max_ntf[f] = DecodeNtf(LoadU16(in + 12 + 4 * kNumFields + 2 * f));
  }
}

void EncodeListImpact(const Impact& impact, uint8_t* out) {
  for (int f = 0; f < kNumFields; ++f) {
    StoreU32(out + 4 * f, impact.max_tf[f]);
    StoreU32(out + 4 * kNumFields + 4 * f, impact.min_field_length[f]);
    StoreU16(out + 8 * kNumFields + 2 * f, EncodeNtf(impact.max_ntf[f]));
  }
}

void DecodeListImpact(const uint8_t* in, Impact* impact) {
  for (int f = 0; f < kNumFields; ++f) {
    impact->max_tf[f] = LoadU32(in + 4 * f);
    impact->min_field_length[f] = LoadU32(in + 4 * kNumFields + 4 * f);
    impact->max_ntf[f] = DecodeNtf(LoadU16(in + 8 * kNumFields + 2 * f));
  }
}

}  // namespace paperdeck::index
