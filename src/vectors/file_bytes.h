// FileBytes: how vectors/'s own files (forward files, paper vectors, the word model) are laid out
// and written. Fields are little-endian as the machine holds them (Put, Load). A file is written
// whole to PATH.tmp: its parts, then the CRC-32 of every byte before it and an end marker, synced,
// then renamed over PATH, so a reader finds the file whole or not at all (a crash leaves at most
// a .tmp, written again next time).
//
// Threading: free functions; no shared state.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

#include "model/status.h"

namespace paperdeck::vectors {

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}

template <typename T>
T Load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// The bytes of n objects at data, as one part of a file.
inline std::string_view BytesOf(const void* data, size_t n) {
  return {static_cast<const char*>(data), n};
}

// Writes parts in order, then their CRC-32 (also put in *crc when given) and end_marker, to
// path as above. On an error nothing is left at path that was not there before.
Status WriteWholeFile(const std::filesystem::path& path, std::initializer_list<std::string_view> parts,
                      std::string_view end_marker, uint32_t* crc = nullptr);

}  // namespace paperdeck::vectors
