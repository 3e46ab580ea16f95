// libFuzzer target for one page of the arXiv API (Atom): any bytes parse to a feed or to a clear
// error, never a crash; every entry read has an id and a title.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/arxiv_atom_feed.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto feed = paperdeck::ingest::ParseArxivAtomFeed(bytes, "fuzz.atom");
  if (!feed.ok()) return 0;
  for (const auto& entry : feed.value().entries) {
    if (entry.record.arxiv_id.empty() || entry.record.title.empty()) __builtin_trap();
  }
  return 0;
}
