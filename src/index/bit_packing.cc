#include "index/bit_packing.h"

#include <array>
#include <cstring>
#include <utility>

namespace paperdeck::index {
namespace {

inline uint32_t Load32(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
inline void Store32(uint8_t* p, uint32_t v) { std::memcpy(p, &v, 4); }

constexpr uint32_t Mask(int w) { return w == 32 ? ~0u : ((1u << w) - 1); }

// Each lane packs its 32 values in sequence; the bit cursor (word, bits) is the same for all
// four lanes, so the inner lane loop is a straight SIMD operation.
template <int W>
void PackW(const uint32_t* in, uint8_t* out) {
  if constexpr (W == 0) {
    return;
  } else {
    constexpr uint32_t kMask = Mask(W);
    uint32_t acc[4] = {0, 0, 0, 0};
    int bits = 0;
    int word = 0;
#pragma GCC unroll 32
    for (int i = 0; i < 32; ++i) {
      for (int l = 0; l < 4; ++l) acc[l] |= (in[4 * i + l] & kMask) << bits;
      bits += W;
      if (bits >= 32) {
        for (int l = 0; l < 4; ++l) Store32(out + 16 * word + 4 * l, acc[l]);
        ++word;
        bits -= 32;
        for (int l = 0; l < 4; ++l) acc[l] = bits ? (in[4 * i + l] & kMask) >> (W - bits) : 0;
      }
    }
  }
}

template <int W>
void UnpackW(const uint8_t* in, uint32_t* out) {
  if constexpr (W == 0) {
    std::memset(out, 0, sizeof(uint32_t) * kBlockSize);
  } else {
    constexpr uint32_t kMask = Mask(W);
    int bits = 0;
    int word = 0;
#pragma GCC unroll 32
    for (int i = 0; i < 32; ++i) {
      for (int l = 0; l < 4; ++l) {
        uint32_t v = Load32(in + 16 * word + 4 * l) >> bits;
        if (bits + W > 32) v |= Load32(in + 16 * (word + 1) + 4 * l) << (32 - bits);
        out[4 * i + l] = v & kMask;
      }
      bits += W;
      if (bits >= 32) {
        ++word;
        bits -= 32;
      }
    }
  }
}

using PackFn = void (*)(const uint32_t*, uint8_t*);
using UnpackFn = void (*)(const uint8_t*, uint32_t*);

template <size_t... W>
constexpr auto MakePackTable(std::index_sequence<W...>) {
  return std::array<PackFn, sizeof...(W)>{&PackW<static_cast<int>(W)>...};
}
template <size_t... W>
constexpr auto MakeUnpackTable(std::index_sequence<W...>) {
  return std::array<UnpackFn, sizeof...(W)>{&UnpackW<static_cast<int>(W)>...};
}

constexpr auto kPack = MakePackTable(std::make_index_sequence<33>());
constexpr auto kUnpack = MakeUnpackTable(std::make_index_sequence<33>());

}  // namespace

int MaxBitWidth(const uint32_t* values, size_t n) {
  uint32_t acc = 0;
  for (size_t i = 0; i < n; ++i) acc |= values[i];
  return BitWidth(acc);
}

void Pack128(const uint32_t* in, int width, uint8_t* out) { kPack[width](in, out); }

void Unpack128(const uint8_t* in, int width, uint32_t* out) { kUnpack[width](in, out); }

}  // namespace paperdeck::index
