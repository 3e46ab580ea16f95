// Varint: LEB128 unsigned integers (7 bits a byte, low bits first, high bit = more follows), the
// codec of everything small and irregular in a segment: tail blocks, positions, the term
// dictionary. Decoders take a limit and never read past it.
//
// Threading: free functions over caller-owned memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace paperdeck::index {

inline constexpr int kMaxVarint32Bytes = 5;
inline constexpr int kMaxVarint64Bytes = 10;

void PutVarint32(std::vector<uint8_t>* out, uint32_t v);
void PutVarint64(std::vector<uint8_t>* out, uint64_t v);

// Writes v at p (which must have kMaxVarint32Bytes of room); returns the byte after it.
inline uint8_t* EncodeVarint32(uint8_t* p, uint32_t v) {
  while (v >= 0x80) {
    *p++ = static_cast<uint8_t>(v | 0x80);
    v >>= 7;
  }
  *p++ = static_cast<uint8_t>(v);
  return p;
}

// Reads one varint from [p, limit) into *v; returns the byte after it, or nullptr when the
// bytes end before the varint does or it overflows.
const uint8_t* GetVarint32Slow(const uint8_t* p, const uint8_t* limit, uint32_t* v);
inline const uint8_t* GetVarint32(const uint8_t* p, const uint8_t* limit, uint32_t* v) {
  if (p < limit && *p < 0x80) {  // most varints in an index are one byte
    *v = *p;
    return p + 1;
  }
  return GetVarint32Slow(p, limit, v);
}
const uint8_t* GetVarint64(const uint8_t* p, const uint8_t* limit, uint64_t* v);

// Skips n varints in [p, limit); returns the byte after the last, or limit if they run out.
const uint8_t* SkipVarints(const uint8_t* p, const uint8_t* limit, uint64_t n);

}  // namespace paperdeck::index
