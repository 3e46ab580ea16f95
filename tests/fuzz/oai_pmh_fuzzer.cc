// libFuzzer target for one OAI-PMH ListRecords page: any bytes parse to a page or to a clear
// error, never a crash; every record read has an arXiv id and a title.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/oai_pmh_page.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto page = paperdeck::ingest::ParseOaiPmhPage(bytes, "fuzz.xml");
  if (!page.ok()) return 0;
  for (const auto& record : page.value().records) {
    if (record.arxiv_id.empty() || record.title.empty()) __builtin_trap();
  }
  return 0;
}
