// CRC-32C (Castagnoli): the checksum of segment files, deletion files and the manifest. Uses the
// SSE4.2 crc32 instruction when the CPU has it, else a slicing-by-8 table.
//
// Threading: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>

namespace paperdeck::index {

// Extends crc (the value for the bytes so far; 0 for none) with n more bytes.
uint32_t Crc32cExtend(uint32_t crc, const void* data, size_t n);
inline uint32_t Crc32c(const void* data, size_t n) { return Crc32cExtend(0, data, n); }

}  // namespace paperdeck::index
