// libFuzzer target for the enrichment sources' JSON: the same bytes as a Semantic Scholar batch
// answer, a Hugging Face daily papers list and a Hugging Face paper. Each parses or is a clear
// error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/enrichment_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)paperdeck::ingest::ParseSemanticScholarBatch(bytes, "fuzz.json");
  (void)paperdeck::ingest::ParseHuggingFaceDailyPapers(bytes, "fuzz.json");
  (void)paperdeck::ingest::ParseHuggingFacePaper(bytes, "fuzz.json");
  return 0;
}
