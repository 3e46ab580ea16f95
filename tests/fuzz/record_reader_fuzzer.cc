// libFuzzer target for a file import: any bytes, written to a file, go through RecordReader as
// `import` reads them, record after record, until the end or a failure. Built once per format
// (tests/fuzz/CMakeLists.txt defines which):
//   PAPERDECK_FUZZ_PAPERDECK_JSONL, _ARXIV_SNAPSHOT, _ARXIV_JSONL: that JSON-lines format, given;
//   PAPERDECK_FUZZ_GZIP: the bytes as a .gz file, format detected (gzip framing, then lines);
//   PAPERDECK_FUZZ_CSL_JSON: a CSL JSON array.
// The reader must end, stay inside its buffers, and name a line within the file for every issue.
#include <stdlib.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "ingest/record_reader.h"

namespace {

using paperdeck::ingest::InputFormat;

// The format given to Open, the file's name, and whether the bytes are compressed.
#if defined(PAPERDECK_FUZZ_PAPERDECK_JSONL)
constexpr InputFormat kFormat = InputFormat::kPaperDeckJsonl;
constexpr const char* kFileName = "input.jsonl";
constexpr bool kCompressed = false;
#elif defined(PAPERDECK_FUZZ_ARXIV_SNAPSHOT)
constexpr InputFormat kFormat = InputFormat::kArxivSnapshot;
constexpr const char* kFileName = "input.jsonl";
constexpr bool kCompressed = false;
#elif defined(PAPERDECK_FUZZ_ARXIV_JSONL)
constexpr InputFormat kFormat = InputFormat::kArxivJsonl;
constexpr const char* kFileName = "input.jsonl";
constexpr bool kCompressed = false;
#elif defined(PAPERDECK_FUZZ_GZIP)
constexpr InputFormat kFormat = InputFormat::kAuto;
constexpr const char* kFileName = "input.jsonl.gz";
constexpr bool kCompressed = true;
#elif defined(PAPERDECK_FUZZ_CSL_JSON)
constexpr InputFormat kFormat = InputFormat::kCslJson;
constexpr const char* kFileName = "input.json";
constexpr bool kCompressed = false;
#else
#error "define the format this fuzzer reads"
#endif

std::filesystem::path g_dir;

void RemoveDir() {
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const char* tmp = getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") +
                        "/paperdeck-fuzz-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) __builtin_trap();
  g_dir = pattern;
  atexit(RemoveDir);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::filesystem::path path = g_dir / kFileName;
  FILE* f = fopen(path.c_str(), "wb");
  if (f == nullptr) __builtin_trap();
  if (size > 0 && fwrite(data, 1, size, f) != size) __builtin_trap();
  fclose(f);

  auto reader = paperdeck::ingest::RecordReader::Open(path, kFormat);
  if (!reader.ok()) return 0;  // an empty file, or no format recognised: a clear error
  // A JSON-lines reader returns one record or issue a line, so more calls than lines plus two
  // means it does not end; a CSL JSON array may hold many items on a line, but each takes a
  // byte at least. Compressed bytes say nothing of the lines inside; zlib inflates at most
  // about 1032 to 1. Every issue names a line of the file.
  size_t lines = 1;
  for (size_t i = 0; i < size; ++i) lines += data[i] == '\n';
  if (kCompressed) lines = (size + 1) * 1100;
  const size_t max_calls = kFormat == InputFormat::kCslJson ? size + 2 : lines + 2;
  for (size_t calls = 0; calls <= max_calls; ++calls) {
    paperdeck::PaperRecord record;
    paperdeck::ingest::ReadIssue issue;
    switch (reader.value()->Next(&record, &issue)) {
      case paperdeck::ingest::ReadOutcome::kEnd:
        return 0;
      case paperdeck::ingest::ReadOutcome::kFailed:
        return 0;
      case paperdeck::ingest::ReadOutcome::kBadRecord:
        if (issue.line == 0 || issue.line > lines) __builtin_trap();
        break;
      case paperdeck::ingest::ReadOutcome::kRecord:
        break;
    }
  }
  __builtin_trap();  // the reader did not end
}
