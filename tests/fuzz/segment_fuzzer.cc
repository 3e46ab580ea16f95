// libFuzzer target for reading a segment file: the input says how to damage a sound segment
// (sample_index.h) — an optional new length, then (offset, xor) byte patches — and the damaged
// file is opened and read through (terms, postings, positions, columns). A damaged file must be
// refused at open or by Verify with a clear error, never crash the reader; and a file that opens
// and verifies must read back exactly as the sound one: never a wrong answer.
//
// Input: byte 0 bit 0 set: bytes 1-4 are a little-endian length (modulo the size + 1) to cut
// the file to; then 5-byte patches: a little-endian offset (modulo the length) and a byte xored in.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "index/manifest.h"
#include "index/segment_file.h"
#include "sample_index.h"

namespace {

std::filesystem::path g_damaged;
std::string g_sound_bytes;
std::string g_sound_dump;

uint32_t Le32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const std::filesystem::path dir = paperdeck::fuzz::BuildSampleIndex();
  auto manifest = paperdeck::index::ReadManifest(dir);
  if (!manifest.ok() || !manifest.value() || manifest.value()->segments.size() != 1) __builtin_trap();
  const std::filesystem::path sound =
      dir / paperdeck::index::SegmentFileName(manifest.value()->segments[0].name);
  std::ifstream in(sound, std::ios::binary);
  g_sound_bytes.assign(std::istreambuf_iterator<char>(in), {});
  auto file = paperdeck::index::SegmentFile::Open(sound);
  if (!file.ok() || !file.value()->Verify().ok()) __builtin_trap();
  g_sound_dump = paperdeck::fuzz::DumpSegment(*file.value());
  g_damaged = dir / "damaged.seg";
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes = g_sound_bytes;
  size_t at = 0;
  if (size >= 5 && (data[0] & 1)) {
    bytes.resize(Le32(data + 1) % (bytes.size() + 1));
    at = 5;
  } else if (size > 0) {
    at = 1;
  }
  for (; at + 5 <= size && !bytes.empty(); at += 5) {
    bytes[Le32(data + at) % bytes.size()] ^= static_cast<char>(data[at + 4]);
  }
  {
    std::ofstream out(g_damaged, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) __builtin_trap();
  }
  auto file = paperdeck::index::SegmentFile::Open(g_damaged);
  if (!file.ok()) {
    if (file.status().message().empty()) __builtin_trap();
    return 0;
  }
  const std::string dump = paperdeck::fuzz::DumpSegment(*file.value());
  const paperdeck::Status verified = file.value()->Verify();
  if (verified.ok() && dump != g_sound_dump) {
    std::fprintf(stderr, "a damaged segment opened, verified and read differently\n");
    __builtin_trap();
  }
  return 0;
}
