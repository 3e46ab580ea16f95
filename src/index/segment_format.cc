#include "index/segment_format.h"

#include <string>

#include "index/crc32c.h"

namespace paperdeck::index {
namespace {

template <typename T>
void Put(uint8_t*& p, T v) {
  std::memcpy(p, &v, sizeof v);
  p += sizeof v;
}
template <typename T>
T Get(const uint8_t*& p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  p += sizeof v;
  return v;
}

}  // namespace

void EncodeSegmentHeader(uint8_t out[kSegmentHeaderBytes]) {
  uint8_t* p = out;
  std::memcpy(p, kSegmentMagic, 8);
  p += 8;
  Put<uint32_t>(p, kSegmentFormatVersion);
  Put<uint32_t>(p, 0);
}

Status CheckSegmentHeader(std::span<const uint8_t> header) {
  if (header.size() < kSegmentHeaderBytes || std::memcmp(header.data(), kSegmentMagic, 8) != 0) {
    return Status::Corruption("not a segment file (bad magic)");
  }
  const uint8_t* p = header.data() + 8;
  uint32_t version = Get<uint32_t>(p);
  if (version != kSegmentFormatVersion) {
    return Status::Corruption("segment format version " + std::to_string(version) +
                              ", written by another build (this one reads version " +
                              std::to_string(kSegmentFormatVersion) + ")");
  }
  return Status::Ok();
}

void EncodeSegmentFooter(const SegmentFooter& footer, uint8_t out[kFooterBytes]) {
  uint8_t* p = out;
  for (const SectionExtent& s : footer.sections) {
    Put<uint64_t>(p, s.offset);
    Put<uint64_t>(p, s.size);
  }
  Put<uint32_t>(p, footer.doc_count);
  Put<uint32_t>(p, 0);
  Put<uint64_t>(p, footer.term_count);
  for (uint64_t len : footer.total_field_length) Put<uint64_t>(p, len);
  Put<uint32_t>(p, footer.body_crc);
  Put<uint32_t>(p, Crc32c(out, static_cast<size_t>(p - out)));
  std::memcpy(p, kSegmentFooterMagic, 8);
}

Status DecodeSegmentFooter(std::span<const uint8_t> bytes, SegmentFooter* footer) {
  if (bytes.size() != kFooterBytes ||
      std::memcmp(bytes.data() + kFooterBytes - 8, kSegmentFooterMagic, 8) != 0) {
    return Status::Corruption("segment footer missing (bad magic; truncated file?)");
  }
  const uint8_t* p = bytes.data();
  for (SectionExtent& s : footer->sections) {
    s.offset = Get<uint64_t>(p);
    s.size = Get<uint64_t>(p);
  }
  footer->doc_count = Get<uint32_t>(p);
  Get<uint32_t>(p);
  footer->term_count = Get<uint64_t>(p);
  for (uint64_t& len : footer->total_field_length) len = Get<uint64_t>(p);
  footer->body_crc = Get<uint32_t>(p);
  const size_t covered = static_cast<size_t>(p - bytes.data());
  uint32_t stored = Get<uint32_t>(p);
  if (Crc32c(bytes.data(), covered) != stored) {
    return Status::Corruption("segment footer checksum mismatch");
  }
  return Status::Ok();
}

}  // namespace paperdeck::index
