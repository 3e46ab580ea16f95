// Files for the ingest tests: a scratch directory removed when the test ends, plain and gzip
// writers, and a reader loop that collects what a RecordReader yields.
#pragma once

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/record_reader.h"
#include "support/temp_dir.h"

namespace paperdeck::ingest::testing {

inline std::filesystem::path TestData(std::string_view name) {
  return std::filesystem::path(PAPERDECK_TEST_DATA) / name;
}

// bytes as one gzip member, as gzip(1) writes it.
inline std::string Gzip(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, bytes.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  EXPECT_EQ(rc, Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A TempDir that writes the test's files into itself.
class ScratchDir : public ::paperdeck::testing::TempDir {
 public:
  std::filesystem::path Write(std::string_view name, std::string_view bytes) const {
    std::filesystem::path p = path() / name;
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

  std::filesystem::path WriteGzip(std::string_view name, std::string_view bytes) const {
    return Write(name, Gzip(bytes));
  }
};

// Everything one pass over a file yields.
struct ReadResult {
  std::vector<PaperRecord> records;
  std::vector<ReadIssue> bad;       // kBadRecord issues, in order
  std::optional<ReadIssue> failure; // the kFailed issue, if the file ended that way
};

inline ReadResult ReadAll(RecordReader& reader) {
  ReadResult result;
  for (;;) {
    PaperRecord record;
    ReadIssue issue;
    switch (reader.Next(&record, &issue)) {
      case ReadOutcome::kRecord:
        result.records.push_back(std::move(record));
        continue;
      case ReadOutcome::kBadRecord:
        result.bad.push_back(issue);
        continue;
      case ReadOutcome::kFailed:
        result.failure = issue;
        return result;
      case ReadOutcome::kEnd:
        return result;
    }
  }
}

// Opens path (which must open) and reads it all.
inline ReadResult ReadFile(const std::filesystem::path& path,
                           InputFormat format = InputFormat::kAuto) {
  Result<std::unique_ptr<RecordReader>> reader = RecordReader::Open(path, format);
  if (!reader.ok()) {
    ADD_FAILURE() << "Open failed: " << reader.status().message();
    return {};
  }
  return ReadAll(**reader);
}

}  // namespace paperdeck::ingest::testing
