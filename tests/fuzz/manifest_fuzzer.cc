// libFuzzer target for reading an index's MANIFEST: the input is the manifest's text. It is
// parsed as is, and, with a checksum line appended (so the fuzzer reaches past the checksum),
// written over the MANIFEST of a sound index (sample_index.h) and opened with IndexReader. A
// manifest that does not describe the directory must be a clear error, never a crash; one that
// opens must give a snapshot a search can read: each segment once, counts that add up.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

#include "index/crc32c.h"
#include "index/index_reader.h"
#include "index/manifest.h"
#include "index/segment_posting_cursor.h"
#include "index/segment_reader.h"
#include "sample_index.h"

namespace {

std::filesystem::path g_dir;

void Write(const std::string& text) {
  std::ofstream out(g_dir / paperdeck::index::kManifestFileName, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_dir = paperdeck::fuzz::BuildSampleIndex();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace paperdeck::index;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = ParseManifest(text);
  if (parsed.ok()) {
    // What was read is what would be written again.
    auto again = ParseManifest(SerializeManifest(parsed.value()));
    if (!again.ok() || SerializeManifest(again.value()) != SerializeManifest(parsed.value())) {
      __builtin_trap();
    }
  } else if (parsed.status().message().empty()) {
    __builtin_trap();
  }

  std::string body(text);
  char crc[16];
  std::snprintf(crc, sizeof crc, "%08x", Crc32c(body.data(), body.size()));
  Write(body + "checksum " + crc + "\n");
  auto reader = IndexReader::Open(g_dir);
  if (!reader.ok()) {
    if (reader.status().message().empty()) __builtin_trap();
    return 0;
  }
  std::set<std::string> names;
  uint64_t live = 0;
  for (const auto& segment : reader.value()->segments()) {
    if (!names.insert(segment->name()).second) {
      std::fprintf(stderr, "segment %s opened twice\n", segment->name().c_str());
      __builtin_trap();
    }
    uint32_t deleted = 0;
    for (uint32_t d = 0; d < segment->doc_count(); ++d) deleted += segment->IsDeleted(d) ? 1 : 0;
    if (segment->doc_count() - deleted != segment->live_doc_count()) __builtin_trap();
    live += segment->live_doc_count();
    auto cursor = segment->Postings("sparse");
    for (uint32_t n = 0; cursor && cursor->doc() != kEndDoc && n <= segment->doc_count(); ++n) {
      cursor->Next();
    }
  }
  if (live != reader.value()->live_doc_count()) __builtin_trap();
  return 0;
}
