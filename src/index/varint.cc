#include "index/varint.h"

#include <bit>
#include <cstring>

namespace paperdeck::index {

void PutVarint32(std::vector<uint8_t>* out, uint32_t v) {
  uint8_t buf[kMaxVarint32Bytes];
  uint8_t* end = EncodeVarint32(buf, v);
  out->insert(out->end(), buf, end);
}

void PutVarint64(std::vector<uint8_t>* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<uint8_t>(v));
}

const uint8_t* GetVarint32Slow(const uint8_t* p, const uint8_t* limit, uint32_t* v) {
  uint32_t result = 0;
  for (int shift = 0; shift <= 28 && p < limit; shift += 7) {
    uint32_t byte = *p++;
    if (shift == 28 && byte > 0x0f) return nullptr;  // more than 32 bits
    result |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      *v = result;
      return p;
    }
  }
  return nullptr;
}

const uint8_t* GetVarint64(const uint8_t* p, const uint8_t* limit, uint64_t* v) {
  uint64_t result = 0;
  for (int shift = 0; shift <= 63 && p < limit; shift += 7) {
    uint64_t byte = *p++;
    if (shift == 63 && byte > 1) return nullptr;
    result |= (byte & 0x7f) << shift;
    if (byte < 0x80) {
      *v = result;
      return p;
    }
  }
  return nullptr;
}

const uint8_t* SkipVarints(const uint8_t* p, const uint8_t* limit, uint64_t n) {
  // A varint ends at each byte with the high bit clear: count those, eight bytes at a time while
  // all eight end fewer than n varints.
  while (n > 0 && limit - p >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    const auto ends = static_cast<uint64_t>(std::popcount(~word & 0x8080808080808080ull));
    if (ends >= n) break;
    n -= ends;
    p += 8;
  }
  while (n > 0 && p < limit) {
    if (*p++ < 0x80) --n;
  }
  return p;
}

}  // namespace paperdeck::index
