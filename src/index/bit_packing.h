// Bit packing of 128 unsigned 32-bit integers at a fixed width of 0..32 bits: the codec of full
// posting blocks (doc-id gaps and term frequencies).
//
// Layout (the "vertical" 4-lane layout of SIMD-BP128): the 128 values are four interleaved lanes
// (value i belongs to lane i % 4); each lane's 32 values are packed low bits first into `width`
// 32-bit words, and word j of lane l is stored as little-endian word 4*j + l. A packed block is
// therefore exactly 16 * width bytes, and one SIMD register (4 x 32 bits) holds word j of every
// lane, so a vectorised decoder shifts and masks four values per instruction. The scalar code
// below is written with the lane loop innermost so compilers vectorise it as is.
//
// Threading: free functions over caller-owned memory. Packed data needs no alignment.
#pragma once

#include <cstddef>
#include <cstdint>

namespace paperdeck::index {

inline constexpr int kBlockSize = 128;

// Bytes of a packed block at width bits.
inline constexpr size_t PackedBytes(int width) { return static_cast<size_t>(width) * 16; }

// The number of bits needed for v (0 for 0).
inline int BitWidth(uint32_t v) { return v == 0 ? 0 : 32 - __builtin_clz(v); }
// The width needed for every one of n values.
int MaxBitWidth(const uint32_t* values, size_t n);

// Packs in[0..127] (each < 2^width) into out[0 .. PackedBytes(width)). REQUIRES: 0 <= width <= 32.
void Pack128(const uint32_t* in, int width, uint8_t* out);
// Unpacks PackedBytes(width) bytes at in into out[0..127].
void Unpack128(const uint8_t* in, int width, uint32_t* out);

}  // namespace paperdeck::index
